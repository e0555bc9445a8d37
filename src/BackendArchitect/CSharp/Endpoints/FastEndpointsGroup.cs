using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// A FastEndpoints group class: its constructor calls <c>Configure("prefix", ep => ...)</c>; a
/// <c>SubGroup&lt;TParent&gt;</c> adds its prefix after the parent's.
/// </summary>
public sealed record FastEndpointsGroup(IReadOnlyList<string> Prefixes, IReadOnlyList<FastEndpointsCall> Calls)
{
    public static FastEndpointsGroup? Read(CSharpCorpus corpus, string typeName, ICollection<Diagnostic> diagnostics, int depth = 0)
    {
        if (depth > 4)
        {
            return null;
        }

        foreach (var entry in corpus.FindType(typeName))
        {
            if (entry.Declaration is not ClassDeclarationSyntax type)
            {
                continue;
            }

            var configure = type.Members.OfType<ConstructorDeclarationSyntax>()
                .SelectMany(c => c.DescendantNodes().OfType<InvocationExpressionSyntax>())
                .FirstOrDefault(i => SyntaxHelpers.InvokedName(i) == "Configure" && i.ArgumentList.Arguments.Count >= 1);
            if (configure is null)
            {
                continue;
            }

            var prefix = corpus.Constants.Evaluate(configure.ArgumentList.Arguments[0].Expression);
            if (prefix is null)
            {
                diagnostics.Add(new Diagnostic(entry.Document.Path, entry.Document.LineOf(configure), $"FastEndpoints group {entry.Name}: route prefix is not a constant; listed as written"));
                prefix = configure.ArgumentList.Arguments[0].Expression.ToString();
            }

            var prefixes = new List<string>();
            var calls = new List<FastEndpointsCall>();
            var baseType = type.BaseList?.Types.FirstOrDefault()?.Type as GenericNameSyntax;
            if (baseType is { Identifier.ValueText: "SubGroup" } && baseType.TypeArgumentList.Arguments.Count == 1
                && Read(corpus, baseType.TypeArgumentList.Arguments[0].ToString(), diagnostics, depth + 1) is { } parent)
            {
                prefixes.AddRange(parent.Prefixes);
                calls.AddRange(parent.Calls);
            }

            prefixes.Add(prefix);
            if (configure.ArgumentList.Arguments.Count > 1 && configure.ArgumentList.Arguments[1].Expression is SimpleLambdaExpressionSyntax lambda)
            {
                calls.AddRange(FastEndpointsCall.On(entry.Document, lambda.Body, lambda.Parameter.Identifier.ValueText));
            }

            return new FastEndpointsGroup(prefixes, calls);
        }

        return null;
    }
}
