using BackendArchitect.Model;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Data;

/// <summary>An entity of one context while its relationships are being resolved.</summary>
internal sealed class EntityDraft(string name, EntityShape shape, IReadOnlyList<EntityConfig> configs)
{
    public string Name { get; } = name;

    public EntityShape Shape { get; } = shape;

    public IReadOnlyList<EntityConfig> Configs { get; } = configs;

    public string? Table { get; set; }

    public List<EntityProperty> Properties { get; } = [];

    public IReadOnlyList<string> Key { get; set; } = [];

    /// <summary>Declared keyless ([Keyless], HasNoKey), as opposed to a key we could not find.</summary>
    public bool Keyless { get; set; }

    public List<Navigation> Navigations { get; } = [];

    public List<Relationship> Relationships { get; } = [];

    public List<EntityIndex> Indexes { get; } = [];

    public EntityProperty? FindProperty(string name) =>
        Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A navigation property: a reference or a collection of another entity.</summary>
internal sealed record Navigation(string Name, string Target, bool Collection, bool Nullable, MemberShape Member);

/// <summary>How EF sees a member of an entity class.</summary>
internal enum MemberKind
{
    Skipped,
    Scalar,
    Reference,
    Collection,
    OwnedOne,
    OwnedMany,
}

/// <summary>A member classified, with the target type for navigations and owned types.</summary>
internal readonly record struct ClassifiedMember(MemberKind Kind, string? Target, TypeSyntax Type, bool Nullable);
