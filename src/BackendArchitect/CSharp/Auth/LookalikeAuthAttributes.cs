using BackendArchitect.CSharp.Endpoints;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Auth;

/// <summary>
/// A code base's own class named like ASP.NET Core's <c>AuthorizeAttribute</c> or <c>AllowAnonymousAttribute</c>
/// (a common hand-rolled JWT pattern). Where that class is in scope, <c>[Authorize]</c> means the code base's
/// attribute, whose check runs at request time, not the framework's metadata.
/// </summary>
internal static class LookalikeAuthAttributes
{
    /// <summary>The code-base declaration <c>[name]</c> binds to at <paramref name="document"/>, or null when it binds to the framework's.</summary>
    public static TypeEntry? InScope(CSharpCorpus corpus, CSharpDocument document, string name)
    {
        var fullName = name + "Attribute";
        var reachable = document.Project is null ? null : corpus.ProjectsReachableFrom(document.Project.Path);
        var imported = Imports(document);
        return corpus.FindType(fullName).Concat(corpus.FindType(name))
            .Where(e => e.Declaration is ClassDeclarationSyntax && e.Declaration.Parent is not BaseTypeDeclarationSyntax)
            .Where(e => e.Document.Project?.Path == document.Project?.Path || reachable is not null && e.Document.Project is not null && reachable.Contains(e.Document.Project.Path))
            .Where(e => Namespace(e.Declaration) is not { Length: > 0 } ns || imported.Contains(ns))
            .OrderBy(e => e.Document.Path, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>The namespaces a document can use without qualification: its usings, global usings of its project, and its own namespace and their parents.</summary>
    private static HashSet<string> Imports(CSharpDocument document)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var u in document.Root.DescendantNodes(n => n is not TypeDeclarationSyntax).OfType<UsingDirectiveSyntax>())
        {
            if (u.Alias is null && u.StaticKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None) && u.Name is not null)
            {
                result.Add(u.Name.ToString());
            }
        }

        foreach (var ns in document.Root.DescendantNodes(n => n is not TypeDeclarationSyntax).OfType<BaseNamespaceDeclarationSyntax>())
        {
            var parts = ns.Name.ToString().Split('.');
            for (var i = 1; i <= parts.Length; i++)
            {
                result.Add(string.Join('.', parts.Take(i)));
            }
        }

        return result;
    }

    private static string Namespace(SyntaxNode declaration) =>
        string.Join('.', declaration.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(n => n.Name.ToString()));
}
