using System.Collections.Immutable;
using BackendArchitect.Model;

namespace BackendArchitect.Linking;

/// <summary>
/// The linker's few diagnostics: one per kind of bound or gap for the whole scan (with a count and the
/// first endpoint as an example), and one per interface it would have had to guess an implementation for.
/// </summary>
internal static class LinkDiagnostics
{
    private const int MaxAmbiguous = 10;

    public static void Report(
        ICollection<Diagnostic> diagnostics,
        ImmutableArray<Endpoint> missing,
        ImmutableArray<Endpoint> depthBound,
        ImmutableArray<Endpoint> methodBound,
        IReadOnlyDictionary<string, ImmutableArray<string>> ambiguous,
        LinkIndex index)
    {
        Summarize(diagnostics, missing, "handler(s) not found in the source; their data access and outbound calls are not linked");
        Summarize(diagnostics, depthBound, $"reach code more than {CallWalker.MaxDepth} calls deep; calls beyond that depth are not followed");
        Summarize(diagnostics, methodBound, $"reach more than {CallWalker.MaxMethods} methods; the rest are not followed");

        var interfaces = ambiguous.Keys.Order(StringComparer.Ordinal).ToArray();
        foreach (var name in interfaces.Take(MaxAmbiguous))
        {
            var declaration = index.Corpus.FindType(name).OrderBy(t => t.Document.Path, StringComparer.Ordinal).FirstOrDefault();
            diagnostics.Add(new Diagnostic(
                declaration?.Document.Path ?? ".",
                declaration is null ? 0 : declaration.Document.LineOf(declaration.Declaration.Identifier),
                $"linking: {name} has {ambiguous[name].Length} implementations ({Listed(ambiguous[name])}) and no DI registration; calls through it are not followed"));
        }

        if (interfaces.Length > MaxAmbiguous)
        {
            diagnostics.Add(new Diagnostic(".", 0, $"linking: {interfaces.Length - MaxAmbiguous} more interfaces with several implementations and no DI registration are not followed: {Listed([.. interfaces.Skip(MaxAmbiguous)])}"));
        }
    }

    private static string Listed(ImmutableArray<string> names) =>
        string.Join(", ", names.Take(5)) + (names.Length > 5 ? ", ..." : "");

    private static void Summarize(ICollection<Diagnostic> diagnostics, ImmutableArray<Endpoint> endpoints, string what)
    {
        if (endpoints.IsEmpty)
        {
            return;
        }

        var first = endpoints.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).First();
        diagnostics.Add(new Diagnostic(
            first.File,
            first.Line,
            $"linking: {endpoints.Length} endpoint(s) {what} (first: {first.Method} {first.Route}, {first.Handler})",
            DiagnosticSeverity.Info));
    }
}
