using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Wiring;

/// <summary>
/// The code base's own extension methods on <c>AuthenticationBuilder</c> (e.g. <c>AddApiKey(this AuthenticationBuilder b, string scheme = "ApiKey")</c>).
/// When such a wrapper passes its parameter on as the scheme name, the scheme is reported at each call
/// site with the name that call passes.
/// </summary>
internal sealed class SchemeExtensions
{
    private readonly Dictionary<string, List<DeferredScheme>> deferred = new(StringComparer.Ordinal);
    private readonly HashSet<string> declared = new(StringComparer.Ordinal);

    public static SchemeExtensions Build(IEnumerable<CSharpDocument> documents)
    {
        var result = new SchemeExtensions();
        foreach (var doc in documents)
        {
            if (!doc.File.Text.Contains("AuthenticationBuilder", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var method in doc.Root.DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                var parameters = method.ParameterList.Parameters;
                if (parameters.Count == 0 || !parameters[0].Modifiers.Any(SyntaxKind.ThisKeyword)
                    || SyntaxHelpers.SimpleTypeName(parameters[0].Type?.ToString() ?? "") != "AuthenticationBuilder")
                {
                    continue;
                }

                var name = method.Identifier.ValueText;
                result.declared.Add(name);
                foreach (var call in method.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (SyntaxHelpers.InvokedName(call) is not { } callName || !AuthenticationSchemes.TryHandler(callName, call, out var handler))
                    {
                        continue;
                    }

                    var nameArgument = AuthenticationSchemes.NameArgument(callName, call);
                    if (nameArgument is not IdentifierNameSyntax id)
                    {
                        continue;
                    }

                    var index = parameters.IndexOf(p => p.Identifier.ValueText == id.Identifier.ValueText);
                    if (index <= 0)
                    {
                        continue;
                    }

                    if (!result.deferred.TryGetValue(name, out var list))
                    {
                        result.deferred[name] = list = [];
                    }

                    list.Add(new DeferredScheme(index - 1, parameters[index].Identifier.ValueText, handler, parameters[index].Default?.Value));
                }
            }
        }

        return result;
    }

    /// <summary>The schemes a wrapper adds under a name its caller passes, or null.</summary>
    public IReadOnlyList<DeferredScheme>? Deferred(string method) => deferred.GetValueOrDefault(method);

    /// <summary>True when the code base declares an extension method of this name on AuthenticationBuilder.</summary>
    public bool IsDeclared(string method) => declared.Contains(method);
}

/// <summary>A scheme whose name is the wrapper's parameter at <paramref name="ParameterIndex"/> (counted after <c>this</c>).</summary>
internal sealed record DeferredScheme(int ParameterIndex, string ParameterName, string Handler, ExpressionSyntax? Default);
