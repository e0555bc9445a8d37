namespace BackendArchitect.Model;

/// <summary>Something the scan could not read or had to guess; never fatal.</summary>
public sealed record Diagnostic(string File, int Line, string Message, DiagnosticSeverity Severity = DiagnosticSeverity.Warning)
{
    /// <summary>Set when the whole file was left unread, and why; summaries count these and --fail-on weighs them.</summary>
    public FileSkip? Skipped { get; init; }
}

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>Counts over diagnostics that the workspace, the scan and the reports share.</summary>
public static class DiagnosticCounts
{
    /// <summary>How many distinct files were left unread (each has a diagnostic with <see cref="Diagnostic.Skipped"/> set).</summary>
    public static int SkippedFiles(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Skipped is not null).Select(d => d.File).Distinct().Count();
}

/// <summary>Why a file was not read at all.</summary>
public enum FileSkip
{
    TooLarge,
    Binary,
    TooDeep,
    Unreadable,
    Link,
}
