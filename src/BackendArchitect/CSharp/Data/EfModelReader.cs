using System.Collections.Immutable;
using BackendArchitect.Model;

namespace BackendArchitect.CSharp.Data;

/// <summary>EF Core DbContexts and the entity model from conventions, annotations and fluent configuration.</summary>
public static class EfModelReader
{
    public static (ImmutableArray<DataContext> Contexts, ImmutableArray<Entity> Entities) Read(CSharpCorpus corpus, ICollection<Diagnostic> diagnostics)
    {
        var all = DbContextReader.Read(corpus);
        if (all.Count == 0)
        {
            return ([], []);
        }

        ProviderDetector.Detect(corpus, all);
        var fluent = FluentConfiguration.Read(corpus, all.Select(c => c.Name).ToHashSet(StringComparer.Ordinal));
        var contexts = all.Where(c => !c.IsAbstract).ToList();
        var seeds = contexts.ToDictionary(c => c, c => Seeds(c, fluent));
        AddUnappliedConfigurations(corpus, contexts, fluent, seeds);

        var named = seeds.Values.SelectMany(s => s.Keys).ToHashSet(StringComparer.Ordinal);
        var classifier = new EntityClassifier(new EntityShapeReader(corpus), fluent, named);
        var builder = new EntityModelBuilder(corpus, classifier);
        var resultContexts = new List<DataContext>();
        var entities = new List<Entity>();
        foreach (var context in contexts)
        {
            if (context.Providers.Count == 0)
            {
                diagnostics.Add(new Diagnostic(context.Primary.Document.Path, context.Primary.Document.LineOf(context.Primary.Declaration.Identifier), $"database provider of {context.Name} not found in its AddDbContext registration or OnConfiguring", DiagnosticSeverity.Info));
            }

            resultContexts.Add(new DataContext(
                context.Name,
                context.Service,
                context.Providers.Count == 0 ? null : string.Join(", ", context.Providers.Order(StringComparer.Ordinal)),
                [.. context.Sets.Select(s => new DbSetInfo(s.Name, s.Entity)).OrderBy(s => s.Name, StringComparer.Ordinal)],
                context.Primary.Document.Path,
                context.Primary.Document.LineOf(context.Primary.Declaration.Identifier)));
            entities.AddRange(ReadEntities(corpus, context, seeds[context], fluent, classifier, builder, diagnostics));
        }

        return ([.. resultContexts], [.. entities]);
    }

    /// <summary>Entities a context names: its sets, Entity&lt;T&gt; in its own methods or helpers it calls, and configurations it applies.</summary>
    private static Dictionary<string, string?> Seeds(ContextDraft context, FluentConfiguration fluent)
    {
        var seeds = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, entity) in context.Sets)
        {
            seeds.TryAdd(entity, name);
        }

        var hierarchy = context.Hierarchy.Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var config in fluent.Configs)
        {
            var origin = config.Origin;
            var applies = (origin.Context is not null && hierarchy.Contains(origin.Context))
                || (origin.Helper is not null && context.Calls.Contains(origin.Helper))
                || (origin.ConfigurationClass is not null && (context.AppliedConfigurations.Contains(origin.ConfigurationClass)
                    || (context.AppliesAssemblyConfigurations && SameProject(context, origin.Document))));
            if (applies)
            {
                seeds.TryAdd(config.Entity, null);
            }
        }

        return seeds;
    }

    /// <summary>
    /// A configuration class or helper no context visibly applies still configures a real entity
    /// (applied through an extension we cannot follow): it goes to the contexts of its project, else of its service.
    /// </summary>
    private static void AddUnappliedConfigurations(CSharpCorpus corpus, List<ContextDraft> contexts, FluentConfiguration fluent, Dictionary<ContextDraft, Dictionary<string, string?>> seeds)
    {
        var seeded = seeds.Values.SelectMany(s => s.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var config in fluent.Configs.Where(c => c.Origin.Context is null && !seeded.Contains(c.Entity)))
        {
            var targets = contexts.Where(c => SameProject(c, config.Origin.Document)).ToList();
            if (targets.Count == 0)
            {
                var service = corpus.Services.ServiceOf(config.Origin.Document);
                targets = [.. contexts.Where(c => c.Service == service)];
            }

            foreach (var context in targets)
            {
                seeds[context].TryAdd(config.Entity, null);
            }
        }
    }

    private static bool SameProject(ContextDraft context, CSharpDocument document) =>
        context.Primary.Document.Project?.Path == document.Project?.Path;

    private static IEnumerable<Entity> ReadEntities(
        CSharpCorpus corpus,
        ContextDraft context,
        Dictionary<string, string?> seeds,
        FluentConfiguration fluent,
        EntityClassifier classifier,
        EntityModelBuilder builder,
        ICollection<Diagnostic> diagnostics)
    {
        var hierarchy = context.Hierarchy.Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
        var project = context.Primary.Document.Project?.Path;
        var drafts = new Dictionary<string, EntityDraft>(StringComparer.Ordinal);
        var queue = new Queue<string>(seeds.Keys.Order(StringComparer.Ordinal));
        var enqueued = new HashSet<string>(queue, StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            var name = queue.Dequeue();
            if (classifier.IsOwned(name, project) || classifier.IsExcluded(name, project))
            {
                continue;
            }

            var shape = classifier.Shapes.Get(name, project);
            if (shape is null)
            {
                if (seeds.ContainsKey(name))
                {
                    diagnostics.Add(new Diagnostic(context.Primary.Document.Path, context.Primary.Document.LineOf(context.Primary.Declaration.Identifier), $"entity {name} of {context.Name} is not declared in the scanned code; its shape is unknown", DiagnosticSeverity.Info));
                }

                continue;
            }

            // A configuration applies when its type argument, looked up from where it is written, is this very class.
            var configs = fluent.Configs
                .Where(c => c.Entity == name && (c.Origin.Context is null || hierarchy.Contains(c.Origin.Context))
                    && classifier.Shapes.Get(name, c.Origin.Document.Project?.Path)?.Primary == shape.Primary)
                .ToList();
            var draft = builder.Build(name, shape, configs, seeds.GetValueOrDefault(name));
            drafts[name] = draft;
            foreach (var navigation in draft.Navigations)
            {
                if (enqueued.Add(navigation.Target))
                {
                    queue.Enqueue(navigation.Target);
                }
            }
        }

        // Deepest first, so each derived entity is compared with its base before the base loses its own inherited members.
        foreach (var draft in drafts.Values.OrderByDescending(d => Depth(d, drafts)).ThenBy(d => d.Name, StringComparer.Ordinal))
        {
            draft.Table ??= InheritedTable(draft, drafts, 0) ?? draft.Name;
            if (draft.Shape.BaseClass is { } baseName && drafts.TryGetValue(baseName, out var baseDraft))
            {
                KeepOwnMembers(draft, baseDraft);
            }
            else if (draft.Key.Count == 0 && !draft.Keyless)
            {
                diagnostics.Add(new Diagnostic(draft.Shape.Primary.Document.Path, draft.Shape.Primary.Document.LineOf(draft.Shape.Primary.Declaration.Identifier), $"no key found for entity {draft.Name} of {context.Name} (not by convention, annotation or configuration we could read)", DiagnosticSeverity.Info));
            }
        }

        var ordered = drafts.Values.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        RelationshipResolver.Resolve(corpus, ordered, diagnostics);
        return ordered.Select(d => new Entity(
            d.Name,
            context.Name,
            d.Table,
            [.. d.Properties],
            [.. d.Key],
            [.. d.Relationships.OrderBy(r => r.Navigation, StringComparer.Ordinal)],
            [.. d.Indexes.Distinct(IndexComparer.Instance).OrderBy(i => string.Join(',', i.Properties), StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal)],
            d.Shape.Primary.Document.Path,
            d.Shape.Primary.Document.LineOf(d.Shape.Primary.Declaration.Identifier)));
    }

    /// <summary>A derived entity shares its base entity's key; the inherited columns and navigations belong to the base.</summary>
    private static void KeepOwnMembers(EntityDraft derived, EntityDraft baseDraft)
    {
        derived.Properties.RemoveAll(p => baseDraft.FindProperty(p.Name) is not null);
        derived.Navigations.RemoveAll(n => baseDraft.Navigations.Any(b => b.Name == n.Name));
        derived.Relationships.RemoveAll(r => baseDraft.Relationships.Any(b => b.Navigation == r.Navigation));
        derived.Key = baseDraft.Key;
    }

    private static int Depth(EntityDraft draft, Dictionary<string, EntityDraft> drafts)
    {
        var depth = 0;
        for (var current = draft; depth < 16 && current.Shape.BaseClass is { } baseName && drafts.TryGetValue(baseName, out var next); current = next)
        {
            depth++;
        }

        return depth;
    }

    /// <summary>Table-per-hierarchy is EF's default: a derived entity without its own table shares its base entity's.</summary>
    private static string? InheritedTable(EntityDraft draft, Dictionary<string, EntityDraft> drafts, int depth) =>
        depth < 16 && draft.Shape.BaseClass is { } baseName && drafts.TryGetValue(baseName, out var baseDraft)
            ? baseDraft.Table ?? InheritedTable(baseDraft, drafts, depth + 1) ?? baseDraft.Name
            : null;

    /// <summary>Indexes are equal when they cover the same properties with the same uniqueness and name.</summary>
    private sealed class IndexComparer : IEqualityComparer<EntityIndex>
    {
        public static IndexComparer Instance { get; } = new();

        public bool Equals(EntityIndex? x, EntityIndex? y) =>
            x is not null && y is not null && x.Unique == y.Unique && x.Name == y.Name && x.Properties.SequenceEqual(y.Properties);

        public int GetHashCode(EntityIndex obj) => HashCode.Combine(string.Join(',', obj.Properties), obj.Unique, obj.Name);
    }
}
