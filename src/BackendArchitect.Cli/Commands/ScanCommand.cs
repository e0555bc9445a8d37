using System.CommandLine;
using BackendArchitect.Cli.Rendering;
using BackendArchitect.Model;
using BackendArchitect.Reports;
using BackendArchitect.Scanning;

namespace BackendArchitect.Cli.Commands;

/// <summary>`architect scan [PATH] [--format table|json|markdown|mermaid] [--diagram flow|er] [--output FILE|DIR/]`.</summary>
public static class ScanCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("path")
        {
            Description = "Repository or folder to scan (default: the current directory).",
            DefaultValueFactory = _ => ".",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: table, json, markdown or mermaid.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "markdown", "mermaid");
        var diagram = new Option<string?>("--diagram")
        {
            Description = "With --format mermaid: flow (services and dependencies, the default) or er (the EF model).",
        };
        diagram.AcceptOnlyFromAmong("flow", "er");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the output to this file instead of standard output; with --format mermaid, a directory (existing, or ending in '/') gets one file per diagram.",
        };
        var noProgress = new Option<bool>("--no-progress") { Description = "Never show the progress display." };

        var command = new Command("scan", "Read a repository into the system model and show it.");
        command.Arguments.Add(path);
        command.Options.Add(format);
        command.Options.Add(diagram);
        command.Options.Add(output);
        command.Options.Add(noProgress);
        // An action that takes the token is the one System.CommandLine cancels on Ctrl-C (SIGINT, SIGTERM).
        command.SetAction((parse, cancellation) => Task.FromResult(Execute(
            parse.GetValue(path) ?? ".",
            parse.GetValue(format) ?? "table",
            parse.GetValue(diagram),
            parse.GetValue(output),
            parse.GetValue(noProgress),
            stdout,
            stderr,
            cancellation)));
        return command;
    }

    private static int Execute(string path, string format, string? diagram, string? output, bool noProgress, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        if (diagram is not null && format != "mermaid")
        {
            stderr.WriteLine("architect: --diagram applies to --format mermaid only");
            return CliApp.UsageError;
        }

        SystemModel model;
        try
        {
            // Progress goes to standard error, and only when a person watches both streams: never when
            // either is redirected (CI logs, pipes), unless the report itself goes to a file.
            var showProgress = !noProgress && !Console.IsErrorRedirected && (output is not null || !Console.IsOutputRedirected);
            model = ProgressDisplay.Run(showProgress, stderr, progress => ScanEngine.Scan(path, progress: progress, cancellation: cancellation));
        }
        catch (InputException e)
        {
            stderr.WriteLine($"architect: {e.Message}");
            return CliApp.UsageError;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            stderr.WriteLine("architect: cancelled; nothing was written");
            return CliApp.Cancelled;
        }

        if (format == "mermaid")
        {
            return MermaidOutput.Write(model, diagram, output, stdout, stderr);
        }

        var text = format switch
        {
            "json" => JsonReport.Render(model),
            "markdown" => MarkdownReport.Render(model),
            _ => null,
        };

        if (text is null)
        {
            if (output is null)
            {
                // A terminal gets colour at its own width; a pipe gets plain text at COLUMNS or 120.
                TableRenderer.Render(model, stdout, plain: Console.IsOutputRedirected, TerminalWidth.Current());
                return CliApp.Ok;
            }

            using var sw = new StringWriter();
            TableRenderer.Render(model, sw, plain: true, TerminalWidth.Resolve(true, null, Environment.GetEnvironmentVariable("COLUMNS")));
            text = sw.ToString();
        }

        return OutputWriter.Write(text, output, stdout, stderr);
    }
}
