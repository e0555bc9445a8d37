using System.Text.Json.Serialization;

namespace BackendArchitect.Model;

/// <summary>
/// Where a fact or a finding is: a path relative to the scan root with '/' separators, 1-based line,
/// and, when the front-end knows them, the 1-based column and the end of the span (0 when unknown, and
/// then left out of the JSON).
/// </summary>
public sealed record SourceLocation(
    string File,
    int Line,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Column = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int EndLine = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int EndColumn = 0)
{
    public override string ToString() => $"{File}:{Line}";
}
