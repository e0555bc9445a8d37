namespace BackendArchitect.Findings;

/// <summary>`--fail-on error|warning|note`: exit code 1 when any finding is at or above the threshold.</summary>
public static class FailOn
{
    public const int Clean = 0;
    public const int Failed = 1;

    /// <summary>The values --fail-on accepts, mildest first.</summary>
    public static IReadOnlyList<string> Values { get; } = ["note", "warning", "error"];

    /// <summary>
    /// 0 when no threshold is set, or every finding is below it and every input was linted; 1 otherwise.
    /// A migration that was skipped unread is not a clean one, whatever the threshold.
    /// </summary>
    public static int ExitCode(FindingsReport report, Severity? threshold) =>
        threshold is { } t && (report.Findings.Any(f => f.Severity >= t) || !report.NotLinted.IsEmpty) ? Failed : Clean;

    /// <summary>The threshold a --fail-on value names; null for none (also for null or unknown text).</summary>
    public static Severity? Parse(string? value) => value?.ToLowerInvariant() switch
    {
        "note" => Severity.Note,
        "warning" => Severity.Warning,
        "error" => Severity.Error,
        _ => null,
    };
}
