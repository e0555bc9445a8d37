using System.Collections.Immutable;
using BackendArchitect.Model;

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

    /// <summary>Where the offending span ends (1-based); 0 when the rule only knows where it starts.</summary>
    public int EndLine { get; init; }

    /// <summary>The column after the span's last character on <see cref="EndLine"/>; 0 when unknown.</summary>
    public int EndColumn { get; init; }

    /// <summary>The other places the finding is about, in the order the rule gives them.</summary>
    public ImmutableArray<RelatedLocation> Related { get; init; } = [];

    /// <summary>The finding's place as the location type model facts use.</summary>
    public SourceLocation Location => new(File, Line, Column, EndLine, EndColumn);

    /// <summary>A finding of <paramref name="rule"/> at its default severity, spanning <paramref name="location"/>.</summary>
    public static Finding At(RuleMetadata rule, SourceLocation location, string message, string? fix = null) =>
        new(rule.Code, rule.DefaultSeverity, message, location.File, location.Line, Math.Max(location.Column, 1), fix)
        {
            EndLine = location.EndLine,
            EndColumn = location.EndColumn,
        };

    public bool Equals(Finding? other) =>
        other is not null && Code == other.Code && Severity == other.Severity && Message == other.Message && File == other.File
        && Line == other.Line && Column == other.Column && Fix == other.Fix && Snippet == other.Snippet
        && EndLine == other.EndLine && EndColumn == other.EndColumn && Related.SequenceEqual(other.Related);

    public override int GetHashCode() => HashCode.Combine(Code, File, Line, Column, Message);
}
