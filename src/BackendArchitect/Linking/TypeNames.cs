using BackendArchitect.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Linking;

/// <summary>Simple names out of written types: <c>DbSet&lt;Order&gt;</c>, <c>IRequestHandler&lt;X, Y&gt;</c>, <c>IFoo?</c>.</summary>
internal static class TypeNames
{
    public static string Simple(TypeSyntax type) => SyntaxHelpers.SimpleTypeName(type.ToString());

    /// <summary>The first type argument's simple name, or null when the type is not generic.</summary>
    public static string? FirstArgument(TypeSyntax type)
    {
        var generic = type switch
        {
            GenericNameSyntax g => g,
            QualifiedNameSyntax { Right: GenericNameSyntax g } => g,
            NullableTypeSyntax { ElementType: GenericNameSyntax g } => g,
            _ => null,
        };
        return generic is { TypeArgumentList.Arguments.Count: > 0 } ? Simple(generic.TypeArgumentList.Arguments[0]) : null;
    }

    /// <summary>The entity of <c>DbSet&lt;T&gt;</c> (or IDbSet, IQueryable is not a set), else null.</summary>
    public static string? SetEntity(TypeSyntax type) =>
        Simple(type) is "DbSet" or "IDbSet" ? FirstArgument(type is NullableTypeSyntax n ? n.ElementType : type) : null;
}
