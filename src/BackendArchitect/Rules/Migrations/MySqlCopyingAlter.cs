using BackendArchitect.Findings;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Migrations;

/// <summary>MIG013: MySQL ALTER TABLE forms that copy the whole table (ALGORITHM=COPY, dropping the primary key, foreign keys with checks on, charset conversion).</summary>
public sealed class MySqlCopyingAlter : IMigrationRule
{
    public RuleMetadata Metadata { get; } = new(
        "MIG013",
        "mysql-copying-alter",
        "migration",
        Severity.Warning,
        "A MySQL ALTER TABLE that uses the COPY algorithm rebuilds the table as a copy and blocks writes until it finishes.",
        "InnoDB (MySQL 8.0) does most ALTERs INSTANT or INPLACE with concurrent reads and writes, but some operations support "
        + "only ALGORITHM=COPY: the table is copied row by row into a new one and concurrent writes are blocked for the whole "
        + "copy, which on a large table means a long outage and twice the disk space. Reported here: an explicit "
        + "ALGORITHM=COPY, dropping the primary key without adding one in the same statement, adding a foreign key while "
        + "foreign_key_checks is on, and CONVERT TO CHARACTER SET. Column type changes are reported by MIG006 and enum "
        + "changes by MIG012. Use an online schema change tool (gh-ost, pt-online-schema-change) for big tables, or write "
        + "the change so that MySQL can do it in place and say ALGORITHM=INPLACE, LOCK=NONE so it fails instead of copying.",
        "ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id);",
        "SET foreign_key_checks = 0;\nALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id), ALGORITHM=INPLACE, LOCK=NONE;\nSET foreign_key_checks = 1;",
        ["https://dev.mysql.com/doc/refman/8.0/en/innodb-online-ddl-operations.html", "https://dev.mysql.com/doc/refman/8.0/en/alter-table.html#alter-table-performance"],
        ["mysql", "locking"])
    {
        Applicability = RuleApplicability.Sql(SqlDialect.MySql),
    };

    public IEnumerable<Finding> Check(ReplayStep step, MigrationLintContext context)
    {
        if (step.Statement is not AlterTableStatement alter || !step.IsExistingTable(alter.Name))
        {
            yield break;
        }

        var table = MigrationFacts.Display(step, alter.Name);
        var addsPrimaryKey = alter.Actions.OfType<AddConstraintAction>().Any(a => a.Constraint.Kind == ConstraintKind.PrimaryKey);
        foreach (var action in alter.Actions)
        {
            var reason = action switch
            {
                TableOptionAction { Name: "ALGORITHM", Value: "COPY" } => "ALGORITHM=COPY",
                DropConstraintAction { Kind: ConstraintKind.PrimaryKey } when !addsPrimaryKey => "dropping the primary key without adding another in the same statement",
                AddConstraintAction { Constraint.Kind: ConstraintKind.ForeignKey } when !ForeignKeyChecksOff(step) => "adding a foreign key while foreign_key_checks is on",
                OtherAlterAction other when other.Text.StartsWith("CONVERT", StringComparison.OrdinalIgnoreCase) => "converting the character set",
                _ => null,
            };
            if (reason is not null)
            {
                yield return MigrationFacts.Report(
                    this,
                    step,
                    MigrationFacts.LineOf(step, action),
                    $"ALTER TABLE {table}: {reason} makes MySQL copy the whole table and block writes until the copy finishes.",
                    "Use an online schema change tool for large tables, or rewrite the change so it can run with ALGORITHM=INPLACE, LOCK=NONE.");
            }
        }
    }

    private static bool ForeignKeyChecksOff(ReplayStep step)
    {
        var off = false;
        foreach (var statement in MigrationFacts.Earlier(step))
        {
            if (statement is SetStatement { Name: "foreign_key_checks" or "@@foreign_key_checks" or "session.foreign_key_checks" } set)
            {
                off = set.Value.Trim() is "0" or "OFF" or "off" or "FALSE" or "false";
            }
        }

        return off;
    }
}
