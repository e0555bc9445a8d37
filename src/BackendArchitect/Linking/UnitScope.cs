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
    private Dictionary<string, DeclaredType>? locals;
    private TypeShape? shape;
    private bool shapeRead;

    public CodeUnit Unit { get; } = unit;

    public LinkIndex Index { get; } = index;

    public CSharpDocument Document => Unit.Document;

    /// <summary>The simple name of the unit's type, for calls on itself.</summary>
    public string? OwnType { get; } = unit.TypeName is null ? null : SyntaxHelpers.SimpleTypeName(unit.TypeName);

    /// <summary>The declared type of a simple name: a local or parameter, else a member of the unit's type.</summary>
    public DeclaredType? Name(string name)
    {
        locals ??= DeclaredTypes.Locals(Unit);
        if (locals.TryGetValue(name, out var local))
        {
            return local;
        }

        return Shape()?.Members.TryGetValue(name, out var member) == true ? new DeclaredType(TypeNames.Simple(member), member, null) : null;
    }

    /// <summary>The declared type of a receiver: a name, <c>this.name</c>, or <c>this</c> itself.</summary>
    public DeclaredType? Receiver(ExpressionSyntax? receiver) => receiver switch
    {
        IdentifierNameSyntax id => Name(id.Identifier.ValueText),
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
        Shape()?.Members.TryGetValue(name, out var type) == true ? new DeclaredType(TypeNames.Simple(type), type, null) : null;

    private TypeShape? Shape()
    {
        if (!shapeRead)
        {
            shape = Index.Shape(OwnType);
            shapeRead = true;
        }

        return shape;
    }
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
        if (sql is null || IsProcedureName(sql))
        {
            return Model.DataOperation.Unknown;
        }

        var first = sql.TrimStart().Split((char[])[' ', '\n', '\r', '\t', '('], 2)[0].ToUpperInvariant();
        return first is "SELECT" or "WITH" or "SHOW" or "EXPLAIN" ? Model.DataOperation.Read : Model.DataOperation.Write;
    }

    /// <summary>Whether constant SQL limits its rows; null when the text is not known.</summary>
    public static bool? SqlBounded(string? sql) =>
        sql is null || IsProcedureName(sql) ? null
        : System.Text.RegularExpressions.Regex.IsMatch(sql, @"\b(LIMIT|TOP|FETCH\s+(FIRST|NEXT))\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>A single word such as <c>[dbo].[User_ReadById]</c> names a stored procedure, whose SQL is not in the call.</summary>
    private static bool IsProcedureName(string sql) => !sql.Trim().Any(char.IsWhiteSpace);
}
