using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp;

/// <summary>
/// What a file's using directives say a name means: <c>using FS = System.IO.File;</c> makes <c>FS.WriteAllText</c> a call
/// on File, and <c>using static System.IO.File;</c> makes a bare <c>WriteAllText</c> one. Read from the directives of the
/// compilation unit and of the namespaces around the node, syntax only.
/// </summary>
internal static class UsingAliases
{
    /// <summary>The simple type name an alias stands for (FS -> File), or the name itself when no alias declares it.</summary>
    public static string Resolve(SyntaxNode at, string name)
    {
        foreach (var directive in Directives(at))
        {
            if (directive.Alias?.Name.Identifier.ValueText == name && directive.StaticKeyword.IsKind(SyntaxKind.None))
            {
                return SyntaxHelpers.SimpleTypeName(directive.NamespaceOrType.ToString());
            }
        }

        return name;
    }

    /// <summary>
    /// The simple names of the types a bare name may be a static import of (<c>using static System.IO.File;</c> makes
    /// WriteAllText File's); empty when the enclosing class declares a member of that name itself, which the name then means.
    /// </summary>
    public static IEnumerable<string> StaticImports(SyntaxNode at, string member)
    {
        if (at.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type && type.Members.Any(m => Declares(m, member)))
        {
            return [];
        }

        return Directives(at)
            .Where(d => d.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) && d.Alias is null)
            .Select(d => SyntaxHelpers.SimpleTypeName(d.NamespaceOrType.ToString()));
    }

    private static bool Declares(MemberDeclarationSyntax declaration, string name) => declaration switch
    {
        MethodDeclarationSyntax method => method.Identifier.ValueText == name,
        PropertyDeclarationSyntax property => property.Identifier.ValueText == name,
        FieldDeclarationSyntax field => field.Declaration.Variables.Any(v => v.Identifier.ValueText == name),
        _ => false,
    };

    private static IEnumerable<UsingDirectiveSyntax> Directives(SyntaxNode at) =>
        at.Ancestors().SelectMany(node => node switch
        {
            CompilationUnitSyntax unit => unit.Usings,
            BaseNamespaceDeclarationSyntax ns => ns.Usings,
            _ => default(SyntaxList<UsingDirectiveSyntax>),
        });
}
