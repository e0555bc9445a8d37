using BackendArchitect.Findings;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Migrations;

/// <summary>MIG004: ADD COLUMN ... NOT NULL without a DEFAULT on a table that already exists.</summary>
public sealed class NotNullColumnAddedWithoutDefault : IMigrationRule
{
    public RuleMetadata Metadata { get; } = new(
        "MIG004",
        "not-null-column-added-without-default",
        "migration",
        Severity.Error,
        "Adding a NOT NULL column without a DEFAULT to an existing table fails (PostgreSQL, SQL Server, SQLite) or silently fills rows with zero values (MySQL).",
        "Existing rows need a value for the new column. PostgreSQL fills them with NULL and then rejects the statement "
        + "with \"column contains null values\" as soon as the table has a row, so the migration passes on an empty "
        + "development database and fails in production. SQL Server does the same with error 4901 unless the column is "
        + "nullable, has a DEFAULT, or is an identity or rowversion column. SQLite refuses the ALTER outright (\"Cannot add a NOT NULL column "
        + "with default value NULL\"). MySQL accepts it and gives every existing row the type's implicit default (0, '' or "
        + "a zero date), which looks like real data to the code that reads it. Add the column nullable, backfill it in "
        + "batches, then make it NOT NULL; or give it a constant DEFAULT (cheap on PostgreSQL 11+ and MySQL 8.0).",
        "ALTER TABLE orders ADD COLUMN currency text NOT NULL;",
        "ALTER TABLE orders ADD COLUMN currency text NOT NULL DEFAULT 'EUR';\n-- or: add it nullable, backfill in batches, then SET NOT NULL (see MIG007)",
        ["https://www.postgresql.org/docs/current/sql-altertable.html", "https://dev.mysql.com/doc/refman/8.0/en/data-type-defaults.html", "https://www.sqlite.org/lang_altertable.html"],
        ["postgres", "mysql", "sqlite"]);

    public IEnumerable<Finding> Check(ReplayStep step, MigrationLintContext context)
    {
        // SQLite rejects the column even on an empty table, so new tables count there too.
        if (step.Statement is not AlterTableStatement alter
            || !(step.IsExistingTable(alter.Name) || (context.Dialect == SqlDialect.Sqlite && step.TableBefore(alter.Name) is not null)))
        {
            yield break;
        }

        var table = MigrationFacts.Display(step, alter.Name);
        foreach (var add in alter.Actions.OfType<AddColumnAction>())
        {
            var column = add.Column;
            if (column.NotNull != true || ColumnDefaults.HasValue(column))
            {
                continue;
            }

            var (message, severity) = context.Dialect switch
            {
                SqlDialect.MySql => ($"ADD COLUMN {column.Name} NOT NULL without DEFAULT on existing table {table}: MySQL fills existing rows with the type's implicit default (0, '' or a zero date), which the application will read as real data.", Severity.Warning),
                SqlDialect.Sqlite => ($"ADD COLUMN {column.Name} NOT NULL without DEFAULT on table {table}: SQLite rejects a NOT NULL column whose default is NULL, so this migration fails.", Severity.Error),
                SqlDialect.SqlServer => ($"ADD {column.Name} NOT NULL without DEFAULT on existing table {table} fails with error 4901 (ALTER TABLE only allows columns to be added that can contain nulls or have a DEFAULT definition) as soon as {table} has a row.", Severity.Error),
                _ => ($"ADD COLUMN {column.Name} NOT NULL without DEFAULT on existing table {table} fails with \"column contains null values\" as soon as {table} has a row.", Severity.Error),
            };
            yield return MigrationFacts.Report(
                this,
                step,
                MigrationFacts.LineOf(step, add),
                message,
                "Add the column with a constant DEFAULT, or add it nullable, backfill existing rows in batches and make it NOT NULL in a later migration.",
                severity);
        }
    }
}
