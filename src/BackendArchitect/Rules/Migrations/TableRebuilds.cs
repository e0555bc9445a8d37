using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Migrations;

/// <summary>Recognizes the rebuild pattern: a table dropped and then replaced by another table renamed to its name in the same migration.</summary>
internal static class TableRebuilds
{
    public static bool IsReplacedLater(ReplayStep step, QualifiedName dropped)
    {
        var key = step.Naming.KeyOf(dropped);
        foreach (var statement in MigrationFacts.Later(step))
        {
            var targets = statement switch
            {
                AlterTableStatement alter => alter.Actions.OfType<RenameTableAction>().Select(r => r.To),
                RenameTableStatement rename => rename.Renames.Select(r => r.To),
                _ => [],
            };
            if (targets.Any(t => step.Naming.KeyOf(t) == key))
            {
                return true;
            }
        }

        return false;
    }
}
