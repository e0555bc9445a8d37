using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Linking;

/// <summary>The entity property paths a query lambda reads: <c>o =&gt; o.Customer.Email == x</c> gives "Customer.Email".</summary>
internal static class LambdaPaths
{
    public static IEnumerable<string> Of(ArgumentListSyntax arguments)
    {
        foreach (var argument in arguments.Arguments)
        {
            var (parameter, body) = argument.Expression switch
            {
                SimpleLambdaExpressionSyntax s => (s.Parameter.Identifier.ValueText, (Microsoft.CodeAnalysis.SyntaxNode)s.Body),
                ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: > 0 } p => (p.ParameterList.Parameters[0].Identifier.ValueText, p.Body),
                _ => (null, null),
            };
            if (parameter is null || body is null)
            {
                continue;
            }

            foreach (var path in In(body, parameter))
            {
                yield return path;
            }
        }
    }

    /// <summary>The property paths of <paramref name="parameter"/> read in <paramref name="body"/> (a lambda body or a query clause).</summary>
    public static IEnumerable<string> In(Microsoft.CodeAnalysis.SyntaxNode body, string parameter)
    {
        foreach (var access in body.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>())
        {
            // Only the outermost access of a path: o.Customer.Email, not o.Customer inside it.
            if (access.Parent is MemberAccessExpressionSyntax outer && outer.Expression == access && Path(outer, parameter) is not null)
            {
                continue;
            }

            // o.Lines.Any(...) and o.Name.ToLower() read Lines and Name.
            var read = access.Parent is InvocationExpressionSyntax call && call.Expression == access
                ? (access.Expression as MemberAccessExpressionSyntax is { } target ? Path(target, parameter) : null)
                : Path(access, parameter);
            if (read is not null)
            {
                yield return read;
            }
        }
    }

    private static string? Path(MemberAccessExpressionSyntax access, string parameter) => access.Expression switch
    {
        IdentifierNameSyntax id when id.Identifier.ValueText == parameter => access.Name.Identifier.ValueText,
        MemberAccessExpressionSyntax inner when Path(inner, parameter) is { } prefix => prefix + "." + access.Name.Identifier.ValueText,
        _ => null,
    };
}
