using System.Text;
using BackendArchitect.Findings;
using BackendArchitect.Model;

namespace BackendArchitect.Reports.Findings;

/// <summary>Small text pieces every findings renderer shares: severity words and safe code fences.</summary>
public static class FindingsText
{
    /// <summary>Severities from the most to the least serious, the order reports group by.</summary>
    public static IReadOnlyList<Severity> MostSeriousFirst { get; } = [Severity.Error, Severity.Warning, Severity.Note];

    /// <summary>"error", "warning" or "note": the word JSON, SARIF and --fail-on use.</summary>
    public static string Word(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>"Errors", "Warnings" or "Notes": a group heading.</summary>
    public static string Heading(Severity severity) => severity switch
    {
        Severity.Error => "Errors",
        Severity.Warning => "Warnings",
        _ => "Notes",
    };

    /// <summary>"1 error, 2 warnings, 0 notes".</summary>
    public static string Summary(FindingsReport report) =>
        string.Join(", ", MostSeriousFirst.Select(s => BackendArchitect.Reports.Counts.Of(report.Count(s), Word(s))));

    /// <summary>"No findings", or "No findings in the files linted" when some inputs could not be read: never a false all-clear.</summary>
    public static string NoFindings(FindingsReport report) =>
        report.NotLinted.IsEmpty ? "No findings" : "No findings in the files linted";

    /// <summary>
    /// What the summary line adds after the finding counts: "; 2 input diagnostics; 1 file not linted
    /// (1 over the size limit); 3 other files skipped (3 binary)". Empty when the input was read whole.
    /// </summary>
    public static string InputSummary(FindingsReport report)
    {
        var parts = new List<string>();
        if (report.Diagnostics.Length > 0)
        {
            parts.Add(BackendArchitect.Reports.Counts.Of(report.Diagnostics.Length, "input diagnostic"));
        }

        var notLinted = report.NotLinted;
        if (!notLinted.IsEmpty)
        {
            parts.Add($"{BackendArchitect.Reports.Counts.Of(DiagnosticCounts.SkippedFiles(notLinted), "file")} not linted ({BackendArchitect.Reports.SkippedFiles.Reasons(notLinted)})");
        }

        var others = report.Diagnostics.Where(d => d.Skipped is not null).Except(notLinted).ToArray();
        if (others.Length > 0)
        {
            parts.Add($"{BackendArchitect.Reports.Counts.Of(DiagnosticCounts.SkippedFiles(others), "other file")} skipped ({BackendArchitect.Reports.SkippedFiles.Reasons(others)})");
        }

        return string.Concat(parts.Select(p => "; " + p));
    }

    /// <summary>The language of a rule's examples, for fenced code: SQL for schema and migration rules.</summary>
    public static string ExampleLanguage(RuleMetadata rule)
    {
        var tags = rule.Tags.IsDefault ? [] : rule.Tags;
        bool Has(params string[] words) => tags.Any(t => words.Contains(t, StringComparer.OrdinalIgnoreCase));
        if (rule.Category is "schema" or "migration" || Has("sql", "postgres", "postgresql", "mysql", "sqlite", "tsql", "sqlserver"))
        {
            return "sql";
        }

        if (Has("yaml", "compose", "kubernetes"))
        {
            return "yaml";
        }

        return Has("dockerfile", "docker") ? "dockerfile" : "csharp";
    }

    /// <summary>A fenced code block whose fence is longer than any backtick run in the body, ending in a blank line.</summary>
    public static string Fence(string language, string body)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in body)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        var sb = new StringBuilder();
        sb.Append(fence).Append(language).Append('\n').Append(body.ReplaceLineEndings("\n").TrimEnd('\n')).Append('\n');
        sb.Append(fence).Append("\n\n");
        return sb.ToString();
    }
}
