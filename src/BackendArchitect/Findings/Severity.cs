namespace BackendArchitect.Findings;

/// <summary>How much a finding matters; --fail-on compares against it.</summary>
public enum Severity
{
    Note,
    Warning,
    Error,
}
