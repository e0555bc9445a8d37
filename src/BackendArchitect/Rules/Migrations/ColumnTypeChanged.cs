using BackendArchitect.Findings;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Migrations;

/// <summary>MIG006: a column type change on an existing table that rewrites or copies it (PostgreSQL ALTER COLUMN TYPE, MySQL MODIFY/CHANGE).</summary>
public sealed class ColumnTypeChanged : IMigrationRule
{
    public RuleMetadata Metadata { get; } = new(
        "MIG006",
        "column-type-changed",
        "migration",
        Severity.Warning,
        "Changing a column's type on an existing table rewrites (PostgreSQL) or copies (MySQL) the whole table while blocking writes.",
        "PostgreSQL's ALTER COLUMN TYPE takes an ACCESS EXCLUSIVE lock and, unless the old and new types are binary "
        + "coercible, rewrites every row and rebuilds every index of the table: no reads or writes until it ends. The "
        + "known-safe changes are not reported: varchar(n) to a longer varchar, varchar to text and numeric(p,s) to a "
        + "larger precision with the same scale. MySQL 8.0 changes a column's data type only with ALGORITHM=COPY, which "
        + "builds a full copy of the table and blocks writes meanwhile (extending a VARCHAR within the same length-byte "
        + "size is in place and not reported). Running code also still reads and writes the old type. The safe path is "
        + "expand and contract: add a new column with the new type, write both, backfill in batches, switch reads, then "
        + "drop the old column.",
        "ALTER TABLE orders ALTER COLUMN total TYPE bigint;",
        "ALTER TABLE orders ADD COLUMN total_v2 bigint;\n-- dual-write, backfill in batches, switch reads, then drop total",
        ["https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES", "https://dev.mysql.com/doc/refman/8.0/en/innodb-online-ddl-operations.html#online-ddl-column-operations"],
        ["postgres", "mysql", "locking"])
    {
        Applicability = RuleApplicability.Sql(SqlDialect.PostgreSql, SqlDialect.MySql),
    };

    public IEnumerable<Finding> Check(ReplayStep step, MigrationLintContext context)
    {
        if (step.Statement is not AlterTableStatement alter || !step.IsExistingTable(alter.Name))
        {
            yield break;
        }

        var table = MigrationFacts.Display(step, alter.Name);
        foreach (var action in alter.Actions)
        {
            var message = action switch
            {
                AlterColumnTypeAction change when MigrationFacts.IsPostgres(context) => Postgres(step, alter.Name, table, change),
                ModifyColumnAction modify when context.Dialect == SqlDialect.MySql => MySql(step, alter.Name, table, modify),
                _ => null,
            };
            if (message is not null)
            {
                yield return MigrationFacts.Report(
                    this,
                    step,
                    MigrationFacts.LineOf(step, action),
                    message,
                    "Expand and contract: add a column with the new type, write both, backfill in batches, switch reads, then drop the old column.");
            }
        }
    }

    private static string? Postgres(ReplayStep step, QualifiedName name, string table, AlterColumnTypeAction change)
    {
        var after = TypeNormalizer.Normalize(change.Type, SqlDialect.PostgreSql);
        var before = MigrationFacts.ColumnBefore(step, name, change.Column)?.Type;
        if (before is not null && change.Using is null && (before == after || TypeChanges.IsSafeInPostgres(before, after)))
        {
            return null;
        }

        var from = before is null ? "" : $" from {before}";
        return $"ALTER COLUMN {change.Column} TYPE {after}{from} rewrites existing table {table} and its indexes under an ACCESS EXCLUSIVE lock.";
    }

    private static string? MySql(ReplayStep step, QualifiedName name, string table, ModifyColumnAction modify)
    {
        if (modify.Column.Type is not { } type || MigrationFacts.ColumnBefore(step, name, modify.OldName ?? modify.Column.Name) is not { } old)
        {
            return null;
        }

        var after = TypeNormalizer.Normalize(type, SqlDialect.MySql);
        if (string.Equals(old.Type, after, StringComparison.OrdinalIgnoreCase) || TypeChanges.IsInPlaceInMySql(old.Type, after)
            || (TypeChanges.IsEnumOrSet(old.Type) && TypeChanges.IsEnumOrSet(after)))
        {
            return null;
        }

        var verb = modify.OldName is null ? "MODIFY" : "CHANGE";
        return $"{verb} {modify.Column.Name} changes its type from {old.Type} to {after}: MySQL copies the whole table {table} (ALGORITHM=COPY) and blocks writes meanwhile.";
    }
}
