using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Data;

/// <summary>A DbContext class as read from its declarations (partial parts merged, base contexts' sets inherited).</summary>
internal sealed class ContextDraft(string name, IReadOnlyList<TypeEntry> declarations)
{
    public string Name { get; } = name;

    /// <summary>This class's own declarations, sorted by path.</summary>
    public IReadOnlyList<TypeEntry> Declarations { get; } = declarations;

    public TypeEntry Primary => Declarations[0];

    public bool IsAbstract => Declarations.Any(d => d.Declaration.Modifiers.Any(SyntaxKind.AbstractKeyword));

    /// <summary>Set name and entity type, own sets after inherited ones.</summary>
    public List<(string Name, string Entity)> Sets { get; } = [];

    /// <summary>This class and its base contexts found in the corpus, nearest first.</summary>
    public List<TypeEntry> Hierarchy { get; } = [];

    public HashSet<string> Providers { get; } = new(StringComparer.Ordinal);

    public string? Service { get; set; }

    /// <summary>Every method name invoked in the context's classes (to find helpers it calls).</summary>
    public HashSet<string> Calls { get; } = new(StringComparer.Ordinal);

    /// <summary>IEntityTypeConfiguration classes applied with ApplyConfiguration(new X()).</summary>
    public HashSet<string> AppliedConfigurations { get; } = new(StringComparer.Ordinal);

    public bool AppliesAssemblyConfigurations { get; set; }
}

/// <summary>Finds DbContext classes: direct subclasses of EF and Identity contexts and chains through corpus classes.</summary>
internal static class DbContextReader
{
    public static List<ContextDraft> Read(CSharpCorpus corpus)
    {
        var memo = new Dictionary<string, bool>(StringComparer.Ordinal);
        var contexts = new List<ContextDraft>();
        foreach (var (name, entries) in corpus.Types.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var classes = entries.Where(e => e.Declaration is ClassDeclarationSyntax).ToList();
            if (classes.Count == 0 || !IsContext(corpus, name, memo, 0))
            {
                continue;
            }

            foreach (var group in classes.GroupBy(e => (e.Document.Project?.Path, Namespace(e.Declaration), SyntaxHelpers.QualifiedName(e.Declaration))))
            {
                // The part in "AppDbContext.cs" is where a partial context is reported.
                var parts = group
                    .OrderBy(e => Path.GetFileNameWithoutExtension(e.Document.Path) == name ? 0 : 1)
                    .ThenBy(e => e.Document.Path, StringComparer.Ordinal)
                    .ThenBy(e => e.Declaration.SpanStart);
                var draft = new ContextDraft(name, [.. parts]);
                ReadHierarchy(corpus, draft);
                contexts.Add(draft);
            }
        }

        return contexts;
    }

    private static bool IsContext(CSharpCorpus corpus, string name, Dictionary<string, bool> memo, int depth)
    {
        if (memo.TryGetValue(name, out var known))
        {
            return known;
        }

        memo[name] = false;
        var result = false;
        if (depth < 16)
        {
            foreach (var entry in corpus.FindType(name))
            {
                if (entry.Declaration is ClassDeclarationSyntax && BaseClass(entry.Declaration) is { } baseName
                    && (Conventions.IsFrameworkContextBase(baseName) || IsContext(corpus, baseName, memo, depth + 1)))
                {
                    result = true;
                    break;
                }
            }
        }

        memo[name] = result;
        return result;
    }

    /// <summary>The simple name of the first type in a class's base list (a class, when it is one).</summary>
    public static string? BaseClass(BaseTypeDeclarationSyntax type) =>
        type.BaseList?.Types.FirstOrDefault()?.Type is { } t ? SyntaxHelpers.SimpleTypeName(t.ToString()) : null;

    public static string Namespace(BaseTypeDeclarationSyntax type) =>
        type.FirstAncestorOrSelf<BaseNamespaceDeclarationSyntax>()?.Name.ToString() ?? "";

    private static void ReadHierarchy(CSharpCorpus corpus, ContextDraft draft)
    {
        var chain = new List<IReadOnlyList<TypeEntry>> { draft.Declarations };
        var seen = new HashSet<string>(StringComparer.Ordinal) { draft.Name };
        var current = draft.Declarations;
        while (current.Select(e => e.Declaration).Select(BaseClass).FirstOrDefault(b => b is not null) is { } baseName && seen.Add(baseName))
        {
            if (Conventions.IsFrameworkContextBase(baseName))
            {
                AddIdentitySets(draft, current.Select(e => e.Declaration.BaseList?.Types.FirstOrDefault()?.Type).OfType<TypeSyntax>().First());
                break;
            }

            var parts = corpus.FindType(baseName).Where(e => e.Declaration is ClassDeclarationSyntax).OrderBy(e => e.Document.Path, StringComparer.Ordinal).ToList();
            if (parts.Count == 0)
            {
                break;
            }

            chain.Add(parts);
            current = parts;
        }

        // Base contexts first so that a set redeclared lower in the chain keeps the derived declaration.
        foreach (var level in Enumerable.Reverse(chain))
        {
            foreach (var entry in level)
            {
                ReadMembers(draft, entry);
            }
        }

        draft.Hierarchy.AddRange(chain.SelectMany(l => l));
    }

    /// <summary>IdentityDbContext&lt;TUser, TRole, ...&gt; declares Users and Roles sets for its type arguments.</summary>
    private static void AddIdentitySets(ContextDraft draft, TypeSyntax baseType)
    {
        var generic = baseType switch
        {
            GenericNameSyntax g => g,
            QualifiedNameSyntax { Right: GenericNameSyntax g } => g,
            _ => null,
        };
        if (generic is null || !generic.Identifier.ValueText.StartsWith("Identity", StringComparison.Ordinal))
        {
            return;
        }

        var args = generic.TypeArgumentList.Arguments;
        draft.Sets.Add(("Users", Conventions.TypeName(args[0])));
        if (generic.Identifier.ValueText == "IdentityDbContext" && args.Count > 1)
        {
            draft.Sets.Add(("Roles", Conventions.TypeName(args[1])));
        }
    }

    private static void ReadMembers(ContextDraft draft, TypeEntry entry)
    {
        foreach (var property in entry.Declaration.ChildNodes().OfType<PropertyDeclarationSyntax>())
        {
            if (SetEntity(property) is { } entity)
            {
                draft.Sets.RemoveAll(s => s.Name == property.Identifier.ValueText);
                draft.Sets.Add((property.Identifier.ValueText, entity));
            }
        }

        foreach (var invocation in entry.Declaration.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            var name = SyntaxHelpers.InvokedName(invocation);
            if (name is null)
            {
                continue;
            }

            draft.Calls.Add(name);
            if (name == "ApplyConfigurationsFromAssembly")
            {
                draft.AppliesAssemblyConfigurations = true;
            }
            else if (name == "ApplyConfiguration" && invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression is ObjectCreationExpressionSyntax creation)
            {
                draft.AppliedConfigurations.Add(SyntaxHelpers.SimpleTypeName(creation.Type.ToString()));
            }
        }
    }

    /// <summary>The entity of <c>DbSet&lt;T&gt; X { get; set; }</c> or <c>IQueryable&lt;T&gt; X =&gt; Set&lt;T&gt;()</c>.</summary>
    private static string? SetEntity(PropertyDeclarationSyntax property)
    {
        if (property.Modifiers.Any(SyntaxKind.StaticKeyword))
        {
            return null;
        }

        if (FluentConfiguration.GenericArgument(property.Type, "DbSet") is { } entity)
        {
            return entity;
        }

        var body = property.ExpressionBody?.Expression
            ?? property.AccessorList?.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration))?.ExpressionBody?.Expression;
        return body is InvocationExpressionSyntax invocation && SyntaxHelpers.InvokedName(invocation) == "Set"
            && SyntaxHelpers.TypeArguments(invocation) is [var t]
            ? Conventions.TypeName(t)
            : null;
    }
}
