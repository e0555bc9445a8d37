using BackendArchitect.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Linking;

/// <summary>
/// One unit being read, with the declared types of the names it uses cached by name: a name is
/// looked up once per unit, at its first use, which is how short methods use names.
/// </summary>
internal sealed class UnitScope(CodeUnit unit, LinkIndex index)
{
    private readonly Dictionary<string, DeclaredType?> names = new(StringComparer.Ordinal);

    public CodeUnit Unit { get; } = unit;

    public LinkIndex Index { get; } = index;

    public CSharpDocument Document => Unit.Document;

    public DeclaredType? Name(string name, SyntaxNode at)
    {
        if (!names.TryGetValue(name, out var found))
        {
            names[name] = found = DeclaredTypes.Of(name, at, Unit, Index);
        }

        return found;
    }

    /// <summary>The declared type of a receiver: a name, <c>this.name</c>, or <c>this</c> itself.</summary>
    public DeclaredType? Receiver(ExpressionSyntax? receiver) => receiver switch
    {
        IdentifierNameSyntax id => Name(id.Identifier.ValueText, id),
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax member } => Member(member.Identifier.ValueText),
        ThisExpressionSyntax or BaseExpressionSyntax when Unit.TypeName is not null => new DeclaredType(SyntaxHelpers.SimpleTypeName(Unit.TypeName), null, null),
        ParenthesizedExpressionSyntax p => Receiver(p.Expression),
        _ => null,
    };

    /// <summary>The type an expression was made from, for arguments: <c>new X(...)</c>, a typed name, <c>(X)y</c>.</summary>
    public string? ValueType(ExpressionSyntax expression) => expression switch
    {
        ObjectCreationExpressionSyntax created => TypeNames.Simple(created.Type),
        IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } => Receiver(expression)?.Type,
        CastExpressionSyntax cast => TypeNames.Simple(cast.Type),
        AwaitExpressionSyntax awaited => ValueType(awaited.Expression),
        _ => null,
    };

    public int Line(SyntaxNode node) => Document.LineOf(node);

    public int Line(SyntaxToken token) => Document.LineOf(token);

    private DeclaredType? Member(string name) =>
        Index.Shape(Unit.TypeName) is { } shape && shape.Members.TryGetValue(name, out var type) ? new DeclaredType(TypeNames.Simple(type), type, null) : null;
}

/// <summary>Invocation shapes the readers share.</summary>
internal static class Invocations
{
    public static bool IsNamed(InvocationExpressionSyntax invocation, out string name, out ExpressionSyntax? receiver)
    {
        receiver = SyntaxHelpers.Receiver(invocation);
        name = SyntaxHelpers.InvokedName(invocation) ?? "";
        return name.Length > 0;
    }

    /// <summary>The leading SQL keyword of a constant SQL text decides read or write; unknown when not constant.</summary>
    public static Model.DataOperation SqlOperation(string? sql)
    {
        if (sql is null)
        {
            return Model.DataOperation.Unknown;
        }

        var first = sql.TrimStart().Split((char[])[' ', '\n', '\r', '\t', '('], 2)[0].ToUpperInvariant();
        return first is "SELECT" or "WITH" or "SHOW" or "EXPLAIN" ? Model.DataOperation.Read : Model.DataOperation.Write;
    }

    /// <summary>Whether constant SQL limits its rows; null when the text is not known.</summary>
    public static bool? SqlBounded(string? sql) =>
        sql is null ? null
        : System.Text.RegularExpressions.Regex.IsMatch(sql, @"\b(LIMIT|TOP|FETCH\s+(FIRST|NEXT))\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
}
