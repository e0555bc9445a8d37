using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Auth;

/// <summary>
/// Reads an authorization policy written in code: <c>new AuthorizationPolicyBuilder(...).RequireRole(...).Build()</c>,
/// a builder lambda (<c>p => p.RequireAuthenticatedUser()</c>), or a well-known policy property.
/// </summary>
public static class PolicyExpressionReader
{
    private static readonly HashSet<string> RequirementMethods = new(StringComparer.Ordinal)
    {
        "RequireAuthenticatedUser", "RequireRole", "RequireClaim", "RequireUserName", "RequireAssertion", "AddRequirements", "Combine",
    };

    /// <summary>What a policy expression requires.</summary>
    /// <param name="Understood">False when some part could not be read; callers then report unknown.</param>
    public sealed record PolicyShape(bool Understood, IReadOnlyList<string> Roles, IReadOnlyList<string> Schemes, IReadOnlyList<string> Requirements);

    /// <summary>A policy object expression, e.g. the right side of <c>options.FallbackPolicy = ...</c>.</summary>
    public static PolicyShape Read(CSharpCorpus corpus, ExpressionSyntax expression)
    {
        var e = Unwrap(expression);
        if (e is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Build" } build })
        {
            return ReadChain(corpus, build.Expression, builderParameter: null);
        }

        return new PolicyShape(false, [], [], []);
    }

    /// <summary>A builder lambda such as <c>policy =&gt; policy.RequireRole("Admin")</c>.</summary>
    public static PolicyShape ReadBuilderLambda(CSharpCorpus corpus, ExpressionSyntax expression)
    {
        var (parameter, body) = expression switch
        {
            SimpleLambdaExpressionSyntax s => (s.Parameter.Identifier.ValueText, s.ExpressionBody ?? SingleExpression(s.Block)),
            ParenthesizedLambdaExpressionSyntax p when p.ParameterList.Parameters.Count == 1 =>
                (p.ParameterList.Parameters[0].Identifier.ValueText, p.ExpressionBody ?? SingleExpression(p.Block)),
            _ => ("", null),
        };
        return body is null ? new PolicyShape(false, [], [], []) : ReadChain(corpus, body, parameter);
    }

    private static ExpressionSyntax? SingleExpression(BlockSyntax? block) =>
        block?.Statements.Count == 1 && block.Statements[0] is ExpressionStatementSyntax s ? s.Expression : null;

    private static ExpressionSyntax Unwrap(ExpressionSyntax e)
    {
        while (e is ParenthesizedExpressionSyntax p)
        {
            e = p.Expression;
        }

        return e;
    }

    private static PolicyShape ReadChain(CSharpCorpus corpus, ExpressionSyntax chain, string? builderParameter)
    {
        var roles = new List<string>();
        var schemes = new List<string>();
        var requirements = new List<string>();
        var understood = true;
        var e = Unwrap(chain);
        while (e is InvocationExpressionSyntax invocation && invocation.Expression is MemberAccessExpressionSyntax member)
        {
            var name = member.Name.Identifier.ValueText;
            var values = invocation.ArgumentList.Arguments.Select(a => corpus.Constants.Evaluate(a.Expression)).ToList();
            if (name == "RequireRole")
            {
                understood &= values.All(v => v is not null);
                roles.AddRange(values.OfType<string>().SelectMany(SplitList));
                requirements.Add(name);
            }
            else if (name == "AddAuthenticationSchemes")
            {
                understood &= values.All(v => v is not null);
                schemes.AddRange(values.OfType<string>().SelectMany(SplitList));
            }
            else if (RequirementMethods.Contains(name))
            {
                requirements.Add(name);
            }
            else
            {
                understood = false;
            }

            e = Unwrap(member.Expression);
        }

        switch (e)
        {
            case ObjectCreationExpressionSyntax creation when SyntaxHelpers.SimpleTypeName(creation.Type.ToString()) == "AuthorizationPolicyBuilder":
                foreach (var arg in creation.ArgumentList?.Arguments ?? default)
                {
                    var value = corpus.Constants.Evaluate(arg.Expression);
                    understood &= value is not null;
                    schemes.AddRange(value is null ? [] : SplitList(value));
                }

                break;
            case IdentifierNameSyntax id when builderParameter is not null && id.Identifier.ValueText == builderParameter:
                break;
            default:
                understood = false;
                break;
        }

        return new PolicyShape(understood && requirements.Count > 0, roles, schemes, requirements);
    }

    /// <summary>"A, B" to ["A", "B"]: how ASP.NET splits Roles and AuthenticationSchemes.</summary>
    public static IEnumerable<string> SplitList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True for <c>null</c> or <c>default</c>: "no policy".</summary>
    public static bool IsNull(ExpressionSyntax expression) =>
        Unwrap(expression) is LiteralExpressionSyntax l && (l.IsKind(SyntaxKind.NullLiteralExpression) || l.IsKind(SyntaxKind.DefaultLiteralExpression));
}
