using System.Buffers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Wiring;

/// <summary>
/// Which services wiring code runs in. Code in a service's own project runs in that service. Code in a
/// shared library (an <c>AddServiceDefaults()</c> or <c>AddEventBus()</c> extension) runs in every service
/// that calls it, directly or through other library methods, so its facts are listed once per calling
/// service. Calls are matched by method name, without overload resolution; a library method nobody calls
/// falls back to the library's owning service.
/// </summary>
internal sealed class ServiceAttribution
{
    private const int MaxDepth = 12;

    private readonly CSharpCorpus corpus;
    private readonly HashSet<CSharpDocument> ownDocuments;
    private readonly Dictionary<string, HashSet<string>> directCallers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> libraryCallers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> resolved = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    private ServiceAttribution(CSharpCorpus corpus, HashSet<CSharpDocument> ownDocuments)
    {
        this.corpus = corpus;
        this.ownDocuments = ownDocuments;
    }

    /// <summary>Indexes the calls to methods declared in the library documents among <paramref name="wiringDocuments"/>.</summary>
    public static ServiceAttribution Build(CSharpCorpus corpus, IEnumerable<CSharpDocument> wiringDocuments)
    {
        var own = corpus.Services.Services.SelectMany(s => corpus.Services.DocumentsOf(s.Name)).ToHashSet();
        var result = new ServiceAttribution(corpus, own);
        var names = wiringDocuments.Where(d => !own.Contains(d))
            .SelectMany(d => d.Root.DescendantNodes(n => n is not BlockSyntax and not ArrowExpressionClauseSyntax).OfType<MethodDeclarationSyntax>())
            .Select(m => m.Identifier.ValueText)
            .ToHashSet(StringComparer.Ordinal);
        if (names.Count == 0 || own.Count == 0)
        {
            return result;
        }

        // Rounds: a library method that calls a wiring method is itself looked up among the callers.
        var all = new HashSet<string>(names, StringComparer.Ordinal);
        for (var round = 0; round < MaxDepth && names.Count > 0; round++)
        {
            var search = SearchValues.Create([.. names.Select(n => n + "(")], StringComparison.Ordinal);
            var next = new HashSet<string>(StringComparer.Ordinal);
            foreach (var doc in corpus.Documents)
            {
                if (!doc.File.Text.AsSpan().ContainsAny(search))
                {
                    continue;
                }

                var caller = own.Contains(doc) ? corpus.Services.ServiceOf(doc) : null;
                foreach (var call in doc.Root.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (SyntaxHelpers.InvokedName(call) is not { } name || !names.Contains(name))
                    {
                        continue;
                    }

                    if (caller is not null)
                    {
                        Add(result.directCallers, name, caller);
                    }
                    else if (call.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method && method.Identifier.ValueText != name)
                    {
                        Add(result.libraryCallers, name, method.Identifier.ValueText);
                        if (all.Add(method.Identifier.ValueText))
                        {
                            next.Add(method.Identifier.ValueText);
                        }
                    }
                }
            }

            names = next;
        }

        return result;
    }

    /// <summary>The services a fact at this node belongs to (at least one).</summary>
    public IReadOnlyList<string> ServicesOf(CSharpDocument document, SyntaxNode node)
    {
        var fallback = corpus.Services.ServiceOf(document);
        if (ownDocuments.Contains(document) || node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
        {
            return [fallback];
        }

        var services = Resolve(method.Identifier.ValueText);
        return services.Count == 0 ? [fallback] : services;
    }

    private IReadOnlyList<string> Resolve(string method)
    {
        lock (gate)
        {
            if (resolved.TryGetValue(method, out var cached))
            {
                return cached;
            }

            var services = new SortedSet<string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal) { method };
            var frontier = new List<string> { method };
            for (var depth = 0; depth < MaxDepth && frontier.Count > 0; depth++)
            {
                var next = new List<string>();
                foreach (var name in frontier)
                {
                    services.UnionWith(directCallers.GetValueOrDefault(name) ?? []);
                    next.AddRange((libraryCallers.GetValueOrDefault(name) ?? []).Where(seen.Add));
                }

                frontier = next;
            }

            var result = services.ToArray();
            resolved[method] = result;
            return result;
        }
    }

    private static void Add(Dictionary<string, HashSet<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var set))
        {
            map[key] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Add(value);
    }
}
