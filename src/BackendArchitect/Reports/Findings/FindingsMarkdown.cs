using System.Text;
using BackendArchitect.Findings;

namespace BackendArchitect.Reports.Findings;

/// <summary>
/// Findings as a pull request comment: a summary line, one table per severity (most serious first)
/// with file:line, rule and message, then a collapsible section per rule with why it matters and
/// the fixes, and the input diagnostics collapsed at the end.
/// </summary>
public static class FindingsMarkdown
{
    public const string Title = "Architect findings";

    /// <summary>Rows per severity table; the rest are counted, so a large run stays within a PR comment's size limit.</summary>
    public const int RowsShown = 50;

    /// <summary>Fixes and offending lines listed per rule in its details.</summary>
    public const int DetailsShown = 10;

    public static string Render(FindingsReport report)
    {
        var sb = new StringBuilder();
        sb.Append("## ").Append(Title).Append("\n\n");
        sb.Append(SummaryLine(report)).Append("\n\n");
        foreach (var severity in FindingsText.MostSeriousFirst)
        {
            var group = report.Findings.Where(f => f.Severity == severity).ToArray();
            if (group.Length == 0)
            {
                continue;
            }

            sb.Append("### ").Append(FindingsText.Heading(severity)).Append(" (").Append(group.Length).Append(")\n\n");
            sb.Append("| Location | Rule | Message |\n| --- | --- | --- |\n");
            foreach (var f in group.Take(RowsShown))
            {
                var rule = report.RuleOf(f);
                sb.Append("| ").Append(MarkdownWriter.Code($"{f.File}:{f.Line}"))
                    .Append(" | ").Append(MarkdownWriter.Cell(f.Code)).Append(rule is null ? "" : " " + MarkdownWriter.Code(rule.Name))
                    .Append(" | ").Append(MarkdownWriter.Cell(f.Message)).Append(" |\n");
            }

            if (group.Length > RowsShown)
            {
                sb.Append("\n").Append(More(group.Length - RowsShown)).Append('\n');
            }

            sb.Append('\n');
        }

        foreach (var code in report.Findings.Select(f => f.Code).Distinct().Order(StringComparer.Ordinal))
        {
            Details(sb, report, code);
        }

        Diagnostics(sb, report);
        return sb.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>"**3 findings**: 1 error, 1 warning, 1 note; 2 input diagnostics; 1 file not linted (1 over the size limit)." or "No findings."</summary>
    public static string SummaryLine(FindingsReport report)
    {
        var diagnostics = FindingsText.InputSummary(report);
        return report.Findings.Length == 0
            ? $"{FindingsText.NoFindings(report)}{diagnostics}."
            : $"**{Counts.Of(report.Findings.Length, "finding")}**: {FindingsText.Summary(report)}{diagnostics}.";
    }

    private static void Details(StringBuilder sb, FindingsReport report, string code)
    {
        var findings = report.Findings.Where(f => f.Code == code).ToArray();
        var rule = report.RuleOf(findings[0]);
        sb.Append("<details>\n<summary><b>").Append(Html(code)).Append("</b>");
        if (rule is not null)
        {
            sb.Append(' ').Append(Html(rule.Name)).Append(": ").Append(Html(rule.Summary.Trim()));
        }

        sb.Append("</summary>\n\n");
        if (rule is not null)
        {
            sb.Append(rule.Why.ReplaceLineEndings("\n").Trim()).Append("\n\n");
        }

        var fixes = findings.Where(f => f.Fix is not null).ToArray();
        if (fixes.Length > 0)
        {
            sb.Append("**How to fix**\n\n");
            foreach (var f in fixes.Take(DetailsShown))
            {
                sb.Append("- ").Append(MarkdownWriter.Code($"{f.File}:{f.Line}")).Append(": ").Append(MarkdownWriter.Text(f.Fix!)).Append('\n');
            }

            if (fixes.Length > DetailsShown)
            {
                sb.Append("- ").Append(More(fixes.Length - DetailsShown)).Append('\n');
            }

            sb.Append('\n');
        }

        var snippets = findings.Where(f => !string.IsNullOrEmpty(f.Snippet)).ToArray();
        if (snippets.Length > 0)
        {
            sb.Append("**Offending lines**\n\n");
            sb.Append(FindingsText.Fence(rule is null ? "" : FindingsText.ExampleLanguage(rule), string.Join('\n', snippets.Take(DetailsShown).Select(f => $"{f.File}:{f.Line}: {f.Snippet}"))));
        }

        if (rule is not null)
        {
            var language = FindingsText.ExampleLanguage(rule);
            sb.Append("**Use instead**\n\n").Append(FindingsText.Fence(language, rule.Good));
        }

        sb.Append("</details>\n\n");
    }

    private static void Diagnostics(StringBuilder sb, FindingsReport report)
    {
        if (report.Diagnostics.IsEmpty)
        {
            return;
        }

        sb.Append("<details>\n<summary>").Append(Counts.Of(report.Diagnostics.Length, "input diagnostic"))
            .Append(" (parts of the input that could not be read exactly)</summary>\n\n");
        foreach (var d in report.Diagnostics)
        {
            var where = string.IsNullOrEmpty(d.File) ? "" : MarkdownWriter.Code(d.Line >= 1 ? $"{d.File}:{d.Line}" : d.File) + ": ";
            sb.Append("- ").Append(where).Append(MarkdownWriter.Text(d.Message)).Append('\n');
        }

        sb.Append("\n</details>\n");
    }

    private static string More(int count) => $"...and {Counts.Of(count, "more finding")} (the json and sarif formats list them all).";

    /// <summary>Text inside an HTML element: only the characters HTML itself would read are escaped.</summary>
    private static string Html(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
