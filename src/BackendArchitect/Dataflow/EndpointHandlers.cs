using BackendArchitect.CSharp;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Dataflow;

/// <summary>
/// The code an endpoint runs first: a controller action, gRPC or FastEndpoints method named Type.Method, a
/// lambda on the mapping line, or a method group mapped there. Empty when the handler is not in the corpus
/// (then the endpoint's flows are not followed, and nothing is guessed).
/// </summary>
internal static class EndpointHandlers
{
    public static IEnumerable<(SyntaxNode Body, IReadOnlyList<ParameterSyntax> Parameters, CSharpDocument Document)> Find(
        CSharpCorpus corpus, IReadOnlyDictionary<string, CSharpDocument> documents, Endpoint endpoint)
    {
        documents.TryGetValue(endpoint.File, out var file);
        if (endpoint.Handler == "lambda")
        {
            var lambda = file?.Root.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Where(i => file.LineOf(i) == endpoint.Line || file.LineOf(i.ArgumentList) == endpoint.Line)
                .SelectMany(i => i.ArgumentList.Arguments.Select(a => a.Expression).OfType<LambdaExpressionSyntax>())
                .FirstOrDefault();
            if (lambda is not null && file is not null)
            {
                yield return (lambda.Body, Parameters(lambda), file);
            }

            yield break;
        }

        var dot = endpoint.Handler.LastIndexOf('.');
        var typeName = dot > 0 ? endpoint.Handler[..dot] : null;
        var methodName = dot > 0 ? endpoint.Handler[(dot + 1)..] : endpoint.Handler;
        var methods = typeName is null
            ? file?.Root.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(m => m.Identifier.ValueText == methodName).Select(m => (m, file)) ?? []
            : corpus.FindType(typeName).SelectMany(t => t.Declaration.DescendantNodes().OfType<MethodDeclarationSyntax>()
                .Where(m => m.Identifier.ValueText == methodName).Select(m => (m, t.Document)));
        var found = methods.ToArray();

        // Overloads: the one declared at the endpoint's own line when there is one.
        var exact = found.Where(f => f.Item2.Path == endpoint.File && f.Item2.LineOf(f.m.Identifier) == endpoint.Line).ToArray();
        foreach (var (method, document) in exact.Length > 0 ? exact : found)
        {
            if (((SyntaxNode?)method.Body ?? method.ExpressionBody) is { } body)
            {
                yield return (body, method.ParameterList.Parameters, document);
            }
        }
    }

    private static IReadOnlyList<ParameterSyntax> Parameters(LambdaExpressionSyntax lambda) => lambda switch
    {
        ParenthesizedLambdaExpressionSyntax p => p.ParameterList.Parameters,
        SimpleLambdaExpressionSyntax s => [s.Parameter],
        _ => [],
    };
}
