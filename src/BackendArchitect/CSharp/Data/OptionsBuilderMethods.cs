using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Data;

/// <summary>
/// The code base's own methods that receive EF options (<c>DbContextOptionsBuilder</c>, ABP's
/// <c>AbpDbContextConfigurationContext</c>), so a registration that hands its options to one
/// (<c>AddDbContext&lt;T&gt;(ConfigureDatabase)</c>, <c>o =&gt; DbSetup.UsePostgres(o, config)</c>) finds the
/// provider it selects, in any file and through helpers that call helpers.
/// </summary>
internal sealed class OptionsBuilderMethods
{
    private const int MaxDepth = 6;

    private static readonly string[] OptionsTypes = ["DbContextOptionsBuilder", "AbpDbContextConfigurationContext", "AbpDbContextOptions"];

    private readonly Dictionary<string, List<OptionsMethod>> byName = new(StringComparer.Ordinal);

    public static OptionsBuilderMethods Build(CSharpCorpus corpus)
    {
        var result = new OptionsBuilderMethods();
        foreach (var doc in corpus.Documents.Where(d => OptionsTypes.Any(t => d.File.Text.Contains(t, StringComparison.Ordinal))))
        {
            foreach (var node in doc.Root.DescendantNodes(n => n is not ExpressionSyntax))
            {
                var (name, parameters) = node switch
                {
                    MethodDeclarationSyntax m => (m.Identifier.ValueText, m.ParameterList),
                    LocalFunctionStatementSyntax l => (l.Identifier.ValueText, l.ParameterList),
                    _ => (null, null),
                };
                if (name is not null && parameters!.Parameters.Any(p => p.Type is not null && OptionsTypes.Contains(SyntaxHelpers.SimpleTypeName(p.Type.ToString()))))
                {
                    (result.byName.TryGetValue(name, out var list) ? list : result.byName[name] = []).Add(new OptionsMethod(node, doc));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Adds the providers selected in <paramref name="scope"/> and in the helpers it calls or passes as method
    /// groups; <paramref name="descend"/> keeps the walk out of parts of the scope.
    /// </summary>
    public void AddProviders(HashSet<string> providers, SyntaxNode scope, CSharpDocument document, Func<SyntaxNode, bool>? descend = null) =>
        Walk(providers, scope, document, [], 0, descend ?? (_ => true));

    private void Walk(HashSet<string> providers, SyntaxNode scope, CSharpDocument document, HashSet<SyntaxNode> seen, int depth, Func<SyntaxNode, bool> descend)
    {
        foreach (var node in scope.DescendantNodesAndSelf(descend))
        {
            var name = node switch
            {
                InvocationExpressionSyntax call => SyntaxHelpers.InvokedName(call),
                ArgumentSyntax { Expression: IdentifierNameSyntax group } => group.Identifier.ValueText,
                ArgumentSyntax { Expression: MemberAccessExpressionSyntax group } => group.Name.Identifier.ValueText,
                _ => null,
            };
            if (name is null)
            {
                continue;
            }

            if (node is InvocationExpressionSyntax && Conventions.ProviderOf(name) is { } provider)
            {
                providers.Add(provider);
            }
            else if (depth < MaxDepth && Resolve(name, document) is { } helper && seen.Add(helper.Method))
            {
                Walk(providers, helper.Method, helper.Document, seen, depth + 1, _ => true);
            }
        }
    }

    /// <summary>The declaration a name refers to: same file first, then same project, then the first by path.</summary>
    private OptionsMethod? Resolve(string name, CSharpDocument caller) =>
        byName.TryGetValue(name, out var candidates)
            ? candidates
                .Where(c => c.Method is not LocalFunctionStatementSyntax || c.Document == caller)
                .OrderBy(c => c.Document == caller ? 0 : c.Document.Project?.Path == caller.Project?.Path ? 1 : 2)
                .ThenBy(c => c.Document.Path, StringComparer.Ordinal)
                .ThenBy(c => c.Method.SpanStart)
                .FirstOrDefault()
            : null;
}

/// <summary>A method or local function with an EF options parameter.</summary>
internal sealed record OptionsMethod(SyntaxNode Method, CSharpDocument Document);
