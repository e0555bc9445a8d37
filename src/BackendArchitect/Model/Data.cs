using System.Collections.Immutable;

namespace BackendArchitect.Model;

/// <summary>An EF Core DbContext with its sets and provider.</summary>
public sealed record DataContext(
    string Name,
    string? Service,
    string? Provider,
    ImmutableArray<DbSetInfo> Sets,
    string File,
    int Line);

/// <summary>A DbSet property: the property name and the entity type.</summary>
public sealed record DbSetInfo(string Name, string Entity);

/// <summary>An entity type with its mapped shape.</summary>
public sealed record Entity(
    string Name,
    string? Context,
    string? Table,
    ImmutableArray<EntityProperty> Properties,
    ImmutableArray<string> Key,
    ImmutableArray<Relationship> Relationships,
    ImmutableArray<EntityIndex> Indexes,
    string File,
    int Line);

/// <summary>A scalar property of an entity.</summary>
public sealed record EntityProperty(string Name, string Type, bool Nullable, int? MaxLength, string? Column);

/// <summary>A relationship from this entity to another. Kind: one-to-many, many-to-one, one-to-one, many-to-many.</summary>
public sealed record Relationship(string Navigation, string Target, string Kind, ImmutableArray<string> ForeignKey, bool? Required, string? DeleteBehavior);

/// <summary>An index over entity properties.</summary>
public sealed record EntityIndex(ImmutableArray<string> Properties, bool Unique, string? Name);
