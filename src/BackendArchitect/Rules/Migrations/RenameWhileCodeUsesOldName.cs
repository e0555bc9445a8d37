using BackendArchitect.Findings;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Migrations;

/// <summary>MIG010: renaming an existing table or column, which breaks the application version that is still running during the deploy.</summary>
public sealed class RenameWhileCodeUsesOldName : IMigrationRule
{
    public RuleMetadata Metadata { get; } = new(
        "MIG010",
        "rename-while-code-uses-old-name",
        "migration",
        Severity.Warning,
        "Renaming an existing table or column breaks every running instance that still uses the old name.",
        "Migrations run before (or while) the new application version rolls out, so for a while the old version runs against "
        + "the new schema. A rename is instant in the database but every query of the old code that names the table or "
        + "column fails from that moment, and a rollback of the code does not bring the name back. When the scan found code "
        + "that still uses the old name, the finding lists where. Rename in steps instead: add the new column (or a view "
        + "named like the new table), write both, backfill, switch reads, deploy, and only then drop the old name.",
        "ALTER TABLE customers RENAME COLUMN mail TO email;",
        "ALTER TABLE customers ADD COLUMN email text;\n-- dual-write and backfill, deploy code that reads email, then in a later release:\nALTER TABLE customers DROP COLUMN mail;",
        ["https://www.postgresql.org/docs/current/sql-altertable.html", "https://dev.mysql.com/doc/refman/8.0/en/rename-table.html", "https://www.sqlite.org/lang_altertable.html"],
        ["postgres", "mysql", "sqlite", "compatibility"]);

    public IEnumerable<Finding> Check(ReplayStep step, MigrationLintContext context)
    {
        switch (step.Statement)
        {
            case AlterTableStatement alter when step.IsExistingTable(alter.Name):
                var table = MigrationFacts.Display(step, alter.Name);
                foreach (var action in alter.Actions)
                {
                    var line = MigrationFacts.LineOf(step, action);
                    switch (action)
                    {
                        case RenameTableAction rename:
                            yield return Rename(step, context, line, "table", table, table, MigrationFacts.Display(step, rename.To));
                            break;
                        case RenameColumnAction rename:
                            yield return Rename(step, context, line, "column", $"{table}.{rename.From}", $"{table}.{rename.From}", rename.To);
                            break;
                        case ModifyColumnAction { OldName: { } old } change when context.Dialect == SqlDialect.MySql && !step.Naming.ColumnComparer.Equals(old, change.Column.Name):
                            yield return Rename(step, context, line, "column", $"{table}.{old}", $"{table}.{old}", change.Column.Name);
                            break;
                    }
                }

                break;
            case RenameTableStatement renames:
                foreach (var (from, to) in renames.Renames.Where(r => step.IsExistingTable(r.From)))
                {
                    var name = MigrationFacts.Display(step, from);
                    yield return Rename(step, context, step.Statement.Line, "table", name, name, MigrationFacts.Display(step, to));
                }

                break;
        }
    }

    private Finding Rename(ReplayStep step, MigrationLintContext context, int line, string kind, string key, string from, string to)
    {
        var uses = MigrationFacts.CodeUses(context, key);
        return MigrationFacts.Report(
            this,
            step,
            line,
            $"Renaming {kind} {from} to {to} breaks running code that still uses the old name.{MigrationFacts.DescribeUses(uses)}",
            $"Add {to} alongside {from}, write both and backfill, deploy code that uses {to}, and drop {from} in a later release.",
            uses.Count > 0 ? Severity.Error : null);
    }
}
