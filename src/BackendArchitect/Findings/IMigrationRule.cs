using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Findings;

/// <summary>A migration-safety rule over one replayed statement, knowing the schema before it.</summary>
public interface IMigrationRule : IRule
{
    IEnumerable<Finding> Check(ReplayStep step, MigrationLintContext context);
}
