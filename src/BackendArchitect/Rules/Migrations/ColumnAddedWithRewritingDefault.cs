using BackendArchitect.Findings;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Migrations;

/// <summary>MIG005: ADD COLUMN whose default makes PostgreSQL rewrite the whole table (volatile defaults; any default before 11).</summary>
public sealed class ColumnAddedWithRewritingDefault : IMigrationRule
{
    public RuleMetadata Metadata { get; } = new(
        "MIG005",
        "column-added-with-rewriting-default",
        "migration",
        Severity.Warning,
        "ADD COLUMN with a default that PostgreSQL must compute per row rewrites the whole table under an ACCESS EXCLUSIVE lock.",
        "Since PostgreSQL 11, ADD COLUMN with a non-volatile DEFAULT (a constant, now(), CURRENT_TIMESTAMP) only stores the "
        + "value in the catalog and is instant. A volatile default (random(), gen_random_uuid(), clock_timestamp(), "
        + "nextval(), so also serial and identity columns) and a STORED generated column still make PostgreSQL compute a "
        + "value for every row, which rewrites the table and its indexes while holding an ACCESS EXCLUSIVE lock: no reads, "
        + "no writes until it finishes. Before PostgreSQL 11 every non-null default rewrites the table. Add the column "
        + "without a default (or with a constant one), set the default for new rows separately, and backfill existing "
        + "rows in batches.",
        "ALTER TABLE orders ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();",
        "ALTER TABLE orders ADD COLUMN public_id uuid;\nALTER TABLE orders ALTER COLUMN public_id SET DEFAULT gen_random_uuid();\n-- backfill in batches: UPDATE orders SET public_id = gen_random_uuid() WHERE id BETWEEN ... AND public_id IS NULL;",
        ["https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES", "https://www.postgresql.org/docs/release/11.0/", "https://www.postgresql.org/docs/current/xfunc-volatility.html"],
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
        var version = context.Options.PostgresVersion;
        foreach (var add in alter.Actions.OfType<AddColumnAction>())
        {
            var column = add.Column;
            string? reason = null;
            if (ColumnDefaults.IsComputedPerRow(column))
            {
                reason = column.GeneratedExpression is not null
                    ? "a STORED generated column is computed for every existing row"
                    : "an identity or serial column draws a sequence value for every existing row";
            }
            else if (column.Default is { IsVolatile: true } volatileDefault)
            {
                reason = $"the volatile default {volatileDefault.Text} is evaluated for every existing row";
            }
            else if (version < 11 && ColumnDefaults.HasNonNullDefault(column))
            {
                reason = $"PostgreSQL {version} writes the default {column.Default!.Text} into every existing row (only 11+ stores it in the catalog)";
            }

            if (reason is null)
            {
                continue;
            }

            yield return MigrationFacts.Report(
                this,
                step,
                MigrationFacts.LineOf(step, add),
                $"ADD COLUMN {column.Name} rewrites existing table {table} under an ACCESS EXCLUSIVE lock: {reason}.",
                "Add the column without that default, set the default for new rows with ALTER COLUMN ... SET DEFAULT, and backfill existing rows in batches.");
        }
    }
}
