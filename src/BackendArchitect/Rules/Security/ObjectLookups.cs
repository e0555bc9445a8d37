using BackendArchitect.Linking;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>
/// The values an EF query compares an entity's key with: <c>o =&gt; o.Id == id</c> in the chain's own predicates,
/// <c>where o.Id == id</c> in query syntax, and the argument of <c>Find(id)</c>.
/// </summary>
internal static class ObjectLookups
{
    /// <summary>Each comparison of a key property with a value: the comparison (where to report) and the value.</summary>
    public static IEnumerable<(SyntaxNode At, ExpressionSyntax Value)> KeyComparisons(DataAccessSite site, IReadOnlyCollection<string> key)
    {
        foreach (var call in ChainCalls(site.Node))
        {
            var name = call.Expression is MemberAccessExpressionSyntax member ? member.Name.Identifier.ValueText : "";
            if (name is "Find" or "FindAsync")
            {
                foreach (var argument in call.ArgumentList.Arguments)
                {
                    yield return (argument, argument.Expression);
                }

                continue;
            }

            foreach (var argument in call.ArgumentList.Arguments)
            {
                var (parameter, body) = argument.Expression switch
                {
                    SimpleLambdaExpressionSyntax s => (s.Parameter.Identifier.ValueText, (SyntaxNode)s.Body),
                    ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } p => (p.ParameterList.Parameters[0].Identifier.ValueText, p.Body),
                    _ => (null, null),
                };
                if (parameter is not null && body is not null)
                {
                    foreach (var found in Comparisons(body, parameter, key))
                    {
                        yield return found;
                    }
                }
            }
        }

        // A query-syntax read ends in a call on the parenthesized query: (from o in db.Orders where ...).FirstAsync().
        if (ChainStart(site.Node) is QueryExpressionSyntax query)
        {
            var variable = query.FromClause.Identifier.ValueText;
            foreach (var where in query.Body.Clauses.OfType<WhereClauseSyntax>())
            {
                foreach (var found in Comparisons(where.Condition, variable, key))
                {
                    yield return found;
                }
            }
        }
    }

    /// <summary>The calls of a chain, from its end back to its start (<c>a.B().C()</c> gives C, then B).</summary>
    private static IEnumerable<InvocationExpressionSyntax> ChainCalls(SyntaxNode end)
    {
        var node = end;
        while (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } call)
        {
            yield return call;
            node = Unwrap(member.Expression);
        }
    }

    /// <summary>What a chain's first call is made on.</summary>
    private static SyntaxNode ChainStart(SyntaxNode end)
    {
        var node = Unwrap(end);
        while (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member })
        {
            node = Unwrap(member.Expression);
        }

        return node;
    }

    private static SyntaxNode Unwrap(SyntaxNode node)
    {
        while (node is ParenthesizedExpressionSyntax parenthesized)
        {
            node = parenthesized.Expression;
        }

        return node;
    }

    // Top-level conjuncts only: o.Id == id && o.Status == Paid compares the key; o.Id == id || o.IsPublic does not pin a row.
    private static IEnumerable<(SyntaxNode, ExpressionSyntax)> Comparisons(SyntaxNode body, string variable, IReadOnlyCollection<string> key)
    {
        switch (body)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                foreach (var found in Comparisons(parenthesized.Expression, variable, key))
                {
                    yield return found;
                }

                break;
            case BinaryExpressionSyntax both when both.IsKind(SyntaxKind.LogicalAndExpression):
                foreach (var found in Comparisons(both.Left, variable, key).Concat(Comparisons(both.Right, variable, key)))
                {
                    yield return found;
                }

                break;
            case BinaryExpressionSyntax equals when equals.IsKind(SyntaxKind.EqualsExpression):
                if (IsKey(equals.Left, variable, key))
                {
                    yield return (equals, equals.Right);
                }
                else if (IsKey(equals.Right, variable, key))
                {
                    yield return (equals, equals.Left);
                }

                break;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Equals" } member } call
                when call.ArgumentList.Arguments.Count == 1 && IsKey(member.Expression, variable, key):
                yield return (call, call.ArgumentList.Arguments[0].Expression);
                break;
        }
    }

    private static bool IsKey(ExpressionSyntax side, string variable, IReadOnlyCollection<string> key) =>
        side is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax root } member
        && root.Identifier.ValueText == variable
        && key.Contains(member.Name.Identifier.ValueText);
}
