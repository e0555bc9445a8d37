using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Linking;

/// <summary>What a name in code was declared as: its written type (null for <c>var</c>) and its initializer.</summary>
internal sealed record DeclaredType(string? Type, TypeSyntax? Syntax, ExpressionSyntax? Initializer);

/// <summary>
/// The declared type of a simple name at a point of a unit, from syntax alone: parameters of the
/// enclosing functions, locals declared before it (<c>var x = new T()</c> gives T), then the fields,
/// properties and primary-constructor parameters of the unit's type and its repository bases.
/// </summary>
internal static class DeclaredTypes
{
    public static DeclaredType? Of(string name, SyntaxNode at, CodeUnit unit, LinkIndex index)
    {
        for (var node = at.Parent; node is not null; node = node.Parent)
        {
            if (Parameter(node, name) is { } parameter)
            {
                return parameter.Type is null ? new DeclaredType(null, null, null) : new DeclaredType(TypeNames.Simple(parameter.Type), parameter.Type, null);
            }

            if (node is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or GlobalStatementSyntax or CompilationUnitSyntax
                && Local(node, name, at) is { } local)
            {
                return local;
            }

            // Top-level statements go on to the file; inside a type the members come from its shape.
            if (node is MemberDeclarationSyntax and not GlobalStatementSyntax or CompilationUnitSyntax)
            {
                break;
            }
        }

        return index.Shape(unit.TypeName) is { } shape && shape.Members.TryGetValue(name, out var member)
            ? new DeclaredType(TypeNames.Simple(member), member, null)
            : null;
    }

    private static ParameterSyntax? Parameter(SyntaxNode node, string name)
    {
        var parameters = node switch
        {
            BaseMethodDeclarationSyntax m => m.ParameterList.Parameters,
            LocalFunctionStatementSyntax l => l.ParameterList.Parameters,
            ParenthesizedLambdaExpressionSyntax p => p.ParameterList.Parameters,
            AnonymousMethodExpressionSyntax a when a.ParameterList is not null => a.ParameterList.Parameters,
            SimpleLambdaExpressionSyntax s => SyntaxFactoryList(s.Parameter),
            _ => default,
        };
        foreach (var parameter in parameters)
        {
            if (parameter.Identifier.ValueText == name)
            {
                return parameter;
            }
        }

        return null;
    }

    private static SeparatedSyntaxList<ParameterSyntax> SyntaxFactoryList(ParameterSyntax parameter) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFactory.SingletonSeparatedList(parameter);

    /// <summary>The last declaration of a local named <paramref name="name"/> before <paramref name="at"/> in a member.</summary>
    private static DeclaredType? Local(SyntaxNode member, string name, SyntaxNode at)
    {
        DeclaredType? found = null;
        foreach (var node in member.DescendantNodes(n => n.SpanStart <= at.SpanStart))
        {
            if (node.SpanStart >= at.SpanStart)
            {
                break;
            }

            switch (node)
            {
                case VariableDeclaratorSyntax declarator when declarator.Identifier.ValueText == name && declarator.Parent is VariableDeclarationSyntax declaration:
                    found = FromDeclaration(declaration.Type, declarator.Initializer?.Value);
                    break;
                case ForEachStatementSyntax each when each.Identifier.ValueText == name:
                    found = FromDeclaration(each.Type, null);
                    break;
                case DeclarationPatternSyntax { Designation: SingleVariableDesignationSyntax designation } pattern when designation.Identifier.ValueText == name:
                    found = FromDeclaration(pattern.Type, null);
                    break;
            }
        }

        return found;
    }

    private static DeclaredType FromDeclaration(TypeSyntax type, ExpressionSyntax? initializer)
    {
        if (!type.IsVar)
        {
            return new DeclaredType(TypeNames.Simple(type), type, initializer);
        }

        var value = initializer is AwaitExpressionSyntax awaited ? awaited.Expression : initializer;
        return value switch
        {
            ObjectCreationExpressionSyntax created => new DeclaredType(TypeNames.Simple(created.Type), created.Type, initializer),
            CastExpressionSyntax cast => new DeclaredType(TypeNames.Simple(cast.Type), cast.Type, initializer),
            BinaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.AsExpression, Right: TypeSyntax asType } => new DeclaredType(TypeNames.Simple(asType), asType, initializer),
            _ => new DeclaredType(null, null, initializer),
        };
    }
}
