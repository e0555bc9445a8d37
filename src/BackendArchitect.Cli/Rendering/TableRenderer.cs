using System.Globalization;
using BackendArchitect.Model;
using BackendArchitect.Reports;
using Spectre.Console;

namespace BackendArchitect.Cli.Rendering;

/// <summary>
/// The readable terminal summary of a scan: header, services, endpoints with colour-coded auth,
/// data model, dependencies and a short diagnostics list, every table fitted to the width
/// (<see cref="TableFit"/>). Plain mode (pipes, --output) writes no colour, no ANSI escapes and ASCII borders.
/// </summary>
public static class TableRenderer
{
    /// <summary>How many diagnostics are listed; the rest are counted.</summary>
    public const int DiagnosticsShown = 10;

    public static void Render(SystemModel model, TextWriter writer, bool plain = false, int width = TerminalWidth.Default)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = plain ? InteractionSupport.No : InteractionSupport.Detect,
        });
        console.Profile.Width = width;
        Render(model, console, plain);
    }

    /// <summary>Writes to a console the caller configured, at its profile width; plain picks ASCII borders.</summary>
    public static void Render(SystemModel model, IAnsiConsole console, bool plain)
    {
        var layout = new Layout(plain ? TableBorder.Ascii : TableBorder.Rounded, console.Profile.Width, plain ? "..." : "\u2026");
        Header(console, model);
        Services(console, model, layout);
        Endpoints(console, model, layout);
        DataModel(console, model, layout);
        Dependencies(console, model, layout);
        Diagnostics(console, model);
    }

    /// <summary>The endpoint table alone, fitted to the console's width: the review shows it above its findings.</summary>
    public static void RenderEndpoints(SystemModel model, IAnsiConsole console, bool plain) =>
        Endpoints(console, model, new Layout(plain ? TableBorder.Ascii : TableBorder.Rounded, console.Profile.Width, plain ? "..." : "\u2026"));

    /// <summary>What every table of one rendering shares.</summary>
    private sealed record Layout(TableBorder Border, int Width, string Ellipsis);

    private static void Header(IAnsiConsole console, SystemModel m)
    {
        var s = m.Statistics;
        console.MarkupLine($"[bold]{Markup.Escape(m.Root)}[/]");
        console.MarkupLine(Markup.Escape(
            $"{Counts.Of(s.Files, "file")}, {Counts.Of(s.Lines, "line")} ({Counts.Of(s.SourceFiles, "C# file")}, {SkippedFiles.Summary(m.Diagnostics)}): "
            + $"{Counts.Of(m.Services.Length, "service")}, {Counts.Of(m.Endpoints.Length, "endpoint")}, {Counts.Of(m.Entities.Length, "entity", "entities")}, {Counts.Of(m.Diagnostics.Length, "diagnostic")}"));
        var secrets = m.Configuration.Count(c => c.IsSecret);
        console.MarkupLine(Markup.Escape(
            $"{Counts.Of(m.Configuration.Length, "configuration key")} ({N(secrets)} secret, masked), {Counts.Of(m.Containers.Length, "Dockerfile")}, {Counts.Of(m.ComposeServices.Length, "compose service")}"));
        console.WriteLine();
    }

    private static void Services(IAnsiConsole console, SystemModel m, Layout layout)
    {
        if (m.Services.IsEmpty)
        {
            console.MarkupLine("No web service found.");
            console.WriteLine();
            return;
        }

        FitColumn[] columns = [new("Name", 16, Shrink: 3), new("Path", 16, Shrink: 2), new("Framework", 9, Shrink: 4), new("Entry point", 16, Shrink: 1, Drop: 1)];
        var rows = m.Services.Select(s => Row(s.Name, s.Path, s.TargetFramework, s.EntryPoint?.ToString())).ToArray();
        Write(console, FittedTable.Create("Services", layout.Border, columns, rows, layout.Width, layout.Ellipsis));
    }

    private static void Endpoints(IAnsiConsole console, SystemModel m, Layout layout)
    {
        if (m.Endpoints.IsEmpty)
        {
            console.MarkupLine("No endpoint found.");
            console.WriteLine();
            return;
        }

        // Value order: the route and its auth are what the table is for. The source (a file name; JSON
        // and Markdown carry the path) gives way first, then the handler and the service narrow, and
        // when that wraps too many rows the source, the service and the handler go in turn. With one
        // service the Service column repeats one name, so it is not shown at all.
        var showService = m.Endpoints.Select(e => e.Service).Distinct().Skip(1).Any();
        List<FitColumn> columns = [new("Method", 6), new("Route", 24, Shrink: 5), new("Auth", 12, Shrink: 4), new("Handler", 16, Shrink: 2, Drop: 3), new("Source", 16, Shrink: 1, Drop: 1)];
        if (showService)
        {
            columns.Insert(0, new("Service", 10, Shrink: 3, Drop: 2));
        }

        var rows = m.Endpoints.Select(e =>
        {
            var file = e.File[(e.File.LastIndexOf('/') + 1)..];
            var source = e.Condition is null ? $"{file}:{e.Line}" : $"{file}:{e.Line} (when {e.Condition})";
            var detail = AuthText.Detail(e.Auth);
            var auth = detail.Length == 0 ? AuthWord(e) : $"{AuthWord(e)} {detail}";
            string[] cells = [e.Method, e.Route, auth, e.Handler, source];
            return (IReadOnlyList<string>)(showService ? [e.Service, .. cells] : cells);
        }).ToArray();
        var authColumn = columns.FindIndex(c => c.Header == "Auth");
        var anonymousWrites = AuthText.AnonymousWrites(m).Count();
        var title = $"Endpoints ({N(m.Endpoints.Length)}, {Counts.Of(anonymousWrites, "anonymous write")})";
        Write(console, FittedTable.Create(title, layout.Border, columns, rows, layout.Width, layout.Ellipsis, (column, row, text) =>
            column == authColumn ? AuthMarkup(m.Endpoints[row], text) : E(text)));
    }

    private static void DataModel(IAnsiConsole console, SystemModel m, Layout layout)
    {
        if (m.Entities.IsEmpty)
        {
            return;
        }

        FitColumn[] columns = [new("Entity", 16, Shrink: 4), new("Context", 12, Shrink: 2, Drop: 2), new("Table", 12, Shrink: 1, Drop: 1), new("Key", 8, Shrink: 3), new("Relationships", 13)];
        var rows = m.Entities.Select(e => Row(e.Name, e.Context, e.Table, string.Join(", ", e.Key), N(e.Relationships.Length))).ToArray();
        Write(console, FittedTable.Create("Data model", layout.Border, columns, rows, layout.Width, layout.Ellipsis));
    }

    private static void Dependencies(IAnsiConsole console, SystemModel m, Layout layout)
    {
        var rows = new List<IReadOnlyList<string>>();
        rows.AddRange(m.HttpClients.Select(h => Row(h.Service, "HTTP client", h.ClientType ?? h.Name, h.BaseAddress)));
        rows.AddRange(m.MessageChannels.Select(c => Row(c.Service, "message bus", c.Technology, c.Detail)));
        rows.AddRange(m.Caches.Select(c => Row(c.Service, "cache", c.Technology, c.Detail)));
        rows.AddRange(m.DataContexts.Select(d => Row(d.Service, "data context", d.Name, d.Provider ?? "provider unknown")));
        if (rows.Count == 0)
        {
            return;
        }

        FitColumn[] columns = [new("Service", 12, Shrink: 2, Drop: 1), new("Kind", 12), new("Name", 16, Shrink: 3), new("Base address / detail", 16, Shrink: 1)];
        Write(console, FittedTable.Create("Dependencies", layout.Border, columns, rows, layout.Width, layout.Ellipsis));
    }

    private static void Diagnostics(IAnsiConsole console, SystemModel m)
    {
        if (m.Diagnostics.IsEmpty)
        {
            console.MarkupLine("No diagnostics.");
            return;
        }

        var shown = Math.Min(DiagnosticsShown, m.Diagnostics.Length);
        console.MarkupLine(m.Diagnostics.Length > shown
            ? $"[bold]Diagnostics[/] ({N(m.Diagnostics.Length)}; the first {N(shown)}):"
            : $"[bold]Diagnostics[/] ({N(m.Diagnostics.Length)}):");
        foreach (var d in m.Diagnostics.Take(shown))
        {
            var location = d.Line > 0 ? $"{d.File}:{d.Line}" : d.File;
            var colour = d.Severity switch
            {
                DiagnosticSeverity.Error => "red",
                DiagnosticSeverity.Warning => "yellow",
                _ => "grey",
            };
            console.MarkupLine($"  [{colour}]{E(d.Severity.ToString().ToLowerInvariant())}[/] {E(location)}: {E(d.Message)}");
        }
    }

    private static string AuthWord(Endpoint e) => e.Auth.Required switch
    {
        true => "required",
        false => "anonymous",
        null => "unknown",
    };

    /// <summary>The auth cell with its first word coloured: required green; anonymous yellow for reads and red for writes; unknown grey.</summary>
    private static string AuthMarkup(Endpoint e, string text)
    {
        var word = AuthWord(e);
        if (!text.StartsWith(word, StringComparison.Ordinal))
        {
            return E(text);
        }

        var colour = e.Auth.Required switch
        {
            true => "green",
            false when AuthText.IsWrite(e.Method) => "red",
            false => "yellow",
            null => "grey",
        };
        return $"[{colour}]{word}[/]{E(text[word.Length..])}";
    }

    private static IReadOnlyList<string> Row(params string?[] cells) => [.. cells.Select(c => c ?? "")];

    private static void Write(IAnsiConsole console, Table table)
    {
        console.Write(table);
        console.WriteLine();
    }

    private static string E(string? text) => Markup.Escape(text ?? "");

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
