using BackendArchitect.CSharp.Auth;
using BackendArchitect.Model;
using BackendArchitect.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>Minimal APIs (MapGet/MapPost/... and MapGroup), SignalR hubs and gRPC services.</summary>
public static class MinimalApiEndpoints
{
    /// <summary>
    /// Finds every endpoint mapped on a route builder: top-level statements and ordinary methods are
    /// walked with the application as root; the project's own mapping methods (taking an
    /// IEndpointRouteBuilder, RouteGroupBuilder or WebApplication) are followed from each call site,
    /// and those nobody calls are mapped at the root.
    /// </summary>
    /// <param name="protoFiles">The workspace's .proto files, for gRPC routes ("/package.Service/Method").</param>
    public static IEnumerable<Endpoint> Discover(
        CSharpCorpus corpus,
        IReadOnlyDictionary<string, ServiceAuthDefaults> defaults,
        ICollection<Diagnostic> diagnostics,
        IReadOnlyList<SourceFile>? protoFiles = null)
    {
        var documents = corpus.Documents.Where(MayMapRoutes).ToList();
        var mappingMethods = IndexMappingMethods(documents);
        // A mapping method walked once per call site would repeat its diagnostics; they are reported once.
        var found = new List<Diagnostic>();
        var walker = new MinimalRouteWalker(corpus, protoFiles ?? [], mappingMethods, found);
        var mappingSet = mappingMethods.Values.SelectMany(l => l).Select(m => (SyntaxNode)m.Method).ToHashSet();

        foreach (var document in documents)
        {
            if (document.Root is CompilationUnitSyntax unit && unit.Members.OfType<GlobalStatementSyntax>().Any())
            {
                walker.WalkRoot(unit.Members.OfType<GlobalStatementSyntax>(), document);
            }

            foreach (var method in MemberDeclarations(document.Root).OfType<BaseMethodDeclarationSyntax>())
            {
                SyntaxNode? body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
                if (body is null || (method is MethodDeclarationSyntax m && mappingSet.Contains(m)) || !MentionsMapCall(document.File.Text.AsSpan(body.SpanStart, body.Span.Length)))
                {
                    continue;
                }

                walker.WalkRoot([body], document);
            }
        }

        MapUncalled(walker, mappingMethods);
        foreach (var diagnostic in found.Distinct())
        {
            diagnostics.Add(diagnostic);
        }

        return walker.Endpoints
            .Select(e => e.ToEndpoint(ServiceAuthDefaultsReader.For(defaults, e.Service).Fallback))
            .ToList();
    }

    /// <summary>
    /// Mapping methods that no walked code called (modules discovered by reflection, interface
    /// dispatch) are mapped at the root; a method that another uncalled mapping method calls is
    /// reached through that caller instead of being mapped twice.
    /// </summary>
    private static void MapUncalled(MinimalRouteWalker walker, IReadOnlyDictionary<string, List<MappingMethod>> mappingMethods)
    {
        var all = mappingMethods.Values.SelectMany(l => l)
            .OrderBy(m => m.Document.Path, StringComparer.Ordinal)
            .ThenBy(m => m.Method.SpanStart)
            .ToList();
        var uncalled = all.Where(m => !walker.Invoked.Contains(m.Method)).ToList();
        var calledByUncalled = new HashSet<SyntaxNode>();
        foreach (var caller in uncalled)
        {
            foreach (var invocation in caller.Method.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (SyntaxHelpers.InvokedName(invocation) is { } name && mappingMethods.TryGetValue(name, out var callees))
                {
                    calledByUncalled.UnionWith(callees.Where(c => c.Method != caller.Method).Select(c => c.Method));
                }
            }
        }

        foreach (var mapping in uncalled.Where(m => !calledByUncalled.Contains(m.Method)).Concat(uncalled))
        {
            if (!walker.Invoked.Contains(mapping.Method))
            {
                walker.WalkUncalled(mapping);
            }
        }
    }

    private static Dictionary<string, List<MappingMethod>> IndexMappingMethods(IEnumerable<CSharpDocument> documents)
    {
        var index = new Dictionary<string, List<MappingMethod>>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var text = document.File.Text;
            IEnumerable<CSharpSyntaxNode> declarations = MemberDeclarations(document.Root).OfType<MethodDeclarationSyntax>();
            if (text.Contains("RouteGroupBuilder", StringComparison.Ordinal) || text.Contains("IEndpointRouteBuilder", StringComparison.Ordinal) || text.Contains("WebApplication ", StringComparison.Ordinal))
            {
                declarations = declarations.Concat(document.Root.DescendantNodes().OfType<LocalFunctionStatementSyntax>());
            }

            foreach (var declaration in declarations)
            {
                var method = new MappingMethod(declaration, document);
                if ((method.Body is null && method.ExpressionBody is null)
                    || !method.Parameters.Any(p => MinimalRouteWalker.IsBuilderParameter(p, includeApplicationBuilder: false) || MinimalRouteWalker.IsConventionParameter(p, method)))
                {
                    continue;
                }

                var name = method.Identifier.ValueText;
                if (!index.TryGetValue(name, out var list))
                {
                    index[name] = list = [];
                }

                list.Add(method);
            }
        }

        return index;
    }

    /// <summary>Members of namespaces and types, without descending into bodies.</summary>
    private static IEnumerable<MemberDeclarationSyntax> MemberDeclarations(SyntaxNode root) =>
        root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax).OfType<MemberDeclarationSyntax>();

    /// <summary>A cheap text check that keeps files without routing code out of the syntax walk.</summary>
    private static bool MayMapRoutes(CSharpDocument document)
    {
        var text = document.File.Text.AsSpan();
        return MentionsMapCall(text)
            || text.Contains("EndpointRouteBuilder", StringComparison.Ordinal)
            || text.Contains("RouteGroupBuilder", StringComparison.Ordinal)
            || text.Contains("ConventionBuilder", StringComparison.Ordinal)
            || text.Contains("RouteHandlerBuilder", StringComparison.Ordinal);
    }

    /// <summary>
    /// "Map" followed by an upper-case letter or "(": MapGet, MapGroup, MapOrders, Map(...). AutoMapper's
    /// Map&lt;T&gt; and words such as "Mapper" do not match, which keeps mapping-heavy code out of the walk.
    /// </summary>
    internal static bool MentionsMapCall(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (true)
        {
            var at = text[offset..].IndexOf("Map", StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            var next = offset + at + 3;
            if (next < text.Length && (char.IsAsciiLetterUpper(text[next]) || text[next] == '('))
            {
                return true;
            }

            offset = next;
        }
    }
}
