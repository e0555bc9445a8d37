using Spectre.Console;

namespace BackendArchitect.Cli.Rendering;

/// <summary>A spinner with the current step on standard error, only on an interactive terminal.</summary>
public static class ProgressDisplay
{
    public static T Run<T>(bool enabled, TextWriter stderr, Func<IProgress<string>?, T> work)
    {
        if (!enabled)
        {
            return work(null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        return console.Status().Spinner(Spinner.Known.Dots).Start("Scanning", ctx =>
            work(new Progress<string>(message => ctx.Status(Markup.Escape(message)))));
    }
}
