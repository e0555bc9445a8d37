using BackendArchitect.Findings;
using BackendArchitect.Model;
using BackendArchitect.Reports;
using BackendArchitect.Reports.Findings;
using Spectre.Console;

namespace BackendArchitect.Cli.Rendering;

/// <summary>
/// Findings for a person at a terminal: grouped by severity (most serious first), each with
/// file:line:column, code and rule name, the message, the offending line and the fix; then input
/// diagnostics and one summary line. Plain mode writes no colour and no ANSI escapes.
/// </summary>
public static class FindingsConsoleRenderer
{
    public static void Render(FindingsReport report, TextWriter writer, bool plain) => Render(report, Console(writer, plain));

    /// <summary>A console on the writer: colour only when not plain; plain text is laid out at 120 columns.</summary>
    public static IAnsiConsole Console(TextWriter writer, bool plain)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });
        if (plain)
        {
            console.Profile.Width = 120;
        }

        return console;
    }

    public static void Render(FindingsReport report, IAnsiConsole console)
    {
        foreach (var severity in FindingsText.MostSeriousFirst)
        {
            var group = report.Findings.Where(f => f.Severity == severity).ToArray();
            if (group.Length == 0)
            {
                continue;
            }

            console.MarkupLine($"[{Colour(severity)} bold]{FindingsText.Heading(severity)} ({group.Length})[/]");
            console.WriteLine();
            foreach (var finding in group)
            {
                Finding(console, report, finding);
            }
        }

        Diagnostics(console, report);
        console.MarkupLine(Markup.Escape(SummaryLine(report)));
    }

    /// <summary>"3 findings: 1 error, 1 warning, 1 note; 2 input diagnostics; 1 file not linted (1 over the size limit)."</summary>
    public static string SummaryLine(FindingsReport report)
    {
        var diagnostics = FindingsText.InputSummary(report);
        return report.Findings.Length == 0
            ? $"{FindingsText.NoFindings(report)}{diagnostics}."
            : $"{Counts.Of(report.Findings.Length, "finding")}: {FindingsText.Summary(report)}{diagnostics}.";
    }

    private static void Finding(IAnsiConsole console, FindingsReport report, Finding f)
    {
        var rule = report.RuleOf(f);
        var colour = Colour(f.Severity);
        var name = rule is null ? "" : " " + rule.Name;
        console.MarkupLine($"[bold]{E($"{f.File}:{f.Line}:{f.Column}")}[/] [{colour}]{E(FindingsText.Word(f.Severity))}[/] [bold {colour}]{E(f.Code)}[/]{E(name)}");
        console.MarkupLine("  " + E(f.Message));
        foreach (var related in f.Related.IsDefault ? [] : f.Related)
        {
            console.MarkupLine($"  [dim]see[/] {E(related.Location.ToString())}: {E(related.Message)}");
        }
        if (!string.IsNullOrEmpty(f.Snippet))
        {
            console.MarkupLine($"  [dim]{E(f.Line.ToString(System.Globalization.CultureInfo.InvariantCulture))} |[/] {E(f.Snippet)}");
        }

        if (f.Fix is not null)
        {
            console.MarkupLine($"  [green]fix:[/] {E(f.Fix)}");
        }

        console.WriteLine();
    }

    private static void Diagnostics(IAnsiConsole console, FindingsReport report)
    {
        if (report.Diagnostics.IsEmpty)
        {
            return;
        }

        console.MarkupLine($"[bold]Input diagnostics ({report.Diagnostics.Length})[/]");
        foreach (var d in report.Diagnostics)
        {
            var where = string.IsNullOrEmpty(d.File) ? "" : (d.Line >= 1 ? $"{d.File}:{d.Line}" : d.File) + ": ";
            console.MarkupLine($"  [{DiagnosticColour(d.Severity)}]{E(where + d.Message)}[/]");
        }

        console.WriteLine();
    }

    private static string Colour(Severity severity) => severity switch
    {
        Severity.Error => "red",
        Severity.Warning => "yellow",
        _ => "blue",
    };

    private static string DiagnosticColour(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "red",
        DiagnosticSeverity.Warning => "yellow",
        _ => "default",
    };

    private static string E(string text) => Markup.Escape(text);
}
