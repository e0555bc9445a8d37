using BackendArchitect.CSharp;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Linking;

/// <summary>
/// Finds the code an endpoint runs from what the endpoint reports (handler name, file, line): the
/// controller action, the minimal API lambda, local function or method group, the FastEndpoints
/// HandleAsync/ExecuteAsync, the Razor Page's OnGet/OnPost handler in its page model.
/// </summary>
internal static class HandlerLocator
{
    private static readonly HashSet<string> LinkedKinds = new(StringComparer.Ordinal)
    {
        EndpointKinds.Controller, EndpointKinds.Minimal, EndpointKinds.RazorPage, EndpointKinds.FastEndpoints,
    };

    /// <summary>Whether the endpoint names code at all (hubs, proxies, static files and model-less pages do not).</summary>
    public static bool HasCodeHandler(Endpoint endpoint) =>
        LinkedKinds.Contains(endpoint.Kind)
        && (endpoint.Handler == "lambda" || System.Text.RegularExpressions.Regex.IsMatch(endpoint.Handler, @"^[A-Za-z_][\w.]*\.[A-Za-z_]\w*$") && !endpoint.Handler.EndsWith(".cshtml", StringComparison.Ordinal));

    public static CodeUnit? Locate(Endpoint endpoint, LinkIndex index)
    {
        index.Documents.TryGetValue(endpoint.File, out var document);
        if (endpoint.Handler == "lambda")
        {
            return document is null ? null : Lambda(document, endpoint.Line);
        }

        var dot = endpoint.Handler.LastIndexOf('.');
        var typeName = SyntaxHelpers.SimpleTypeName(endpoint.Handler[..dot]);
        var method = endpoint.Handler[(dot + 1)..];

        // An overloaded action is told apart by its line; a method group or page handler by its type.
        if (document is not null && MethodAt(document, method, endpoint.Line) is { } atLine)
        {
            return atLine;
        }

        var shape = index.Shape(typeName);
        var candidates = shape?.Methods.GetValueOrDefault(method) ?? (endpoint.Kind == EndpointKinds.FastEndpoints ? shape?.Methods.GetValueOrDefault("ExecuteAsync") : null);
        if (candidates is { Count: > 0 })
        {
            var pageModel = endpoint.File + ".cs";
            return candidates.OrderBy(c => c.Document.Path == endpoint.File || c.Document.Path == pageModel ? 0 : 1).ThenBy(c => c.Document.Path, StringComparer.Ordinal).ThenBy(c => c.Node.SpanStart).First();
        }

        return document is null ? null : LocalFunction(document, method);
    }

    private static CodeUnit? MethodAt(CSharpDocument document, string name, int line) =>
        document.Root.DescendantNodes(n => n is not BlockSyntax and not ArrowExpressionClauseSyntax).OfType<MethodDeclarationSyntax>()
            .Where(m => m.Identifier.ValueText == name && document.LineOf(m.Identifier) == line && (m.Body is not null || m.ExpressionBody is not null))
            .Select(m => CodeUnit.Of(m, document))
            .FirstOrDefault();

    private static CodeUnit? LocalFunction(CSharpDocument document, string name) =>
        document.Root.DescendantNodes().OfType<LocalFunctionStatementSyntax>()
            .Where(f => f.Identifier.ValueText == name)
            .Select(f => CodeUnit.Of(f, document))
            .FirstOrDefault();

    /// <summary>The lambda handed to the Map call that starts on the endpoint's line (the last lambda argument).</summary>
    private static CodeUnit? Lambda(CSharpDocument document, int line)
    {
        var text = document.Tree.GetText();
        if (line < 1 || line > text.Lines.Count)
        {
            return null;
        }

        var span = text.Lines[line - 1].Span;
        var lambda = document.Root.DescendantNodes(span)
            .OfType<InvocationExpressionSyntax>()
            .Where(i => document.LineOf(i) == line || document.LineOf(i.Expression is MemberAccessExpressionSyntax m ? m.Name : i) == line)
            .Select(i => i.ArgumentList.Arguments.Select(a => a.Expression).OfType<AnonymousFunctionExpressionSyntax>().LastOrDefault())
            .OfType<AnonymousFunctionExpressionSyntax>()
            .FirstOrDefault();
        if (lambda is null)
        {
            return null;
        }

        var type = SyntaxHelpers.ContainingType(lambda);
        return new CodeUnit(lambda, document, type is null ? null : SyntaxHelpers.QualifiedName(type), "lambda");
    }
}
