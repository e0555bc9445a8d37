using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// A class and its base classes as far as the source goes, found by name across files. Framework
/// bases (ControllerBase, AuthorizeAttribute) never resolve; their names are kept so callers can
/// ask "derives from" and "implements" questions by name.
/// </summary>
public sealed class TypeHierarchy
{
    private const int MaxDepth = 16;

    private TypeHierarchy(IReadOnlyList<TypeEntry> classes, IReadOnlySet<string> baseNames, IReadOnlySet<string> qualifierNames)
    {
        Classes = classes;
        BaseNames = baseNames;
        QualifierNames = qualifierNames;
    }

    /// <summary>The class itself first, then each base class declared in source, nearest first.</summary>
    public IReadOnlyList<TypeEntry> Classes { get; }

    /// <summary>Simple names (no generic arguments) of every base type and interface written along the chain.</summary>
    public IReadOnlySet<string> BaseNames { get; }

    /// <summary>
    /// Simple names of the qualifiers written before each base type (EndpointBaseAsync and WithRequest in
    /// <c>EndpointBaseAsync.WithRequest&lt;T&gt;.WithActionResult&lt;R&gt;</c>, or namespace parts): packages
    /// with fluent nested bases are recognised by the type that nests them, not by the nested name.
    /// </summary>
    public IReadOnlySet<string> QualifierNames { get; }

    public bool Has(string simpleName) => BaseNames.Contains(simpleName);

    public static TypeHierarchy Of(CSharpCorpus corpus, TypeEntry type)
    {
        var classes = new List<TypeEntry> { type };
        var names = new HashSet<string>(StringComparer.Ordinal);
        var qualifiers = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { type.Name };
        var current = type;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            TypeEntry? next = null;
            foreach (var written in Parts(corpus, current).SelectMany(p => SyntaxHelpers.BaseTypeNames(p.Declaration)))
            {
                var simple = SyntaxHelpers.SimpleTypeName(written);
                names.Add(simple);
                qualifiers.UnionWith(Qualifiers(written));
                if (next is null && !seen.Contains(simple))
                {
                    next = ResolveClass(corpus, simple, current.Document);
                }
            }

            if (next is null)
            {
                break;
            }

            seen.Add(next.Name);
            classes.Add(next);
            current = next;
        }

        return new TypeHierarchy(classes, names, qualifiers);
    }

    /// <summary>The dotted parts before the last one, outside generic argument lists, without their arguments.</summary>
    private static IEnumerable<string> Qualifiers(string written)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < written.Length; i++)
        {
            switch (written[i])
            {
                case '<':
                    depth++;
                    break;
                case '>':
                    depth--;
                    break;
                case '.' when depth == 0:
                    parts.Add(SyntaxHelpers.SimpleTypeName(written[start..i]));
                    start = i + 1;
                    break;
            }
        }

        return parts.Select(p => p.StartsWith("global::", StringComparison.Ordinal) ? p["global::".Length..] : p);
    }

    /// <summary>A class declaration by simple name, preferring one in the same project as the referring document.</summary>
    public static TypeEntry? ResolveClass(CSharpCorpus corpus, string simpleName, CSharpDocument from)
    {
        TypeEntry? first = null;
        foreach (var entry in corpus.FindType(simpleName))
        {
            if (entry.Declaration is not ClassDeclarationSyntax)
            {
                continue;
            }

            if (entry.Document.Project?.Path == from.Project?.Path)
            {
                return entry;
            }

            first ??= entry;
        }

        return first;
    }

    /// <summary>Every declaration of a (possibly partial) class in the same project.</summary>
    public static IEnumerable<TypeEntry> Parts(CSharpCorpus corpus, TypeEntry type)
    {
        if (type.Declaration is not TypeDeclarationSyntax declaration)
        {
            return [];
        }

        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return [type];
        }

        return corpus.FindType(type.Name)
            .Where(e => e.Declaration is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword)
                && e.Document.Project?.Path == type.Document.Project?.Path
                && SyntaxHelpers.QualifiedName(t) == SyntaxHelpers.QualifiedName(declaration))
            .OrderBy(e => e.Document.Path, StringComparer.Ordinal)
            .ThenBy(e => e.Declaration.SpanStart);
    }
}
