namespace BackendArchitect.Model;

/// <summary>Something the scan could not read or had to guess; never fatal.</summary>
public sealed record Diagnostic(string File, int Line, string Message, DiagnosticSeverity Severity = DiagnosticSeverity.Warning);

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}
