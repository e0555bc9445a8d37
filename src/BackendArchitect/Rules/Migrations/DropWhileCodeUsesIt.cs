using BackendArchitect.Findings;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Migrations;

/// <summary>MIG011: dropping an existing table or column, which loses its data and breaks code that still uses it.</summary>
public sealed class DropWhileCodeUsesIt : IMigrationRule
{
    public RuleMetadata Metadata { get; } = new(
        "MIG011",
        "drop-while-code-uses-it",
        "migration",
        Severity.Warning,
        "Dropping an existing table or column destroys its data and breaks running code that still uses it.",
        "A DROP cannot be rolled back by redeploying the previous application version: the data is gone, and the old version "
        + "that is still serving during the deploy fails on every query that names the table or column (ORMs that select "
        + "all mapped columns fail even on unrelated reads). When the scan found code that still uses it, the finding lists "
        + "where. Drop in two releases: first deploy code that no longer reads or writes it (EF Core: remove the property "
        + "and keep the column), then drop it in a later migration, after a backup if the data may be needed.",
        "ALTER TABLE customers DROP COLUMN legacy_code;",
        "-- release 1: remove every use of legacy_code from the code\n-- release 2:\nALTER TABLE customers DROP COLUMN legacy_code;",
        ["https://www.postgresql.org/docs/current/sql-altertable.html", "https://dev.mysql.com/doc/refman/8.0/en/drop-table.html", "https://www.sqlite.org/lang_altertable.html#altertabdropcol"],
        ["postgres", "mysql", "sqlite", "compatibility", "data-loss"]);

    public IEnumerable<Finding> Check(ReplayStep step, MigrationLintContext context)
    {
        switch (step.Statement)
        {
            case DropStatement { ObjectKind: "TABLE" } drop:
                foreach (var name in drop.Names.Where(n => step.IsExistingTable(n) && !TableRebuilds.IsReplacedLater(step, n)))
                {
                    var display = MigrationFacts.Display(step, name);
                    yield return Drop(step, context, step.Statement.Line, "table", display, display);
                }

                break;
            case AlterTableStatement alter when step.IsExistingTable(alter.Name):
                var table = MigrationFacts.Display(step, alter.Name);
                foreach (var dropColumn in alter.Actions.OfType<DropColumnAction>())
                {
                    var key = $"{table}.{dropColumn.Column}";
                    yield return Drop(step, context, MigrationFacts.LineOf(step, dropColumn), "column", key, key);
                }

                break;
        }
    }

    private Finding Drop(ReplayStep step, MigrationLintContext context, int line, string kind, string key, string name)
    {
        var uses = MigrationFacts.CodeUses(context, key);
        return MigrationFacts.Report(
            this,
            step,
            line,
            $"Dropping {kind} {name} destroys its data and breaks running code that still uses it.{MigrationFacts.DescribeUses(uses)}",
            $"First deploy code that no longer uses {name}, then drop it in a later migration (after a backup if the data may be needed).",
            uses.Count > 0 ? Severity.Error : null);
    }
}
