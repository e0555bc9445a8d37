namespace BackendArchitect.Findings;

/// <summary>One problem a rule found, at a precise place. Fix says what to do instead, when the rule knows.</summary>
public sealed record Finding(
    string Code,
    Severity Severity,
    string Message,
    string File,
    int Line,
    int Column = 1,
    string? Fix = null)
{
    /// <summary>The source line the finding points at, filled in by the pipeline for console and Markdown output.</summary>
    public string? Snippet { get; init; }
}
