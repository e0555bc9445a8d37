using BackendArchitect.Model;
using Spectre.Console;

namespace BackendArchitect.Cli.Rendering;

/// <summary>The readable terminal summary of a scan.</summary>
public static class TableRenderer
{
    public static void Render(SystemModel model, TextWriter writer, bool plain = false)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        var endpoints = new Table().AddColumns("Service", "Method", "Route", "Auth", "Handler");
        foreach (var e in model.Endpoints)
        {
            endpoints.AddRow(Markup.Escape(e.Service), e.Method, Markup.Escape(e.Route), e.Auth.Required switch { true => "required", false => "anonymous", null => "unknown" }, Markup.Escape(e.Handler));
        }

        console.Write(endpoints);
    }
}
