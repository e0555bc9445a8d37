using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Sql.Sources.Ef;

/// <summary>
/// One generated EF call such as <c>migrationBuilder.AddColumn&lt;int&gt;(name: "x", table: "t")</c>, with its
/// arguments by parameter name (positional arguments named from the method's known parameter order).
/// </summary>
internal sealed class EfCall(InvocationExpressionSyntax invocation, string method, IReadOnlyList<string> positional)
{
    private readonly Dictionary<string, ExpressionSyntax> arguments = Collect(invocation, positional);

    public InvocationExpressionSyntax Invocation { get; } = invocation;

    public string Method { get; } = method;

    public int Line => Invocation.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    public string? TypeArgument =>
        Invocation.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax g } ? g.TypeArgumentList.Arguments.FirstOrDefault()?.ToString() : null;

    public ExpressionSyntax? Argument(string name) => arguments.GetValueOrDefault(name);

    public string? String(string name) => Literal(Argument(name));

    public bool? Bool(string name) => Argument(name) switch
    {
        LiteralExpressionSyntax l when l.IsKind(SyntaxKind.TrueLiteralExpression) => true,
        LiteralExpressionSyntax l when l.IsKind(SyntaxKind.FalseLiteralExpression) => false,
        _ => null,
    };

    /// <summary>The value of "x" or new[] { "a", "b" } / new string[] { ... } as a list of strings.</summary>
    public IReadOnlyList<string> Strings(string single, string many)
    {
        if (String(single) is { } one)
        {
            return [one];
        }

        return Argument(many) is { } list ? StringList(list) : [];
    }

    public static IReadOnlyList<string> StringList(ExpressionSyntax expression)
    {
        var initializer = expression switch
        {
            ImplicitArrayCreationExpressionSyntax a => a.Initializer,
            ArrayCreationExpressionSyntax a => a.Initializer,
            CollectionExpressionSyntax c => null,
            _ => null,
        };
        if (expression is CollectionExpressionSyntax collection)
        {
            return [.. collection.Elements.OfType<ExpressionElementSyntax>().Select(e => Literal(e.Expression)).OfType<string>()];
        }

        return initializer is null ? [] : [.. initializer.Expressions.Select(Literal).OfType<string>()];
    }

    /// <summary>A string literal, or literals joined with +; null for anything else.</summary>
    public static string? Literal(ExpressionSyntax? expression) => expression switch
    {
        LiteralExpressionSyntax l when l.IsKind(SyntaxKind.StringLiteralExpression) => l.Token.ValueText,
        BinaryExpressionSyntax b when b.IsKind(SyntaxKind.AddExpression) && Literal(b.Left) is { } left && Literal(b.Right) is { } right => left + right,
        ParenthesizedExpressionSyntax p => Literal(p.Expression),
        InterpolatedStringExpressionSyntax i when i.Contents.All(c => c is InterpolatedStringTextSyntax) =>
            string.Concat(i.Contents.OfType<InterpolatedStringTextSyntax>().Select(t => t.TextToken.ValueText)),
        _ => null,
    };

    private static Dictionary<string, ExpressionSyntax> Collect(InvocationExpressionSyntax invocation, IReadOnlyList<string> positional)
    {
        var result = new Dictionary<string, ExpressionSyntax>(StringComparer.Ordinal);
        var index = 0;
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.NameColon is { } nameColon)
            {
                result[nameColon.Name.Identifier.ValueText] = argument.Expression;
            }
            else if (index < positional.Count)
            {
                result[positional[index]] = argument.Expression;
            }

            index++;
        }

        return result;
    }
}
