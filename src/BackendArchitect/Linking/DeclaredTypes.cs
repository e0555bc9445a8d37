using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Linking;

/// <summary>What a name in code was declared as: its written type (null for <c>var</c> and untyped lambda parameters) and its initializer.</summary>
internal sealed record DeclaredType(string? Type, TypeSyntax? Syntax, ExpressionSyntax? Initializer);

/// <summary>
/// The names a unit can see from syntax alone, gathered in one pass over the member around it: the
/// parameters of its functions and lambdas and its locals (<c>var x = new T()</c> gives T). A name
/// declared twice keeps its first declaration; members of the type come from its shape.
/// </summary>
internal static class DeclaredTypes
{
    public static Dictionary<string, DeclaredType> Locals(CodeUnit unit)
    {
        var names = new Dictionary<string, DeclaredType>(StringComparer.Ordinal);
        foreach (var scope in Scopes(unit.Node))
        {
            foreach (var node in scope.DescendantNodesAndSelf(n => n is not TypeDeclarationSyntax))
            {
                switch (node)
                {
                    case ParameterSyntax parameter:
                        names.TryAdd(parameter.Identifier.ValueText, parameter.Type is null ? new DeclaredType(null, null, null) : new DeclaredType(TypeNames.Simple(parameter.Type), parameter.Type, null));
                        break;
                    case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } declarator:
                        names.TryAdd(declarator.Identifier.ValueText, FromDeclaration(declaration.Type, declarator.Initializer?.Value));
                        break;
                    case ForEachStatementSyntax each:
                        names.TryAdd(each.Identifier.ValueText, FromDeclaration(each.Type, null));
                        break;
                    case DeclarationPatternSyntax { Designation: SingleVariableDesignationSyntax designation } pattern:
                        names.TryAdd(designation.Identifier.ValueText, FromDeclaration(pattern.Type, null));
                        break;
                }
            }
        }

        return names;
    }

    /// <summary>The member around a unit (a method, accessor or constructor), or the top-level statements of its file.</summary>
    private static IEnumerable<SyntaxNode> Scopes(SyntaxNode unit)
    {
        for (var node = unit; node is not null; node = node.Parent)
        {
            if (node is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or FieldDeclarationSyntax)
            {
                return [node];
            }

            if (node is GlobalStatementSyntax { Parent: CompilationUnitSyntax file })
            {
                return file.Members.OfType<GlobalStatementSyntax>();
            }
        }

        return [unit];
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
