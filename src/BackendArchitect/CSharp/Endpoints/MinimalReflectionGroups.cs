using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// Endpoint groups dispatched by reflection, the shape of the popular Clean Architecture template:
/// a host method finds every type implementing an interface (<c>typeof(IEndpointGroup)</c>), makes
/// <c>app.MapGroup($"/api/{type.Name}")</c> for it and invokes its static <c>Map(RouteGroupBuilder)</c>.
/// The group of such a type is that prefix with the type's name, unless the type declares its own
/// constant <c>RoutePrefix</c>; conventions chained on the dispatcher's MapGroup apply too.
/// </summary>
internal static class MinimalReflectionGroups
{
    private static readonly ConditionalWeakTable<CSharpCorpus, List<Dispatcher>> Cache = [];

    public static MinimalGroup? GroupFor(MappingMethod mapping, MinimalGroup root, CSharpCorpus corpus, MinimalAuthReader auth)
    {
        if (mapping.Method.Parent is not TypeDeclarationSyntax type || type.BaseList is null)
        {
            return null;
        }

        var bases = type.BaseList.Types.Select(t => SyntaxHelpers.SimpleTypeName(t.Type.ToString())).ToHashSet(StringComparer.Ordinal);
        var dispatcher = Dispatchers(corpus).FirstOrDefault(d => bases.Contains(d.Interface));
        if (dispatcher is null)
        {
            return null;
        }

        var prefix = OwnPrefix(type, corpus) ?? Substitute(dispatcher.Prefix, type.Identifier.ValueText, corpus);
        var group = new MinimalGroup(root, prefix, false);
        foreach (var call in dispatcher.Conventions)
        {
            if (SyntaxHelpers.InvokedName(call) is { } name)
            {
                group.Auth.AddRange(auth.FromConvention(call, name, dispatcher.Document));
            }
        }

        return group;
    }

    /// <summary>True when an expression sits in a reflection dispatcher's method.</summary>
    public static bool IsDispatcher(CSharpCorpus corpus, ExpressionSyntax expression) =>
        expression.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method && Dispatchers(corpus).Any(d => d.Method == method);

    private static List<Dispatcher> Dispatchers(CSharpCorpus corpus) => Cache.GetValue(corpus, Find);

    private static List<Dispatcher> Find(CSharpCorpus corpus)
    {
        var result = new List<Dispatcher>();
        foreach (var document in corpus.Documents)
        {
            var text = document.File.Text;
            if (!text.Contains("MapGroup(", StringComparison.Ordinal) || !text.Contains("typeof(", StringComparison.Ordinal) || !text.Contains("Invoke(", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var method in document.Root.DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                var types = method.DescendantNodes().OfType<TypeOfExpressionSyntax>()
                    .Select(t => SyntaxHelpers.SimpleTypeName(t.Type.ToString()))
                    .Where(n => n.Length > 1 && n[0] == 'I' && char.IsUpper(n[1]))
                    .ToList();
                var mapGroup = method.DescendantNodes().OfType<InvocationExpressionSyntax>().FirstOrDefault(i => SyntaxHelpers.InvokedName(i) == "MapGroup");
                var argument = mapGroup?.ArgumentList.Arguments.FirstOrDefault()?.Expression;
                if (types.Count == 0 || argument is null)
                {
                    continue;
                }

                result.Add(new Dispatcher(types[0], DefaultPrefix(argument, method), Conventions(mapGroup!), document, method));
            }
        }

        return result;
    }

    /// <summary>"x ?? $"/api/{name}"" gives the interpolated default; a local is followed to its initializer.</summary>
    private static ExpressionSyntax DefaultPrefix(ExpressionSyntax argument, MethodDeclarationSyntax method)
    {
        if (argument is IdentifierNameSyntax local)
        {
            var declarator = method.DescendantNodes().OfType<VariableDeclaratorSyntax>().FirstOrDefault(v => v.Identifier.ValueText == local.Identifier.ValueText);
            if (declarator?.Initializer is not null)
            {
                argument = declarator.Initializer.Value;
            }
        }

        while (argument is BinaryExpressionSyntax coalesce && coalesce.IsKind(SyntaxKind.CoalesceExpression))
        {
            argument = coalesce.Right;
        }

        return argument;
    }

    /// <summary>The calls chained on the dispatcher's MapGroup(...): .WithTags(...).RequireAuthorization().</summary>
    private static List<InvocationExpressionSyntax> Conventions(InvocationExpressionSyntax mapGroup)
    {
        var calls = new List<InvocationExpressionSyntax>();
        for (var node = mapGroup.Parent; node is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call }; node = call.Parent)
        {
            calls.Add(call);
        }

        return calls;
    }

    /// <summary>Every hole of the interpolated prefix stands for the type's name (type.Name, or a local holding it).</summary>
    private static string? Substitute(ExpressionSyntax prefix, string typeName, CSharpCorpus corpus)
    {
        if (prefix is not InterpolatedStringExpressionSyntax interpolated)
        {
            return corpus.Constants.Evaluate(prefix);
        }

        return ConstantResolver.Interpolate(interpolated, _ => typeName);
    }

    /// <summary>A static RoutePrefix property or constant declared by the group type itself.</summary>
    private static string? OwnPrefix(TypeDeclarationSyntax type, CSharpCorpus corpus)
    {
        foreach (var member in type.Members)
        {
            var value = member switch
            {
                PropertyDeclarationSyntax p when p.Identifier.ValueText == "RoutePrefix" => p.Initializer?.Value ?? p.ExpressionBody?.Expression,
                FieldDeclarationSyntax f => f.Declaration.Variables.FirstOrDefault(v => v.Identifier.ValueText == "RoutePrefix")?.Initializer?.Value,
                _ => null,
            };
            if (value is not null)
            {
                return corpus.Constants.Evaluate(value);
            }
        }

        return null;
    }

    private sealed record Dispatcher(string Interface, ExpressionSyntax Prefix, List<InvocationExpressionSyntax> Conventions, CSharpDocument Document, MethodDeclarationSyntax Method);
}
