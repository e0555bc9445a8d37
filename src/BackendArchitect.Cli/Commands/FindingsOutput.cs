using System.CommandLine;
using System.Reflection;
using BackendArchitect.Cli.Rendering;
using BackendArchitect.Findings;
using BackendArchitect.Reports.Findings;
using BackendArchitect.Scanning;

namespace BackendArchitect.Cli.Commands;

/// <summary>
/// The shared tail of every lint command: renders a findings report as console, json, sarif or
/// markdown to standard output or --output, then turns --fail-on into the exit code.
/// </summary>
public static class FindingsOutput
{
    /// <summary>The --format values lint commands accept; console is the default.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["console", "json", "sarif", "markdown"];

    /// <summary>The tool's version without build metadata, e.g. "0.1.0", as SARIF reports it.</summary>
    public static string ToolVersion { get; } =
        (typeof(FindingsOutput).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    /// <summary>`--format console|json|sarif|markdown` for a lint command.</summary>
    public static Option<string> FormatOption()
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output format: console, json, sarif or markdown.",
            DefaultValueFactory = _ => "console",
        };
        option.AcceptOnlyFromAmong([.. Formats]);
        return option;
    }

    /// <summary>`--fail-on error|warning|note`; read it with <see cref="FailOn.Parse"/>.</summary>
    public static Option<string?> FailOnOption()
    {
        var option = new Option<string?>("--fail-on")
        {
            Description = "Exit with code 1 when any finding is at or above this severity: error, warning or note (default: never).",
        };
        option.AcceptOnlyFromAmong([.. FailOn.Values]);
        return option;
    }

    /// <summary>
    /// Exit code: 2 when the output could not be written, else <see cref="FailOn.ExitCode"/>. A review's report also
    /// carries its endpoint table (console, json, markdown).
    /// </summary>
    public static int Write(FindingsReport report, string format, string? output, Severity? failOn, TextWriter stdout, TextWriter stderr, ReviewResult? review = null)
    {
        var text = format switch
        {
            "json" => review is null ? FindingsJson.Render(report) : ReviewJson.Render(review),
            "sarif" => SarifReport.Render(report, ToolVersion),
            "markdown" => review is null ? FindingsMarkdown.Render(report) : ReviewMarkdown.Render(review),
            _ => null,
        };

        if (text is null)
        {
            if (output is null)
            {
                RenderConsole(stdout, plain: Console.IsOutputRedirected);
                return FailOn.ExitCode(report, failOn);
            }

            using var sw = new StringWriter();
            RenderConsole(sw, plain: true);
            text = sw.ToString();
        }

        var written = OutputWriter.Write(text, output, stdout, stderr);
        return written != CliApp.Ok ? written : FailOn.ExitCode(report, failOn);

        void RenderConsole(TextWriter writer, bool plain)
        {
            var console = FindingsConsoleRenderer.Console(writer, plain);
            if (review is not null)
            {
                TableRenderer.RenderEndpoints(review.Model, console, plain);
            }

            FindingsConsoleRenderer.Render(report, console);
        }
    }
}
