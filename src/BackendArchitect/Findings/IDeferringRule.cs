using System.Collections.Immutable;

namespace BackendArchitect.Findings;

/// <summary>
/// A migration rule that reports, at the statement that caused it, a problem the listed schema rules also report when
/// it is still there in the final schema; where one of them reports at the same file and line, the lint keeps theirs.
/// </summary>
public interface IDeferringRule : IMigrationRule
{
    ImmutableArray<string> DefersTo { get; }
}
