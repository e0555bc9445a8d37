using System.CommandLine;
using BackendArchitect.Cli.Rendering;
using BackendArchitect.Findings;
using BackendArchitect.Scanning;

namespace BackendArchitect.Cli.Commands;

/// <summary>
/// `architect review [PATH] [--select CODES] [--ignore CODES] [--format F] [--output FILE] [--fail-on S] [--no-progress]`:
/// the security review of the code and its model, with the schema and migration rules over the migrations the
/// repository holds, in one report that carries the endpoint table with effective auth.
/// </summary>
public static class ReviewCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("path")
        {
            Description = "Repository or folder to review (default: the current directory).",
            DefaultValueFactory = _ => ".",
        };
        var select = new Option<string[]>("--select") { Description = "Run only these rules: codes, names or code prefixes (SEC, MIG0), comma-separated; an opt-in rule named here is enabled." };
        var ignore = new Option<string[]>("--ignore") { Description = "Skip these rules: codes, names or code prefixes, comma-separated." };
        var format = FindingsOutput.FormatOption();
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var failOn = FindingsOutput.FailOnOption();
        var noProgress = new Option<bool>("--no-progress") { Description = "Never show the progress display." };

        var command = new Command("review", "Review a repository: security findings over its endpoints, code and configuration, and its schema and migration findings.");
        command.Arguments.Add(path);
        command.Options.Add(select);
        command.Options.Add(ignore);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(failOn);
        command.Options.Add(noProgress);
        // An action that takes the token is the one System.CommandLine cancels on Ctrl-C (SIGINT, SIGTERM).
        command.SetAction((parse, cancellation) => Task.FromResult(Review(parse, cancellation)));
        return command;

        int Review(ParseResult parse, CancellationToken cancellation)
        {
            var target = parse.GetValue(path) ?? ".";
            var destination = parse.GetValue(output);
            ReviewResult result;
            try
            {
                var lint = new LintOptions { Rules = RuleSelection.Parse(parse.GetValue(select), parse.GetValue(ignore), RuleCatalog.All.Select(r => r.Metadata)) };
                var showProgress = !parse.GetValue(noProgress) && !Console.IsErrorRedirected && (destination is not null || !Console.IsOutputRedirected);
                result = ProgressDisplay.Run(showProgress, stderr, progress => ReviewEngine.Review(target, new ReviewOptions { Lint = lint }, progress, cancellation));
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

            return FindingsOutput.Write(result.Report, parse.GetValue(format) ?? "console", destination, FailOn.Parse(parse.GetValue(failOn)), stdout, stderr, result);
        }
    }
}
