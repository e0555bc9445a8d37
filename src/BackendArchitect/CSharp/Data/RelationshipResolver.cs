using BackendArchitect.Model;

namespace BackendArchitect.CSharp.Data;

/// <summary>
/// Pairs navigations into relationships the way EF does: fluent HasOne/HasMany chains first, then
/// [InverseProperty], then the single inverse navigation between two types. Each relationship is
/// reported on the dependent (the side holding the foreign key, kind many-to-one or one-to-one) and
/// on the principal (kind one-to-many or one-to-one), on each side that has a navigation, both with
/// the same foreign key, requiredness and delete behaviour, so either entity answers "what points
/// where". With no navigation on either side the dependent reports it under an empty name.
/// A foreign key EF would add as a shadow property is reported under the name EF gives it.
/// Unconfigured delete behaviour is EF's default: Cascade when required, ClientSetNull when optional.
/// </summary>
internal sealed class RelationshipResolver
{
    private readonly Dictionary<string, EntityDraft> drafts;
    private readonly HashSet<(string Entity, string Navigation)> claimed = [];
    private readonly List<Link> links = [];
    private readonly ICollection<Diagnostic> diagnostics;
    private readonly CSharpCorpus corpus;

    private RelationshipResolver(CSharpCorpus corpus, IEnumerable<EntityDraft> drafts, ICollection<Diagnostic> diagnostics)
    {
        this.corpus = corpus;
        this.drafts = drafts.ToDictionary(d => d.Name, StringComparer.Ordinal);
        this.diagnostics = diagnostics;
    }

    private enum LinkKind
    {
        OneToMany,
        OneToOne,
        ManyToMany,
    }

    public static void Resolve(CSharpCorpus corpus, IReadOnlyList<EntityDraft> drafts, ICollection<Diagnostic> diagnostics)
    {
        var resolver = new RelationshipResolver(corpus, drafts, diagnostics);
        foreach (var draft in drafts.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            foreach (var config in draft.Configs.SelectMany(c => c.Relationships))
            {
                resolver.AddFluent(draft, config);
            }
        }

        foreach (var draft in drafts.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            foreach (var navigation in draft.Navigations)
            {
                resolver.AddConventional(draft, navigation);
            }
        }

        resolver.Emit();
    }

    private void AddFluent(EntityDraft entity, RelationshipConfig config)
    {
        var navigation = config.Navigation is null ? null : entity.Navigations.FirstOrDefault(n => n.Name == config.Navigation);
        var targetName = config.Target ?? navigation?.Target;
        if (targetName is null || !drafts.TryGetValue(targetName, out var target))
        {
            return;
        }

        var existing = links.FirstOrDefault(l =>
            (config.Navigation is not null && l.Has(entity.Name, config.Navigation))
            || (config.Inverse is not null && l.Has(target.Name, config.Inverse)));
        if (existing is not null)
        {
            existing.Merge(config);
            return;
        }

        Link link;
        if (!config.Many && config.InverseMany == false)
        {
            var targetIsDependent = config.ForeignKeyOn == target.Name && target.Name != entity.Name;
            link = targetIsDependent
                ? new Link(LinkKind.OneToOne, entity, target, config.Navigation, config.Inverse)
                : new Link(LinkKind.OneToOne, target, entity, config.Inverse, config.Navigation);
        }
        else if (!config.Many)
        {
            link = new Link(LinkKind.OneToMany, target, entity, config.Inverse, config.Navigation);
        }
        else if (config.InverseMany == true)
        {
            link = new Link(LinkKind.ManyToMany, entity, target, config.Navigation, config.Inverse);
        }
        else
        {
            link = new Link(LinkKind.OneToMany, entity, target, config.Navigation, config.Inverse);
        }

        link.Merge(config);
        Claim(link);
    }

    private void AddConventional(EntityDraft entity, Navigation navigation)
    {
        if (claimed.Contains((entity.Name, navigation.Name)) || !drafts.TryGetValue(navigation.Target, out var target))
        {
            return;
        }

        var inverse = Inverse(entity, navigation, target);
        Link link;
        if (!navigation.Collection && inverse is { Collection: false })
        {
            var entityHasKey = ConventionalForeignKey(entity, navigation.Name, target, foundOnly: true).Count > 0 || ForeignKeyAttribute(entity, navigation) is not null;
            var targetHasKey = ConventionalForeignKey(target, inverse.Name, entity, foundOnly: true).Count > 0 || ForeignKeyAttribute(target, inverse) is not null;
            if (!entityHasKey && !targetHasKey)
            {
                diagnostics.Add(new Diagnostic(navigation.Member.Document.Path, navigation.Member.Line, $"one-to-one between {entity.Name} and {target.Name}: no foreign key shows the dependent, assumed {entity.Name}", DiagnosticSeverity.Info));
            }

            link = !entityHasKey && targetHasKey
                ? new Link(LinkKind.OneToOne, entity, target, navigation.Name, inverse.Name)
                : new Link(LinkKind.OneToOne, target, entity, inverse.Name, navigation.Name);
        }
        else if (!navigation.Collection)
        {
            link = new Link(LinkKind.OneToMany, target, entity, inverse?.Name, navigation.Name);
        }
        else if (inverse is { Collection: true })
        {
            link = new Link(LinkKind.ManyToMany, entity, target, navigation.Name, inverse.Name);
        }
        else
        {
            link = new Link(LinkKind.OneToMany, entity, target, navigation.Name, inverse?.Name);
        }

        Claim(link);
    }

    /// <summary>[InverseProperty] on either side, else the only unclaimed navigation back (never for self-references).</summary>
    private Navigation? Inverse(EntityDraft entity, Navigation navigation, EntityDraft target)
    {
        var named = DataAnnotations.FirstString(corpus, navigation.Member.Attributes, "InverseProperty");
        if (named is not null)
        {
            return target.Navigations.FirstOrDefault(n => n.Name == named);
        }

        var pointing = target.Navigations
            .Where(n => n.Target == entity.Name && !claimed.Contains((target.Name, n.Name)) && !(target == entity && n.Name == navigation.Name))
            .ToList();
        var explicitBack = pointing.Where(n => DataAnnotations.FirstString(corpus, n.Member.Attributes, "InverseProperty") == navigation.Name).ToList();
        if (explicitBack.Count == 1)
        {
            return explicitBack[0];
        }

        pointing.RemoveAll(n => DataAnnotations.Has(n.Member.Attributes, "InverseProperty"));
        return pointing.Count == 1 && target != entity ? pointing[0] : null;
    }

    private void Claim(Link link)
    {
        if (link.PrincipalNavigation is { } p)
        {
            claimed.Add((link.Principal.Name, p));
        }

        if (link.DependentNavigation is { } d)
        {
            claimed.Add((link.Dependent.Name, d));
        }

        links.Add(link);
    }

    private void Emit()
    {
        foreach (var link in links)
        {
            if (link.Kind == LinkKind.ManyToMany)
            {
                Add(link.Principal, link.PrincipalNavigation, link.Dependent, "many-to-many", [], null, null);
                Add(link.Dependent, link.DependentNavigation, link.Principal, "many-to-many", [], null, null);
                continue;
            }

            var dependentNavigation = link.DependentNavigation is null ? null : link.Dependent.Navigations.FirstOrDefault(n => n.Name == link.DependentNavigation);
            var principalNavigation = link.PrincipalNavigation is null ? null : link.Principal.Navigations.FirstOrDefault(n => n.Name == link.PrincipalNavigation);
            var foreignKey = link.ForeignKey.Count > 0
                ? link.ForeignKey
                : (dependentNavigation is null ? null : ForeignKeyAttribute(link.Dependent, dependentNavigation))
                    ?? (principalNavigation is null ? null : ForeignKeyAttribute(link.Principal, principalNavigation))
                    ?? ConventionalForeignKey(link.Dependent, link.DependentNavigation, link.Principal, foundOnly: false);
            var required = link.Required ?? ConventionalRequired(link.Dependent, foreignKey, dependentNavigation);
            var delete = link.DeleteBehavior ?? (required ? "Cascade" : "ClientSetNull");
            var one = link.Kind == LinkKind.OneToOne;

            // HasOne<Buyer>().WithMany().HasForeignKey(o => o.BuyerId): no navigation on either side, yet a
            // real foreign key; the dependent reports it with an empty navigation name.
            var dependentName = link.DependentNavigation ?? (link.PrincipalNavigation is null ? "" : null);
            Add(link.Dependent, dependentName, link.Principal, one ? "one-to-one" : "many-to-one", foreignKey, required, delete);
            Add(link.Principal, link.PrincipalNavigation, link.Dependent, one ? "one-to-one" : "one-to-many", foreignKey, required, delete);
        }
    }

    private static void Add(EntityDraft owner, string? navigation, EntityDraft target, string kind, IReadOnlyList<string> foreignKey, bool? required, string? delete)
    {
        if (navigation is not null)
        {
            owner.Relationships.Add(new Relationship(navigation, target.Name, kind, [.. foreignKey], required, delete));
        }
    }

    /// <summary>Required when every foreign key property is non-nullable; with a shadow key, when the navigation is non-nullable or [Required].</summary>
    private static bool ConventionalRequired(EntityDraft dependent, IReadOnlyList<string> foreignKey, Navigation? navigation)
    {
        var properties = foreignKey.Select(dependent.FindProperty).ToList();
        if (properties.Count > 0 && properties.All(p => p is not null))
        {
            return properties.All(p => !p!.Nullable);
        }

        return navigation is not null && (!navigation.Nullable || DataAnnotations.Has(navigation.Member.Attributes, "Required"));
    }

    /// <summary>[ForeignKey("A,B")] on the navigation, or [ForeignKey("Nav")] on a scalar property of the dependent.</summary>
    private IReadOnlyList<string>? ForeignKeyAttribute(EntityDraft owner, Navigation navigation)
    {
        if (DataAnnotations.FirstString(corpus, navigation.Member.Attributes, "ForeignKey") is { } names)
        {
            return names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }

        var annotated = owner.Shape.Members
            .Where(m => DataAnnotations.FirstString(corpus, m.Attributes, "ForeignKey") == navigation.Name)
            .Select(m => m.Name)
            .ToList();
        return annotated.Count > 0 ? annotated : null;
    }

    /// <summary>
    /// EF's candidates for each principal key part: &lt;navigation&gt;&lt;key&gt;, &lt;navigation&gt;Id,
    /// &lt;principal&gt;&lt;key&gt;, &lt;principal&gt;Id; when none exists, the shadow name &lt;navigation or principal&gt;&lt;key&gt;.
    /// </summary>
    private static IReadOnlyList<string> ConventionalForeignKey(EntityDraft dependent, string? navigation, EntityDraft principal, bool foundOnly)
    {
        var key = principal.Key.Count > 0 ? principal.Key : ["Id"];
        var result = new List<string>();
        foreach (var part in key)
        {
            // The "...Id" forms only make sense for a single-part key.
            var candidates = new List<string>();
            if (navigation is not null)
            {
                candidates.Add(navigation + part);
                candidates.Add(navigation + "Id");
            }

            candidates.Add(principal.Name + part);
            candidates.Add(principal.Name + "Id");
            var found = candidates
                .Where(c => key.Count == 1 || !c.EndsWith("Id", StringComparison.Ordinal) || c.EndsWith(part, StringComparison.Ordinal))
                .Select(dependent.FindProperty)
                .FirstOrDefault(p => p is not null);
            if (found is not null)
            {
                result.Add(found.Name);
            }
            else if (foundOnly)
            {
                return [];
            }
            else
            {
                result.Add((navigation ?? principal.Name) + part);
            }
        }

        return result;
    }

    /// <summary>One relationship between a principal and a dependent, with what fluent configuration said.</summary>
    private sealed class Link(LinkKind kind, EntityDraft principal, EntityDraft dependent, string? principalNavigation, string? dependentNavigation)
    {
        public LinkKind Kind { get; } = kind;

        public EntityDraft Principal { get; } = principal;

        public EntityDraft Dependent { get; } = dependent;

        public string? PrincipalNavigation { get; } = principalNavigation;

        public string? DependentNavigation { get; } = dependentNavigation;

        public List<string> ForeignKey { get; } = [];

        public bool? Required { get; private set; }

        public string? DeleteBehavior { get; private set; }

        public bool Has(string entity, string navigation) =>
            (Principal.Name == entity && PrincipalNavigation == navigation) || (Dependent.Name == entity && DependentNavigation == navigation);

        public void Merge(RelationshipConfig config)
        {
            if (config.ForeignKey.Count > 0)
            {
                ForeignKey.Clear();
                ForeignKey.AddRange(config.ForeignKey);
            }

            Required = config.Required ?? Required;
            DeleteBehavior = config.DeleteBehavior ?? DeleteBehavior;
        }
    }
}
