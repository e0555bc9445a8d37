using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Data;

/// <summary>A public instance property of a candidate entity, from the class or one of its base classes.</summary>
/// <param name="Settable">Has a setter or init accessor (or is a positional record parameter), which EF needs to map a scalar by convention.</param>
/// <param name="Stored">Settable, a get-only auto-property or a getter over a conventionally named field: EF can map it as a navigation.</param>
internal sealed record MemberShape(
    string Name,
    TypeSyntax Type,
    bool Settable,
    bool Stored,
    SyntaxList<AttributeListSyntax> Attributes,
    CSharpDocument Document,
    int Line,
    bool NullableDisabled);

/// <summary>The declared shape of a class: its own declarations (partial parts) and members including inherited ones.</summary>
internal sealed class EntityShape(string name, IReadOnlyList<TypeEntry> declarations)
{
    public string Name { get; } = name;

    public IReadOnlyList<TypeEntry> Declarations { get; } = declarations;

    public TypeEntry Primary => Declarations[0];

    /// <summary>Base classes' members first, then this class's, in declaration order.</summary>
    public List<MemberShape> Members { get; } = [];

    /// <summary>The base class when it is declared in the corpus.</summary>
    public string? BaseClass { get; set; }

    /// <summary>The first base class name when it comes from a package (e.g. IdentityUser).</summary>
    public string? ExternalBase { get; set; }

    public IEnumerable<AttributeListSyntax> AttributeLists => Declarations.SelectMany(d => d.Declaration.AttributeLists);

    public SyntaxList<AttributeListSyntax> Attributes => new(AttributeLists);

    /// <summary>The declared type of a field of this class (fluent Property("_field") maps fields), or null.</summary>
    public TypeSyntax? FieldType(string name) =>
        Declarations.SelectMany(d => d.Declaration.ChildNodes().OfType<FieldDeclarationSyntax>())
            .FirstOrDefault(f => f.Declaration.Variables.Any(v => v.Identifier.ValueText == name))?.Declaration.Type;
}

/// <summary>Reads class shapes lazily by name through the corpus's type index, caching each.</summary>
internal sealed class EntityShapeReader(CSharpCorpus corpus)
{
    private readonly Dictionary<(string Name, string? Project), EntityShape?> shapes = [];
    private readonly Dictionary<string, bool> valueTypes = new(StringComparer.Ordinal);

    /// <summary>The class or record of that simple name, preferring a declaration in the given project, then in one it references.</summary>
    public EntityShape? Get(string name, string? project) => Get(name, project, 0);

    /// <summary>Enums, structs and record structs declared in the corpus: never null unless written with "?".</summary>
    public bool IsValueType(string name)
    {
        if (!valueTypes.TryGetValue(name, out var result))
        {
            result = corpus.FindType(name).Any(e => e.Declaration is EnumDeclarationSyntax or StructDeclarationSyntax
                || (e.Declaration is RecordDeclarationSyntax r && r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword)));
            valueTypes[name] = result;
        }

        return result;
    }

    private EntityShape? Get(string name, string? project, int depth)
    {
        if (shapes.TryGetValue((name, project), out var cached))
        {
            return cached;
        }

        shapes[(name, project)] = null;
        var shape = depth > 16 ? null : Read(name, project, depth);
        shapes[(name, project)] = shape;
        return shape;
    }

    /// <param name="exclude">Declarations to pass over: a class may derive from another class of the same simple name.</param>
    private EntityShape? Read(string name, string? project, int depth, IReadOnlyList<TypeEntry>? exclude = null)
    {
        var groups = corpus.FindType(name)
            .Where(e => e.Declaration is ClassDeclarationSyntax || (e.Declaration is RecordDeclarationSyntax r && !r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword)))
            .Where(e => exclude is null || !exclude.Contains(e))
            .GroupBy(e => (e.Document.Project?.Path, DbContextReader.Namespace(e.Declaration), SyntaxHelpers.QualifiedName(e.Declaration)))
            .Select(g => g.OrderBy(e => IsNamedAfter(e) ? 0 : 1).ThenBy(e => e.Document.Path, StringComparer.Ordinal).ThenBy(e => e.Declaration.SpanStart).ToList())
            .OrderBy(g => g[0].Document.Path, StringComparer.Ordinal)
            .ToList();
        if (groups.Count == 0)
        {
            return null;
        }

        var declarations = groups.Count == 1 ? groups[0]
            : groups.FirstOrDefault(g => g[0].Document.Project?.Path == project)
                ?? groups.FirstOrDefault(g => g[0].Document.Project is { } p && project is not null && corpus.ProjectsReachableFrom(project).Contains(p.Path))
                ?? groups[0];
        var shape = new EntityShape(name, declarations);
        if (declarations.Select(d => d.Declaration.BaseList?.Types.FirstOrDefault()?.Type).FirstOrDefault(t => t is not null) is { } baseType)
        {
            var baseName = SyntaxHelpers.SimpleTypeName(baseType.ToString());
            if (!baseName.StartsWith('I') || baseName.Length < 2 || !char.IsUpper(baseName[1]))
            {
                var baseShape = baseName == name
                    ? (depth < 16 ? Read(baseName, declarations[0].Document.Project?.Path, depth + 1, [.. exclude ?? [], .. declarations]) : null)
                    : Get(baseName, declarations[0].Document.Project?.Path, depth + 1);
                if (baseShape is not null)
                {
                    // A same-named base (an EF model class over a domain class) is never the entity's hierarchy parent in one context.
                    shape.BaseClass = baseName == name ? null : baseName;
                    var substitutions = Substitutions(baseShape, baseType);
                    shape.Members.AddRange(baseShape.Members.Select(m => substitutions.Count == 0 ? m : Substitute(m, substitutions)));
                }
                else
                {
                    shape.ExternalBase = baseName;
                }
            }
        }

        foreach (var declaration in declarations)
        {
            ReadMembers(shape, declaration);
        }

        return shape;
    }

    /// <summary>The part in "Order.cs" is the main declaration of a partial "Order".</summary>
    private static bool IsNamedAfter(TypeEntry entry) =>
        Path.GetFileNameWithoutExtension(entry.Document.Path) == entry.Name;

    private static void ReadMembers(EntityShape shape, TypeEntry entry)
    {
        var nullableDisabled = entry.Document.File.Text.Contains("#nullable disable", StringComparison.Ordinal);
        var doc = entry.Document;
        if (entry.Declaration is RecordDeclarationSyntax { ParameterList: { } parameters })
        {
            foreach (var p in parameters.Parameters)
            {
                if (p.Type is not null)
                {
                    Add(shape, new MemberShape(p.Identifier.ValueText, p.Type, true, true, p.AttributeLists, doc, doc.LineOf(p.Identifier), nullableDisabled));
                }
            }
        }

        // EF finds a property's backing field by name: _name, _Name, name, m_name, m_Name.
        var fields = entry.Declaration.ChildNodes().OfType<FieldDeclarationSyntax>()
            .SelectMany(f => f.Declaration.Variables)
            .Select(v => v.Identifier.ValueText.TrimStart('_').ToLowerInvariant())
            .Select(n => n.StartsWith("m_", StringComparison.Ordinal) ? n[2..] : n)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var property in entry.Declaration.ChildNodes().OfType<PropertyDeclarationSyntax>())
        {
            if (!property.Modifiers.Any(SyntaxKind.PublicKeyword) || property.Modifiers.Any(SyntaxKind.StaticKeyword) || property.ExplicitInterfaceSpecifier is not null)
            {
                continue;
            }

            var accessors = property.AccessorList?.Accessors;
            var getter = property.ExpressionBody is not null || accessors?.Any(a => a.IsKind(SyntaxKind.GetAccessorDeclaration)) == true;
            if (!getter)
            {
                continue;
            }

            var settable = accessors?.Any(a => a.IsKind(SyntaxKind.SetAccessorDeclaration) || a.IsKind(SyntaxKind.InitAccessorDeclaration)) == true;
            var auto = property.ExpressionBody is null && accessors?.All(a => a.Body is null && a.ExpressionBody is null) == true;
            var stored = settable || auto || fields.Contains(property.Identifier.ValueText.ToLowerInvariant());
            Add(shape, new MemberShape(property.Identifier.ValueText, property.Type, settable, stored, property.AttributeLists, doc, doc.LineOf(property.Identifier), nullableDisabled));
        }
    }

    /// <summary>A redeclared (new/override) member replaces the inherited one.</summary>
    private static void Add(EntityShape shape, MemberShape member)
    {
        var index = shape.Members.FindIndex(m => m.Name == member.Name);
        if (index >= 0)
        {
            shape.Members[index] = member;
        }
        else
        {
            shape.Members.Add(member);
        }
    }

    /// <summary>Type parameters of a generic base (BaseEntity&lt;TKey&gt;) mapped to the written arguments (BaseEntity&lt;Guid&gt;).</summary>
    private static Dictionary<string, TypeSyntax> Substitutions(EntityShape baseShape, TypeSyntax written)
    {
        var map = new Dictionary<string, TypeSyntax>(StringComparer.Ordinal);
        var generic = written switch
        {
            GenericNameSyntax g => g,
            QualifiedNameSyntax { Right: GenericNameSyntax g } => g,
            _ => null,
        };
        var parameters = (baseShape.Primary.Declaration as TypeDeclarationSyntax)?.TypeParameterList?.Parameters;
        if (generic is null || parameters is null || parameters.Value.Count != generic.TypeArgumentList.Arguments.Count)
        {
            return map;
        }

        for (var i = 0; i < parameters.Value.Count; i++)
        {
            map[parameters.Value[i].Identifier.ValueText] = generic.TypeArgumentList.Arguments[i];
        }

        return map;
    }

    private static MemberShape Substitute(MemberShape member, Dictionary<string, TypeSyntax> map)
    {
        var type = Conventions.Unwrap(member.Type, out var nullable);
        if (type is IdentifierNameSyntax id && map.TryGetValue(id.Identifier.ValueText, out var replacement))
        {
            var text = replacement.ToString() + (nullable ? "?" : "");
            return member with { Type = SyntaxFactory.ParseTypeName(text) };
        }

        return member;
    }
}
