using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Data;

/// <summary>
/// Decides what EF makes of a member: a column, a navigation, an owned type or nothing. Without a
/// semantic model a corpus class counts as an entity when a context names it (set or fluent
/// configuration) or when it has a key by convention; other unknown types are value-converted scalars.
/// </summary>
internal sealed class EntityClassifier(EntityShapeReader shapes, FluentConfiguration fluent, IReadOnlySet<string> namedEntities)
{
    private readonly Dictionary<(string Type, string? Project), bool> entityCache = [];

    public EntityShapeReader Shapes { get; } = shapes;

    public bool IsOwned(string type, string? project) =>
        fluent.OwnedTypes.Contains(type)
        || (Shapes.Get(type, project) is { } shape && (DataAnnotations.Has(shape.Attributes, "Owned") || DataAnnotations.Has(shape.Attributes, "ComplexType")));

    public bool IsExcluded(string type, string? project) =>
        fluent.IgnoredTypes.Contains(type) || (Shapes.Get(type, project) is { } shape && DataAnnotations.Has(shape.Attributes, "NotMapped"));

    public bool IsEntity(string type, string? project)
    {
        if (entityCache.TryGetValue((type, project), out var known))
        {
            return known;
        }

        var shape = Shapes.Get(type, project);
        var result = shape is not null && !IsOwned(type, project) && !IsExcluded(type, project)
            && (namedEntities.Contains(type) || HasConventionalKey(shape));
        entityCache[(type, project)] = result;
        return result;
    }

    public static bool HasConventionalKey(EntityShape shape) =>
        shape.Members.Any(m => string.Equals(m.Name, "Id", StringComparison.OrdinalIgnoreCase)
            || string.Equals(m.Name, shape.Name + "Id", StringComparison.OrdinalIgnoreCase)
            || DataAnnotations.Has(m.Attributes, "Key"))
        || DataAnnotations.Has(shape.Attributes, "PrimaryKey")
        || DataAnnotations.Has(shape.Attributes, "Keyless")
        || IsIdentityBase(shape.ExternalBase);

    /// <summary>ASP.NET Core Identity's entity bases carry an Id key we cannot see.</summary>
    public static bool IsIdentityBase(string? externalBase) =>
        externalBase is not null && externalBase.StartsWith("Identity", StringComparison.Ordinal);

    /// <summary>Classifies a member given the owner's fluent configuration (which may ignore it or make it owned).</summary>
    public ClassifiedMember Classify(MemberShape member, IReadOnlyList<EntityConfig> configs, string prefix, string? project)
    {
        var name = prefix + member.Name;
        var type = Conventions.Unwrap(member.Type, out var nullable);
        if (DataAnnotations.Has(member.Attributes, "NotMapped") || configs.Any(c => c.Ignored.Contains(name)))
        {
            return new ClassifiedMember(MemberKind.Skipped, null, type, nullable);
        }

        var configuredOwned = configs.Select(c => c.Owned.GetValueOrDefault(name)).LastOrDefault(o => o is not null);
        var configured = configs.Any(c => c.Properties.ContainsKey(name));
        if (Conventions.CollectionElement(member.Type) is { } element && !Conventions.IsKnownScalar(type))
        {
            var elementName = Conventions.TypeName(element);
            if (configuredOwned is not null || IsOwned(elementName, project))
            {
                return new ClassifiedMember(MemberKind.OwnedMany, configuredOwned?.Type ?? elementName, type, nullable);
            }

            if (IsEntity(elementName, project))
            {
                if (!member.Stored)
                {
                    return new ClassifiedMember(MemberKind.Skipped, null, type, nullable);
                }

                return new ClassifiedMember(MemberKind.Collection, elementName, type, nullable);
            }

            return new ClassifiedMember(member.Settable || configured ? MemberKind.Scalar : MemberKind.Skipped, null, type, nullable);
        }

        var typeName = Conventions.TypeName(type);
        if (configuredOwned is not null || (!Conventions.IsKnownScalar(type) && IsOwned(typeName, project)))
        {
            return new ClassifiedMember(MemberKind.OwnedOne, configuredOwned?.Type ?? typeName, type, nullable);
        }

        if (!Conventions.IsKnownScalar(type) && !Shapes.IsValueType(typeName) && IsEntity(typeName, project))
        {
            if (!member.Stored)
            {
                return new ClassifiedMember(MemberKind.Skipped, null, type, nullable);
            }

            return new ClassifiedMember(MemberKind.Reference, typeName, type, nullable);
        }

        return new ClassifiedMember(member.Settable || configured ? MemberKind.Scalar : MemberKind.Skipped, null, type, nullable);
    }

    /// <summary>Whether a member's declared type can hold null (nullable reference context assumed unless the file disables it).</summary>
    public bool IsNullable(MemberShape member, TypeSyntax unwrapped, bool written)
    {
        if (written)
        {
            return true;
        }

        var valueType = Conventions.IsKnownValueType(unwrapped) || Shapes.IsValueType(Conventions.TypeName(unwrapped));
        return !valueType && member.NullableDisabled;
    }
}
