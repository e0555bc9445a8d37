using BackendArchitect.Model;

namespace BackendArchitect.CSharp.Data;

/// <summary>What fluent configuration from one place (a context, a configuration class, a helper) says about one entity.</summary>
internal sealed class EntityConfig(string entity, FluentOrigin origin)
{
    public string Entity { get; } = entity;

    public FluentOrigin Origin { get; } = origin;

    public string? Table { get; set; }

    public bool Keyless { get; set; }

    public IReadOnlyList<string>? Key { get; set; }

    public HashSet<string> Ignored { get; } = new(StringComparer.Ordinal);

    /// <summary>By property name; owned properties carry their navigation as a prefix ("ShippingAddress.City").</summary>
    public Dictionary<string, PropertyConfig> Properties { get; } = new(StringComparer.Ordinal);

    public List<EntityIndex> Indexes { get; } = [];

    /// <summary>Owned navigations by (prefixed) name, with the owned type when written as a type argument.</summary>
    public Dictionary<string, OwnedConfig> Owned { get; } = new(StringComparer.Ordinal);

    public List<RelationshipConfig> Relationships { get; } = [];

    public PropertyConfig Property(string name)
    {
        if (!Properties.TryGetValue(name, out var p))
        {
            Properties[name] = p = new PropertyConfig();
        }

        return p;
    }
}

/// <summary>Where a fluent configuration was written, which decides the contexts it applies to.</summary>
/// <param name="Context">The DbContext class whose methods hold it, if any.</param>
/// <param name="ConfigurationClass">The IEntityTypeConfiguration class that holds it, if any.</param>
/// <param name="Helper">The name of the helper method (usually a ModelBuilder extension) that holds it, if any.</param>
internal sealed record FluentOrigin(string? Context, string? ConfigurationClass, string? Helper, CSharpDocument Document);

/// <summary>Fluent facts about one property.</summary>
internal sealed class PropertyConfig
{
    public int? MaxLength { get; set; }

    public string? Column { get; set; }

    public bool? Required { get; set; }

    /// <summary>The type of a shadow property declared with Property&lt;T&gt;("Name").</summary>
    public string? ShadowType { get; set; }
}

/// <summary>An OwnsOne / OwnsMany navigation.</summary>
internal sealed record OwnedConfig(string? Type, bool Many);

/// <summary>A HasOne/HasMany ... WithOne/WithMany chain, as written from the configured entity's side.</summary>
internal sealed class RelationshipConfig
{
    public string? Navigation { get; set; }

    public string? Target { get; set; }

    public bool Many { get; set; }

    public string? Inverse { get; set; }

    /// <summary>True for WithMany, false for WithOne, null when no With call was written.</summary>
    public bool? InverseMany { get; set; }

    public List<string> ForeignKey { get; } = [];

    /// <summary>The dependent named by HasForeignKey&lt;T&gt; in a one-to-one.</summary>
    public string? ForeignKeyOn { get; set; }

    public bool? Required { get; set; }

    public string? DeleteBehavior { get; set; }
}
