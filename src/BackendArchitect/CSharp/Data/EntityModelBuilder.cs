using BackendArchitect.Model;

namespace BackendArchitect.CSharp.Data;

/// <summary>Builds one entity's columns, key, table and indexes from conventions, annotations and fluent facts.</summary>
internal sealed class EntityModelBuilder(CSharpCorpus corpus, EntityClassifier classifier)
{
    private const int MaxOwnedDepth = 4;

    public EntityDraft Build(string name, EntityShape shape, IReadOnlyList<EntityConfig> configs, string? setName)
    {
        var draft = new EntityDraft(name, shape, configs);
        var project = shape.Primary.Document.Project?.Path;
        AddMembers(draft, shape, configs, "", project, 0);

        AddConfiguredOnly(draft, shape, configs);

        draft.Key = Key(draft, shape, configs);
        for (var i = 0; i < draft.Properties.Count; i++)
        {
            if (draft.Properties[i].Nullable && draft.Key.Contains(draft.Properties[i].Name, StringComparer.Ordinal))
            {
                draft.Properties[i] = draft.Properties[i] with { Nullable = false };
            }
        }

        draft.Table = configs.Select(c => c.Table).LastOrDefault(t => t is not null)
            ?? DataAnnotations.FirstString(corpus, shape.Attributes, "Table")
            ?? setName;
        draft.Indexes.AddRange(DataAnnotations.Indexes(corpus, shape.Attributes));
        draft.Indexes.AddRange(configs.SelectMany(c => c.Indexes));
        return draft;
    }

    private void AddMembers(EntityDraft draft, EntityShape shape, IReadOnlyList<EntityConfig> configs, string prefix, string? project, int depth)
    {
        foreach (var member in shape.Members)
        {
            var classified = classifier.Classify(member, configs, prefix, project);
            var name = prefix + member.Name;
            switch (classified.Kind)
            {
                case MemberKind.Scalar:
                    draft.Properties.Add(Property(member, name, classified, configs));
                    break;
                case MemberKind.Reference when prefix.Length == 0:
                    draft.Navigations.Add(new Navigation(name, classified.Target!, false, classified.Nullable || member.NullableDisabled, member));
                    break;
                case MemberKind.Collection when prefix.Length == 0:
                    draft.Navigations.Add(new Navigation(name, classified.Target!, true, false, member));
                    break;
                case MemberKind.OwnedOne when depth < MaxOwnedDepth:
                    if (classifier.Shapes.Get(classified.Target!, project) is { } owned)
                    {
                        AddMembers(draft, owned, configs, name + ".", project, depth + 1);
                    }

                    break;
                case MemberKind.OwnedMany when prefix.Length == 0:
                    draft.Relationships.Add(new Relationship(name, classified.Target!, "one-to-many", [], true, "Cascade"));
                    break;
            }
        }
    }

    /// <summary>Shadow properties (Property&lt;T&gt;("Name")) and mapped fields (Property("_field")) that no public property declares.</summary>
    private static void AddConfiguredOnly(EntityDraft draft, EntityShape shape, IReadOnlyList<EntityConfig> configs)
    {
        var nullableDisabled = shape.Primary.Document.File.Text.Contains("#nullable disable", StringComparison.Ordinal);
        foreach (var (name, config) in configs.SelectMany(c => c.Properties))
        {
            if (name.Contains('.') || draft.FindProperty(name) is not null || shape.Members.Any(m => m.Name == name))
            {
                continue;
            }

            string type;
            bool nullable;
            if (config.ShadowType is not null)
            {
                type = config.ShadowType.TrimEnd('?');
                nullable = config.ShadowType.EndsWith('?');
            }
            else if (shape.FieldType(name) is { } fieldType)
            {
                var unwrapped = Conventions.Unwrap(fieldType, out nullable);
                type = unwrapped.ToString();
                nullable |= nullableDisabled && !Conventions.IsKnownValueType(unwrapped);
            }
            else
            {
                continue;
            }

            draft.Properties.Add(new EntityProperty(name, type, config.Required is { } required ? !required : nullable, config.MaxLength, config.Column));
        }
    }

    private EntityProperty Property(MemberShape member, string name, ClassifiedMember classified, IReadOnlyList<EntityConfig> configs)
    {
        var config = configs.Select(c => c.Properties.GetValueOrDefault(name)).OfType<PropertyConfig>().ToList();
        var nullable = classifier.IsNullable(member, classified.Type, classified.Nullable);
        if (DataAnnotations.Has(member.Attributes, "Required"))
        {
            nullable = false;
        }

        if (config.Select(c => c.Required).LastOrDefault(r => r is not null) is { } required)
        {
            nullable = !required;
        }

        return new EntityProperty(
            name,
            classified.Type.ToString(),
            nullable,
            config.Select(c => c.MaxLength).LastOrDefault(m => m is not null) ?? DataAnnotations.MaxLength(corpus, member.Attributes),
            config.Select(c => c.Column).LastOrDefault(c => c is not null) ?? DataAnnotations.FirstString(corpus, member.Attributes, "Column"));
    }

    /// <summary>Fluent HasKey/HasNoKey, then [Keyless], [PrimaryKey], [Key], then "Id" or "&lt;Type&gt;Id".</summary>
    private IReadOnlyList<string> Key(EntityDraft draft, EntityShape shape, IReadOnlyList<EntityConfig> configs)
    {
        foreach (var config in configs.Reverse())
        {
            if (config.Keyless)
            {
                draft.Keyless = true;
                return [];
            }

            if (config.Key is { Count: > 0 } key)
            {
                return key;
            }
        }

        if (DataAnnotations.Has(shape.Attributes, "Keyless"))
        {
            draft.Keyless = true;
            return [];
        }

        if (DataAnnotations.PrimaryKey(corpus, shape.Attributes) is { Count: > 0 } primaryKey)
        {
            return primaryKey;
        }

        var annotated = shape.Members.Where(m => DataAnnotations.Has(m.Attributes, "Key")).Select(m => m.Name).ToList();
        if (annotated.Count > 0)
        {
            return annotated;
        }

        if (draft.FindProperty("Id") is { } id)
        {
            return [id.Name];
        }

        if (draft.FindProperty(shape.Name + "Id") is { } typeId)
        {
            return [typeId.Name];
        }

        return EntityClassifier.IsIdentityBase(shape.ExternalBase) ? ["Id"] : [];
    }
}
