using BackendArchitect.Findings;
using BackendArchitect.Model;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Migrations;

/// <summary>MIG007: ALTER COLUMN ... SET NOT NULL on an existing PostgreSQL column, which scans the table under an ACCESS EXCLUSIVE lock.</summary>
public sealed class NotNullSetOnExistingColumn : IMigrationRule
{
    public RuleMetadata Metadata { get; } = new(
        "MIG007",
        "not-null-set-on-existing-column",
        "migration",
        Severity.Warning,
        "SET NOT NULL on an existing column scans the whole table while holding an ACCESS EXCLUSIVE lock.",
        "To add NOT NULL, PostgreSQL reads every row to prove there is no NULL, and holds an ACCESS EXCLUSIVE lock the whole "
        + "time, so the table serves neither reads nor writes during the scan. Since PostgreSQL 12 the scan is skipped when "
        + "a valid CHECK (col IS NOT NULL) constraint already proves it. The safe sequence is: ADD CONSTRAINT ... CHECK "
        + "(col IS NOT NULL) NOT VALID (instant), VALIDATE CONSTRAINT (scans under a SHARE UPDATE EXCLUSIVE lock that lets "
        + "reads and writes continue), SET NOT NULL (no scan on 12+), then drop the redundant CHECK. Before 12 the SET NOT "
        + "NULL step always scans; keep the validated CHECK constraint instead of NOT NULL there.",
        "ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;",
        "ALTER TABLE orders ADD CONSTRAINT orders_customer_id_not_null CHECK (customer_id IS NOT NULL) NOT VALID;\n"
        + "ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_not_null;\n"
        + "ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL; -- PostgreSQL 12+: no scan\n"
        + "ALTER TABLE orders DROP CONSTRAINT orders_customer_id_not_null;",
        ["https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-SET-DROP-NOT-NULL", "https://www.postgresql.org/docs/release/12.0/"],
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
        var before = step.TableBefore(alter.Name)!;
        var version = context.Options.PostgresVersion;
        foreach (var action in alter.Actions.OfType<AlterColumnNullabilityAction>())
        {
            var column = MigrationFacts.ColumnBefore(step, alter.Name, action.Column);
            if (!action.NotNull || column is { Nullable: false } || (version >= 12 && HasValidNotNullCheck(before, action.Column)))
            {
                continue;
            }

            var message = version >= 12
                ? $"SET NOT NULL on {table}.{action.Column} scans the whole existing table under an ACCESS EXCLUSIVE lock; no validated CHECK ({action.Column} IS NOT NULL) lets PostgreSQL skip the scan."
                : $"SET NOT NULL on {table}.{action.Column} scans the whole existing table under an ACCESS EXCLUSIVE lock (PostgreSQL {version} scans even when a CHECK constraint proves it).";
            var fix = version >= 12
                ? $"First ADD CONSTRAINT ... CHECK ({action.Column} IS NOT NULL) NOT VALID, then VALIDATE CONSTRAINT, then SET NOT NULL (no scan), then drop the CHECK."
                : $"Keep the column nullable and enforce it with CHECK ({action.Column} IS NOT NULL) NOT VALID followed by VALIDATE CONSTRAINT; switch to SET NOT NULL after upgrading to PostgreSQL 12+.";
            yield return MigrationFacts.Report(this, step, MigrationFacts.LineOf(step, action), message, fix);
        }
    }

    private static bool HasValidNotNullCheck(SchemaTable table, string column) =>
        table.Checks.Any(c => !c.NotValid && Squeeze(c.Expression) == Squeeze(column) + "isnotnull");

    private static string Squeeze(string text) =>
        new([.. text.Where(c => !char.IsWhiteSpace(c) && c is not '(' and not ')' and not '"').Select(char.ToLowerInvariant)]);
}
