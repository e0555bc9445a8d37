using System.Buffers;
using System.Collections.Frozen;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Wiring;

/// <summary>
/// Which services wiring code runs in. Code in a service's own project runs in that service. Code in a
/// shared library (an <c>AddServiceDefaults()</c> or <c>AddEventBus()</c> extension) runs in every service
/// that calls it, directly or through other library methods, so its facts are listed once per calling
/// service. Calls are matched by method name, without overload resolution, and only through methods
/// that take a builder (IServiceCollection, WebApplication...); a library method nobody calls falls back
/// to the library's owning service.
/// </summary>
internal sealed class ServiceAttribution
{
    private const int MaxDepth = 12;

    /// <summary>Marks a service name that waits for the callers of a library method: "\u0001Method\u0001Fallback".</summary>
    private const char PendingMark = '\u0001';

    private readonly Dictionary<string, HashSet<string>> directCallers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> libraryCallers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> resolved = new(StringComparer.Ordinal);

    /// <summary>
    /// Builder types that startup code passes around. Only methods taking one are followed: following
    /// every call by name would wander through the whole call graph (tests, services) and cost seconds.
    /// </summary>
    private static readonly FrozenSet<string> StartupTypes = FrozenSet.ToFrozenSet(
        [
            "IServiceCollection", "IHostApplicationBuilder", "WebApplicationBuilder", "IHostBuilder", "IWebHostBuilder", "HostApplicationBuilder",
            "IApplicationBuilder", "WebApplication", "IEndpointRouteBuilder", "AuthenticationBuilder", "IHealthChecksBuilder", "IHttpClientBuilder",
            "IMvcBuilder", "IMvcCoreBuilder", "AuthorizationBuilder", "IBusRegistrationConfigurator",
        ],
        StringComparer.Ordinal);

    private static bool IsStartupMethod(MethodDeclarationSyntax method) =>
        method.ParameterList.Parameters.Any(p => p.Type is not null && StartupTypes.Contains(SyntaxHelpers.SimpleTypeName(p.Type.ToString())));

    /// <summary>The documents of the services' own projects.</summary>
    public static HashSet<CSharpDocument> OwnDocuments(CSharpCorpus corpus) =>
        corpus.Services.Services.SelectMany(s => corpus.Services.DocumentsOf(s.Name)).ToHashSet();

    /// <summary>
    /// The service a fact at this node runs in, or, inside a library method, a placeholder that
    /// <see cref="Expand"/> later turns into the method's calling services.
    /// </summary>
    public static string ServiceOrPending(CSharpCorpus corpus, HashSet<CSharpDocument> own, CSharpDocument document, SyntaxNode node)
    {
        var fallback = corpus.Services.ServiceOf(document);
        return own.Contains(document) || node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method || !IsStartupMethod(method)
            ? fallback
            : $"{PendingMark}{method.Identifier.ValueText}{PendingMark}{fallback}";
    }

    /// <summary>The library methods that placeholders wait for.</summary>
    public static IEnumerable<string> PendingMethods(IEnumerable<string> services) =>
        services.Where(s => s.Length > 0 && s[0] == PendingMark).Select(s => s.Split(PendingMark)[1]);

    /// <summary>Indexes who calls the given library methods: services' own code, or other library methods (followed in rounds).</summary>
    public static ServiceAttribution Build(CSharpCorpus corpus, HashSet<CSharpDocument> own, IEnumerable<string> methods)
    {
        var result = new ServiceAttribution();
        var names = methods.ToHashSet(StringComparer.Ordinal);
        if (names.Count == 0)
        {
            return result;
        }

        // Callers are startup code: a service's Program/Startup (which touch Services or a builder) or a
        // library method taking a builder. Other files are never searched again round after round.
        var startupText = SearchValues.Create([.. StartupTypes, "Services", "services"], StringComparison.Ordinal);
        var candidates = WiringReader.Filter(corpus.Documents, startupText);
        var all = new HashSet<string>(names, StringComparer.Ordinal);
        for (var round = 0; round < MaxDepth && names.Count > 0; round++)
        {
            // Text search, then only the syntax at each hit: walking every tree per round would be quadratic in practice.
            var search = SearchValues.Create([.. names.SelectMany(n => new[] { n + "(", n + "<" })], StringComparison.Ordinal);
            var hits = new List<(string Name, string? Service, string? Method)>[candidates.Length];
            var current = names;
            Parallel.For(0, candidates.Length, i => hits[i] = Calls(corpus, own, candidates[i], current, search));

            var next = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, service, method) in hits.SelectMany(h => h))
            {
                if (service is not null)
                {
                    Add(result.directCallers, name, service);
                }
                else if (method is not null)
                {
                    Add(result.libraryCallers, name, method);
                    if (all.Add(method))
                    {
                        next.Add(method);
                    }
                }
            }

            names = next;
        }

        return result;
    }

    /// <summary>The calls in one file to any of the names: by a service's own code (Service) or from a library startup method (Method).</summary>
    private static List<(string Name, string? Service, string? Method)> Calls(
        CSharpCorpus corpus, HashSet<CSharpDocument> own, CSharpDocument doc, HashSet<string> names, SearchValues<string> search)
    {
        var result = new List<(string, string?, string?)>();
        var text = doc.File.Text.AsSpan();
        var service = own.Contains(doc) ? corpus.Services.ServiceOf(doc) : null;
        for (var offset = 0; offset < text.Length;)
        {
            var hit = text[offset..].IndexOfAny(search);
            if (hit < 0)
            {
                break;
            }

            var position = offset + hit;
            offset = position + 1;
            var token = doc.Root.FindToken(position);
            if (token.SpanStart != position || !names.Contains(token.ValueText) || CallOf(token) is not { } call)
            {
                continue;
            }

            if (service is not null)
            {
                result.Add((token.ValueText, service, null));
            }
            else if (call.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method && method.Identifier.ValueText != token.ValueText && IsStartupMethod(method))
            {
                result.Add((token.ValueText, null, method.Identifier.ValueText));
            }
        }

        return result;
    }

    /// <summary>The invocation whose method name is this token (<c>x.Name(...)</c>, <c>Name&lt;T&gt;(...)</c>), or null.</summary>
    private static InvocationExpressionSyntax? CallOf(SyntaxToken token)
    {
        SyntaxNode? node = token.Parent;
        if (node is not SimpleNameSyntax)
        {
            return null;
        }

        if (node.Parent is MemberAccessExpressionSyntax member && member.Name == node)
        {
            node = member;
        }

        return node.Parent is InvocationExpressionSyntax call && call.Expression == node ? call : null;
    }

    /// <summary>A service name as is, or a placeholder's calling services (its fallback when nothing calls the method).</summary>
    public IReadOnlyList<string> Expand(string service)
    {
        if (service.Length == 0 || service[0] != PendingMark)
        {
            return [service];
        }

        var parts = service.Split(PendingMark);
        var services = Resolve(parts[1]);
        return services.Length == 0 ? [parts[2]] : services;
    }

    private string[] Resolve(string method)
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

    private static void Add(Dictionary<string, HashSet<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var set))
        {
            map[key] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Add(value);
    }
}
