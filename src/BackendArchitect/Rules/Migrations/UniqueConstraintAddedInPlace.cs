using BackendArchitect.Findings;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Migrations;

/// <summary>MIG009: ADD UNIQUE or PRIMARY KEY constraint on an existing PostgreSQL table, which builds its index while blocking the table.</summary>
public sealed class UniqueConstraintAddedInPlace : IMigrationRule
{
    public RuleMetadata Metadata { get; } = new(
        "MIG009",
        "unique-constraint-added-in-place",
        "migration",
        Severity.Warning,
        "ADD UNIQUE (or PRIMARY KEY) on an existing table builds the unique index under an ACCESS EXCLUSIVE lock.",
        "A UNIQUE or PRIMARY KEY constraint is backed by a unique index. Adding the constraint builds that index inside "
        + "ALTER TABLE, which holds an ACCESS EXCLUSIVE lock for the whole build: on a large table, minutes without reads "
        + "or writes. Build the index first with CREATE UNIQUE INDEX CONCURRENTLY (outside a transaction), then attach it "
        + "with ADD CONSTRAINT ... UNIQUE USING INDEX (or PRIMARY KEY USING INDEX), which only takes a brief lock.",
        "ALTER TABLE customers ADD CONSTRAINT uq_customers_email UNIQUE (email);",
        "CREATE UNIQUE INDEX CONCURRENTLY uq_customers_email ON customers (email);\n"
        + "ALTER TABLE customers ADD CONSTRAINT uq_customers_email UNIQUE USING INDEX uq_customers_email;",
        ["https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-ADD-TABLE-CONSTRAINT-USING-INDEX", "https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY"],
        ["postgres", "locking"])
    {
        Applicability = RuleApplicability.Sql(SqlDialect.PostgreSql),
    };

    public IEnumerable<Finding> Check(ReplayStep step, MigrationLintContext context)
    {
        if (step.Statement is not AlterTableStatement alter || !step.IsExistingTable(alter.Name))
        {
            yield break;
        }

        var table = MigrationFacts.Display(step, alter.Name);
        foreach (var action in alter.Actions.OfType<AddConstraintAction>())
        {
            var constraint = action.Constraint;
            if (constraint.Kind is not (ConstraintKind.Unique or ConstraintKind.PrimaryKey) || constraint.Columns.IsEmpty)
            {
                continue;
            }

            var kind = constraint.Kind == ConstraintKind.Unique ? "UNIQUE" : "PRIMARY KEY";
            yield return MigrationFacts.Report(
                this,
                step,
                MigrationFacts.LineOf(step, action),
                $"ADD {kind} ({string.Join(", ", constraint.Columns)}) on existing table {table} builds its unique index under an ACCESS EXCLUSIVE lock.",
                $"CREATE UNIQUE INDEX CONCURRENTLY on ({string.Join(", ", constraint.Columns)}) outside a transaction, then ADD CONSTRAINT ... {kind} USING INDEX.");
        }
    }
}
