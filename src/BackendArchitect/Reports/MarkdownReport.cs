using System.Globalization;
using BackendArchitect.Model;
using static BackendArchitect.Reports.MarkdownWriter;

namespace BackendArchitect.Reports;

/// <summary>The system model as a Markdown document a team would commit.</summary>
public static class MarkdownReport
{
    /// <summary>How many diagnostics are listed; the rest are counted.</summary>
    public const int DiagnosticsShown = 50;

    public static string Render(SystemModel model)
    {
        var md = new MarkdownWriter();
        md.Heading(1, RootName(model.Root));
        Summary(md, model);
        Services(md, model);
        Endpoints(md, model);
        AnonymousWrites(md, model);
        MiddlewareOrder(md, model);
        Security(md, model);
        Dependencies(md, model);
        md.Heading(2, "Architecture diagram").Fence("mermaid", MermaidReport.Flowchart(model));
        DataModel(md, model);
        Configuration(md, model);
        Containers(md, model);
        Diagnostics(md, model);
        return md.ToString();
    }

    private static string RootName(string root)
    {
        var name = Path.GetFileName(root.TrimEnd('/', '\\'));
        return name.Length == 0 ? root : name;
    }

    private static void Summary(MarkdownWriter md, SystemModel m)
    {
        var s = m.Statistics;
        md.Line($"Scanned {Counts.Of(s.Files, "file")} ({Counts.Of(s.Lines, "line")}, {Counts.Of(s.SourceFiles, "C# file")}; {SkippedFiles.Summary(m.Diagnostics)}).").Line();
        var anonymousWrites = AuthText.AnonymousWrites(m).Count();
        md.Table(
            ["What", "Count"],
            [
                ["Services", N(m.Services.Length)],
                ["Endpoints", N(m.Endpoints.Length)],
                ["Endpoints requiring authorization", N(m.Endpoints.Count(e => e.Auth.Required == true))],
                ["Anonymous endpoints", N(m.Endpoints.Count(e => e.Auth.Required == false))],
                ["Anonymous write endpoints", N(anonymousWrites)],
                ["Endpoints with unknown authorization", N(m.Endpoints.Count(e => e.Auth.Required is null))],
                ["Outbound HTTP clients", N(m.HttpClients.Length)],
                ["Message channels", N(m.MessageChannels.Length)],
                ["Caches", N(m.Caches.Length)],
                ["Data contexts", N(m.DataContexts.Length)],
                ["Entities", N(m.Entities.Length)],
                ["Configuration keys", N(m.Configuration.Length)],
                ["Dockerfiles", N(m.Containers.Length)],
                ["Compose services", N(m.ComposeServices.Length)],
                ["Diagnostics", N(m.Diagnostics.Length)],
            ]);
    }

    private static void Services(MarkdownWriter md, SystemModel m)
    {
        md.Heading(2, "Services");
        if (m.Services.IsEmpty)
        {
            md.Line("No web service found.");
            return;
        }

        md.Table(
            ["Name", "Path", "Framework", "Project", "Entry point"],
            m.Services.Select(s => (IReadOnlyList<string>)[Cell(s.Name), Code(s.Path), Cell(s.TargetFramework), Code(s.Project), Code(s.EntryPoint?.ToString())]));
    }

    private static void Endpoints(MarkdownWriter md, SystemModel m)
    {
        md.Heading(2, "Endpoints");
        EndpointTables(md, m);
    }

    /// <summary>One table of endpoints with their effective auth per service; the review's Markdown shows it too.</summary>
    internal static void EndpointTables(MarkdownWriter md, SystemModel m)
    {
        if (m.Endpoints.IsEmpty)
        {
            md.Line("No endpoint found.");
            return;
        }

        foreach (var group in m.Endpoints.GroupBy(e => e.Service))
        {
            md.Heading(3, group.Key);
            md.Table(
                ["Method", "Route", "Auth", "Handler", "Source"],
                group.Select(e => (IReadOnlyList<string>)[Cell(e.Method), Route(e), Auth(e.Auth), Code(e.Handler), Source(e.File, e.Line, e.Condition)]));
        }
    }

    private static void AnonymousWrites(MarkdownWriter md, SystemModel m)
    {
        md.Heading(2, "Reachable anonymously");
        var writes = AuthText.AnonymousWrites(m).ToList();
        if (writes.Count == 0)
        {
            var gaps = CompletenessGaps(m);
            md.Line(gaps.Count == 0
                ? "No endpoint that changes state is reachable without authentication."
                : $"No endpoint found that changes state allows anonymous callers, but this is not an all-clear: {string.Join(", ", gaps)} mean endpoints or their authorization may be missing.");
            return;
        }

        md.Line("Endpoints with a method other than GET that allow anonymous callers. Check each one first.").Line();
        foreach (var e in writes)
        {
            md.Line($"- {Code(e.Method + " " + e.Route)} ({Cell(e.Service)}): {Code(e.Handler)} at {Source(e.File, e.Line, e.Condition)}");
        }
    }

    private static void MiddlewareOrder(MarkdownWriter md, SystemModel m)
    {
        if (m.Middleware.IsEmpty)
        {
            return;
        }

        md.Heading(2, "Middleware order");
        foreach (var group in m.Middleware.GroupBy(x => x.Service))
        {
            md.Heading(3, group.Key);
            var position = 1;
            foreach (var x in group)
            {
                md.Line($"{position++}. {Code(x.Name)} ({Source(x.File, x.Line, x.Condition)})");
            }
        }
    }

    private static void Security(MarkdownWriter md, SystemModel m)
    {
        if (m.AuthenticationSchemes.IsEmpty && m.Policies.IsEmpty)
        {
            return;
        }

        md.Heading(2, "Authentication and policies");
        var rows = m.AuthenticationSchemes
            .Select(a => (IReadOnlyList<string>)[Cell(a.Service), "authentication scheme", Cell(a.Name), Cell(a.Handler), Source(a.File, a.Line, null)])
            .Concat(m.Policies.Select(p => (IReadOnlyList<string>)[Cell(p.Service), Cell(p.Kind + " policy"), Cell(p.Name), Cell(p.Detail), Source(p.File, p.Line, null)]));
        md.Table(["Service", "Kind", "Name", "Detail", "Source"], rows.ToList());
    }

    private static void Dependencies(MarkdownWriter md, SystemModel m)
    {
        md.Heading(2, "Dependencies");
        var rows = new List<IReadOnlyList<string>>();
        rows.AddRange(m.HttpClients.Select(h => (IReadOnlyList<string>)[Cell(h.Service), Cell("HTTP client (" + h.Kind + ")"), Cell(h.ClientType ?? h.Name), Code(h.BaseAddress), Source(h.File, h.Line, null)]));
        rows.AddRange(m.MessageChannels.Select(c => (IReadOnlyList<string>)[Cell(c.Service), "message bus", Cell(c.Technology), Cell(c.Detail), Source(c.File, c.Line, null)]));
        rows.AddRange(m.Caches.Select(c => (IReadOnlyList<string>)[Cell(c.Service), "cache", Cell(c.Technology), Cell(c.Detail), Source(c.File, c.Line, null)]));
        rows.AddRange(m.DataContexts.Select(d => (IReadOnlyList<string>)[Cell(d.Service), "data context", Cell(d.Name), Cell(d.Provider is null ? "provider unknown" : d.Provider), Source(d.File, d.Line, null)]));
        if (rows.Count == 0)
        {
            md.Line("No outbound HTTP client, message bus, cache or data context found.");
            return;
        }

        md.Table(["Service", "Kind", "Name", "Detail", "Source"], rows);
    }

    private static void DataModel(MarkdownWriter md, SystemModel m)
    {
        md.Heading(2, "Data model");
        if (m.Entities.IsEmpty)
        {
            md.Line("No entity found.");
            return;
        }

        md.Table(
            ["Entity", "Context", "Table", "Key", "Relationships", "Source"],
            m.Entities.Select(e => (IReadOnlyList<string>)
            [
                Cell(e.Name), Cell(e.Context), Code(e.Table), Cell(string.Join(", ", e.Key)),
                Cell(string.Join("; ", e.Relationships.Select(r => $"{r.Navigation} → {r.Target} ({r.Kind})"))),
                Source(e.File, e.Line, null),
            ]));
        if (MermaidReport.EntityDiagram(m) is { } er)
        {
            md.Fence("mermaid", er);
        }
    }

    private static void Configuration(MarkdownWriter md, SystemModel m)
    {
        md.Heading(2, "Configuration");
        if (m.Configuration.IsEmpty)
        {
            md.Line("No appsettings key found.");
            return;
        }

        md.Line("Secret values are masked: at most their first and last character are shown.").Line();
        md.Table(
            ["Key", "Value", "Secret", "Source"],
            m.Configuration.Select(c => (IReadOnlyList<string>)[Code(c.Key), c.Value is null ? "null" : Code(c.Value), c.IsSecret ? "yes" : "", Source(c.File, c.Line, null)]));
    }

    private static void Containers(MarkdownWriter md, SystemModel m)
    {
        md.Heading(2, "Containers");
        if (m.Containers.IsEmpty && m.ComposeServices.IsEmpty)
        {
            md.Line("No Dockerfile or compose file found.");
            return;
        }

        if (!m.Containers.IsEmpty)
        {
            md.Table(
                ["Dockerfile", "Base images", "Exposed ports", "Entrypoint"],
                m.Containers.Select(c => (IReadOnlyList<string>)[Code(c.File), string.Join(", ", c.BaseImages.Select(Code)), Cell(string.Join(", ", c.ExposedPorts)), Code(c.Entrypoint)]));
        }

        if (!m.ComposeServices.IsEmpty)
        {
            md.Heading(3, "Compose services");
            md.Table(
                ["Service", "Image or build", "Runs", "Ports", "Depends on", "Environment", "Source"],
                m.ComposeServices.Select(c => (IReadOnlyList<string>)
                [
                    Cell(c.Name), ImageOrBuild(c), Cell(ComposeLinks.BuiltService(c, m)?.Name),
                    Cell(string.Join(", ", c.Ports)), Cell(string.Join(", ", c.DependsOn)), Cell(string.Join(", ", c.Environment.Select(p => p.Key))),
                    Source(c.File, c.Line, null),
                ]));
        }
    }

    private static string ImageOrBuild(ComposeService c)
    {
        var parts = new List<string>();
        if (c.Image is not null)
        {
            parts.Add(Code(c.Image));
        }

        if (c.Build is not null)
        {
            parts.Add("build " + Code(c.Build) + (c.Dockerfile is null ? "" : " with " + Code(c.Dockerfile)));
        }

        return string.Join(", ", parts);
    }

    private static void Diagnostics(MarkdownWriter md, SystemModel m)
    {
        md.Heading(2, "Diagnostics");
        if (m.Diagnostics.IsEmpty)
        {
            md.Line(m.Statistics.SkippedFiles == 0 ? "None: every file was read." : $"None, but {Counts.Of(m.Statistics.SkippedFiles, "file")} {(m.Statistics.SkippedFiles == 1 ? "was" : "were")} skipped.");
            return;
        }

        var shown = Math.Min(DiagnosticsShown, m.Diagnostics.Length);
        md.Line(m.Diagnostics.Length > shown
            ? $"{Counts.Of(m.Diagnostics.Length, "diagnostic")}; the first {N(shown)}:"
            : $"{Counts.Of(m.Diagnostics.Length, "diagnostic")}:").Line();
        md.Table(
            ["Severity", "Source", "Message"],
            m.Diagnostics.Take(shown).Select(d => (IReadOnlyList<string>)[Cell(d.Severity.ToString().ToLowerInvariant()), Source(d.File, d.Line, null), Cell(d.Message)]));
    }

    /// <summary>What keeps the scan from vouching for every endpoint: unknown authorization, skipped files, diagnostics.</summary>
    private static List<string> CompletenessGaps(SystemModel m)
    {
        var gaps = new List<string>();
        if (m.Endpoints.Count(e => e.Auth.Required is null) is > 0 and var unknown)
        {
            gaps.Add(Counts.Of(unknown, "endpoint") + " with unknown authorization");
        }

        if (m.Statistics.SkippedFiles > 0)
        {
            gaps.Add(Counts.Of(m.Statistics.SkippedFiles, "skipped file"));
        }

        if (m.Diagnostics.Length > 0)
        {
            gaps.Add(Counts.Of(m.Diagnostics.Length, "diagnostic") + " (see Diagnostics)");
        }

        return gaps;
    }

    /// <summary>The route, with its API versions when it has any: the same route in v1 and v2 is two rows.</summary>
    private static string Route(Endpoint e) =>
        e.ApiVersions.IsEmpty ? Code(e.Route) : $"{Code(e.Route)} (v{Cell(string.Join(", v", e.ApiVersions))})";

    private static string Auth(AuthRequirement auth)
    {
        var detail = AuthText.Detail(auth);
        return detail.Length == 0 ? AuthText.State(auth) : $"{AuthText.State(auth)} ({Cell(detail)})";
    }

    private static string Source(string file, int line, string? condition)
    {
        var location = line > 0 ? $"{file}:{line}" : file;
        return condition is null ? Code(location) : $"{Code(location)} (when {Code(condition)})";
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
