using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp;

/// <summary>Small syntax questions every front-end asks: names, attributes, arguments.</summary>
public static class SyntaxHelpers
{
    /// <summary>"Foo.Bar.Baz&lt;T&gt;" to "Baz".</summary>
    public static string SimpleTypeName(string name)
    {
        var lt = name.IndexOf('<');
        if (lt >= 0)
        {
            name = name[..lt];
        }

        var dot = name.LastIndexOf('.');
        if (dot >= 0)
        {
            name = name[(dot + 1)..];
        }

        return name.Trim().TrimEnd('?');
    }

    /// <summary>An attribute's name without namespace and without the "Attribute" suffix.</summary>
    public static string AttributeName(AttributeSyntax attribute)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax q => q.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
            GenericNameSyntax g => g.Identifier.ValueText,
            IdentifierNameSyntax i => i.Identifier.ValueText,
            _ => attribute.Name.ToString(),
        };
        return name.EndsWith("Attribute", StringComparison.Ordinal) && name.Length > "Attribute".Length
            ? name[..^"Attribute".Length]
            : name;
    }

    public static IEnumerable<AttributeSyntax> Attributes(SyntaxList<AttributeListSyntax> lists) =>
        lists.Where(l => l.Target is null || l.Target.Identifier.ValueText is "method" or "type").SelectMany(l => l.Attributes);

    public static IEnumerable<AttributeSyntax> Attributes(MemberDeclarationSyntax member) => Attributes(member.AttributeLists);

    /// <summary>Positional arguments of an attribute, in order (named and "x:" arguments excluded).</summary>
    public static IReadOnlyList<ExpressionSyntax> PositionalArguments(AttributeSyntax attribute) =>
        attribute.ArgumentList?.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).Select(a => a.Expression).ToArray()
        ?? [];

    /// <summary>The value of a named attribute argument (<c>Name = value</c> or <c>name: value</c>).</summary>
    public static ExpressionSyntax? NamedArgument(AttributeSyntax attribute, string name) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault(a =>
            string.Equals(a.NameEquals?.Name.Identifier.ValueText, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(a.NameColon?.Name.Identifier.ValueText, name, StringComparison.OrdinalIgnoreCase))?.Expression;

    /// <summary>The method name of an invocation: <c>x.MapGet(...)</c> and <c>MapGet&lt;T&gt;(...)</c> give "MapGet".</summary>
    public static string? InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax b => b.Name.Identifier.ValueText,
        IdentifierNameSyntax i => i.Identifier.ValueText,
        GenericNameSyntax g => g.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The receiver of <c>receiver.Method(...)</c>, or null for a plain call.</summary>
    public static ExpressionSyntax? Receiver(InvocationExpressionSyntax invocation) =>
        (invocation.Expression as MemberAccessExpressionSyntax)?.Expression;

    /// <summary>Type arguments of <c>x.Method&lt;A, B&gt;()</c>.</summary>
    public static IReadOnlyList<TypeSyntax> TypeArguments(InvocationExpressionSyntax invocation)
    {
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax m => m.Name,
            SimpleNameSyntax s => s,
            _ => null,
        };
        return name is GenericNameSyntax g ? g.TypeArgumentList.Arguments : [];
    }

    /// <summary>
    /// Whether a name is declared, in the type around <paramref name="at"/> (or its file), as a type <paramref name="isType"/>
    /// accepts: a parameter, a property, a field or local by its written type, or one initialised with <c>new T()</c>.
    /// </summary>
    public static bool IsDeclaredAs(SyntaxNode at, string name, Func<string, bool> isType)
    {
        bool Is(TypeSyntax? written) => written is not null && isType(SimpleTypeName(written.ToString().TrimEnd('?')));
        var scope = at.FirstAncestorOrSelf<TypeDeclarationSyntax>() as SyntaxNode ?? at.SyntaxTree.GetRoot();
        return scope.DescendantNodes().Any(node => node switch
        {
            ParameterSyntax parameter => parameter.Identifier.ValueText == name && Is(parameter.Type),
            VariableDeclaratorSyntax declarator => declarator.Identifier.ValueText == name
                && (declarator.Parent is VariableDeclarationSyntax { Type: var declared } && !declared.IsVar && Is(declared)
                    || declarator.Initializer?.Value is ObjectCreationExpressionSyntax { Type: var created } && Is(created)),
            PropertyDeclarationSyntax property => property.Identifier.ValueText == name && Is(property.Type),
            _ => false,
        });
    }

    /// <summary>The class, record or struct that contains a node.</summary>
    public static TypeDeclarationSyntax? ContainingType(SyntaxNode node) => node.FirstAncestorOrSelf<TypeDeclarationSyntax>();

    /// <summary>Full name of a type declaration including containing types, e.g. "Outer.Inner".</summary>
    public static string QualifiedName(BaseTypeDeclarationSyntax type)
    {
        var name = type.Identifier.ValueText;
        for (var parent = type.Parent as BaseTypeDeclarationSyntax; parent is not null; parent = parent.Parent as BaseTypeDeclarationSyntax)
        {
            name = parent.Identifier.ValueText + "." + name;
        }

        return name;
    }

    /// <summary>Base type names written in a type's base list (first one may be the class).</summary>
    public static IEnumerable<string> BaseTypeNames(BaseTypeDeclarationSyntax type) =>
        type.BaseList?.Types.Select(t => t.Type.ToString()) ?? [];

    public static bool HasModifier(MemberDeclarationSyntax member, SyntaxKind kind) => member.Modifiers.Any(kind);

    /// <summary>A string literal's value, or null when the expression is not a plain literal.</summary>
    public static string? LiteralString(ExpressionSyntax? expression) =>
        expression is LiteralExpressionSyntax l && l.IsKind(SyntaxKind.StringLiteralExpression) ? l.Token.ValueText : null;
}
