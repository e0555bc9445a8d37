using BackendArchitect.CSharp;
using BackendArchitect.CSharp.Endpoints;
using BackendArchitect.Model;
using BackendArchitect.Workspace;

namespace BackendArchitect.Tests.Minimal;

/// <summary>Runs minimal API discovery on in-memory source files.</summary>
internal static class MinimalScan
{
    public static (IReadOnlyList<Endpoint> Endpoints, IReadOnlyList<Diagnostic> Diagnostics) Run(
        IReadOnlyDictionary<string, ServiceAuthDefaults>? defaults,
        params (string Path, string Text)[] files)
    {
        var sources = files
            .Select(f => new SourceFile(f.Path, "/virtual/" + f.Path, f.Text, f.Text.Split('\n').Length, FileClassifier.Classify(f.Path) ?? FileKind.Other, false))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToArray();
        var workspace = new WorkspaceSnapshot("/virtual", sources, []);
        var diagnostics = new List<Diagnostic>();
        var corpus = CSharpCorpus.Load(workspace, diagnostics);
        var endpoints = MinimalApiEndpoints.Discover(corpus, defaults ?? new Dictionary<string, ServiceAuthDefaults>(), diagnostics, [.. workspace.OfKind(FileKind.Proto)])
            .OrderBy(e => e.Route, StringComparer.Ordinal)
            .ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();
        return (endpoints, diagnostics);
    }

    public static IReadOnlyList<Endpoint> Endpoints(params (string Path, string Text)[] files) => Run(null, files).Endpoints;

    public static Endpoint Single(IReadOnlyList<Endpoint> endpoints, string method, string route) =>
        Assert.Single(endpoints, e => e.Method == method && e.Route == route);

    public static string Describe(IEnumerable<Parameter> parameters) => string.Join(", ", parameters.Select(p => $"{p.Name}:{p.Source}"));

    public static string Describe(IEnumerable<ResponseType> responses) => string.Join(", ", responses.Select(r => $"{r.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}:{r.Type ?? "-"}"));
}
