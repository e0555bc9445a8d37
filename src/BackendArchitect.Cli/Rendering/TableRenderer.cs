using System.Globalization;
using BackendArchitect.Model;
using BackendArchitect.Reports;
using Spectre.Console;

namespace BackendArchitect.Cli.Rendering;

/// <summary>
/// The readable terminal summary of a scan: header, services, endpoints with colour-coded auth,
/// data model, dependencies and a short diagnostics list. Plain mode (for --output) writes no
/// colour, no ANSI escapes and ASCII borders, 160 columns wide (wide enough that routes and handlers rarely wrap).
/// </summary>
public static class TableRenderer
{
    /// <summary>How many diagnostics are listed; the rest are counted.</summary>
    public const int DiagnosticsShown = 10;

    /// <summary>The width of plain output (files, pipes, CI logs).</summary>
    public const int PlainWidth = 160;

    public static void Render(SystemModel model, TextWriter writer, bool plain = false)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = plain ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (plain)
        {
            console.Profile.Width = PlainWidth;
        }

        Render(model, console, plain);
    }

    /// <summary>Writes to a console the caller configured; plain picks ASCII borders.</summary>
    public static void Render(SystemModel model, IAnsiConsole console, bool plain)
    {
        var border = plain ? TableBorder.Ascii : TableBorder.Rounded;
        Header(console, model);
        Services(console, model, border);
        Endpoints(console, model, border);
        DataModel(console, model, border);
        Dependencies(console, model, border);
        Diagnostics(console, model);
    }

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

    private static void Services(IAnsiConsole console, SystemModel m, TableBorder border)
    {
        if (m.Services.IsEmpty)
        {
            console.MarkupLine("No web service found.");
            console.WriteLine();
            return;
        }

        var table = NewTable("Services", border, "Name", "Path", "Framework", "Entry point");
        foreach (var s in m.Services)
        {
            table.AddRow(E(s.Name), E(s.Path), E(s.TargetFramework), E(s.EntryPoint?.ToString()));
        }

        Write(console, table);
    }

    private static void Endpoints(IAnsiConsole console, SystemModel m, TableBorder border)
    {
        if (m.Endpoints.IsEmpty)
        {
            console.MarkupLine("No endpoint found.");
            console.WriteLine();
            return;
        }

        // With one service the Service column repeats one name; its width goes to routes and handlers.
        var showService = m.Endpoints.Select(e => e.Service).Distinct().Skip(1).Any();
        var anonymousWrites = AuthText.AnonymousWrites(m).Count();
        string[] columns = showService
            ? ["Service", "Method", "Route", "Auth", "Handler", "Source"]
            : ["Method", "Route", "Auth", "Handler", "Source"];
        var table = NewTable($"Endpoints ({N(m.Endpoints.Length)}, {Counts.Of(anonymousWrites, "anonymous write")})", border, columns);
        for (var i = 0; i < columns.Length; i++)
        {
            // Routes and sources are read as one token; wrapping them mid-word makes them unreadable.
            table.Columns[i].NoWrap = columns[i] is "Method" or "Route" or "Source";
        }

        foreach (var e in m.Endpoints)
        {
            // The file name is enough on a terminal; JSON and Markdown carry the full path.
            var file = e.File[(e.File.LastIndexOf('/') + 1)..];
            var source = e.Condition is null ? $"{file}:{e.Line}" : $"{file}:{e.Line} (when {e.Condition})";
            var detail = AuthText.Detail(e.Auth);
            var auth = detail.Length == 0 ? AuthMarkup(e) : $"{AuthMarkup(e)} {E(detail)}";
            string[] cells = [E(e.Method), E(e.Route), auth, E(e.Handler), E(source)];
            table.AddRow(showService ? [E(e.Service), .. cells] : cells);
        }

        Write(console, table);
    }

    private static void DataModel(IAnsiConsole console, SystemModel m, TableBorder border)
    {
        if (m.Entities.IsEmpty)
        {
            return;
        }

        var table = NewTable("Data model", border, "Entity", "Context", "Table", "Key", "Relationships");
        foreach (var e in m.Entities)
        {
            table.AddRow(E(e.Name), E(e.Context), E(e.Table), E(string.Join(", ", e.Key)), N(e.Relationships.Length));
        }

        Write(console, table);
    }

    private static void Dependencies(IAnsiConsole console, SystemModel m, TableBorder border)
    {
        var rows = new List<string[]>();
        rows.AddRange(m.HttpClients.Select(h => new[] { h.Service, "HTTP client", h.ClientType ?? h.Name, h.BaseAddress ?? "" }));
        rows.AddRange(m.MessageChannels.Select(c => new[] { c.Service, "message bus", c.Technology, c.Detail ?? "" }));
        rows.AddRange(m.Caches.Select(c => new[] { c.Service, "cache", c.Technology, c.Detail ?? "" }));
        rows.AddRange(m.DataContexts.Select(d => new[] { d.Service ?? "", "data context", d.Name, d.Provider ?? "provider unknown" }));
        if (rows.Count == 0)
        {
            return;
        }

        var table = NewTable("Dependencies", border, "Service", "Kind", "Name", "Base address / detail");
        foreach (var row in rows)
        {
            table.AddRow([.. row.Select(E)]);
        }

        Write(console, table);
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

    /// <summary>required green; anonymous yellow for reads and red for writes; unknown grey.</summary>
    private static string AuthMarkup(Endpoint e) => e.Auth.Required switch
    {
        true => "[green]required[/]",
        false when AuthText.IsWrite(e.Method) => "[red]anonymous[/]",
        false => "[yellow]anonymous[/]",
        null => "[grey]unknown[/]",
    };

    private static Table NewTable(string title, TableBorder border, params string[] columns)
    {
        var table = new Table { Border = border, Title = new TableTitle(Markup.Escape(title)) };
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)));
        }

        return table;
    }

    private static void Write(IAnsiConsole console, Table table)
    {
        console.Write(table);
        console.WriteLine();
    }

    private static string E(string? text) => Markup.Escape(text ?? "");

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
