using BackendArchitect.Model;

namespace BackendArchitect.Reports;

/// <summary>How many files were left unread and why, for the summary line of every report.</summary>
public static class SkippedFiles
{
    /// <summary>"0 skipped", or "3 skipped: 2 binary, 1 over the size limit".</summary>
    public static string Summary(IReadOnlyCollection<Diagnostic> diagnostics)
    {
        var count = DiagnosticCounts.SkippedFiles(diagnostics);
        return count == 0 ? "0 skipped" : $"{count:N0} skipped: {Reasons(diagnostics)}";
    }

    /// <summary>"2 binary, 1 over the size limit", most frequent first; empty when nothing was skipped.</summary>
    public static string Reasons(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(", ", diagnostics
            .Where(d => d.Skipped is not null)
            .DistinctBy(d => d.File)
            .GroupBy(d => d.Skipped!.Value)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .Select(g => $"{g.Count():N0} {Reason(g.Key)}"));

    private static string Reason(FileSkip skip) => skip switch
    {
        FileSkip.TooLarge => "over the size limit",
        FileSkip.Binary => "binary",
        FileSkip.TooDeep => "nested too deep",
        FileSkip.Link => "links out of the root",
        _ => "unreadable",
    };
}
