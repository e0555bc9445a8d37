using System.Collections.Concurrent;
using System.Collections.Immutable;
using BackendArchitect.CSharp;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Linking;

/// <summary>
/// Everything the linker looks up, built once per scan so no endpoint walks the corpus: documents by
/// path, implementations by interface, request handlers by request type, DI registrations, typed
/// clients, DbContext sets and entity keys. Type shapes are built on first use and shared.
/// </summary>
internal sealed class LinkIndex
{
    private static readonly HashSet<string> RequestHandlerInterfaces = new(StringComparer.Ordinal)
    {
        "IRequestHandler", "ICommandHandler", "IQueryHandler",
    };

    private readonly ConcurrentDictionary<string, TypeShape?> shapes = new(StringComparer.Ordinal);

    public LinkIndex(CSharpCorpus corpus, IReadOnlyList<Registration> registrations, IReadOnlyList<HttpDependency> httpClients, IReadOnlyList<DataContext> contexts, IReadOnlyList<Entity> entities)
    {
        Corpus = corpus;
        Documents = corpus.Documents.GroupBy(d => d.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var implementations = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var handlers = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (name, entries) in corpus.Types)
        {
            foreach (var entry in entries.Where(e => e.Declaration is ClassDeclarationSyntax or RecordDeclarationSyntax))
            {
                foreach (var baseType in entry.Declaration.BaseList?.Types ?? [])
                {
                    var simple = SyntaxHelpers.SimpleTypeName(baseType.Type.ToString());
                    Add(implementations, simple, name);
                    if (RequestHandlerInterfaces.Contains(simple) && baseType.Type is GenericNameSyntax or QualifiedNameSyntax { Right: GenericNameSyntax }
                        && TypeNames.FirstArgument(baseType.Type) is { } request)
                    {
                        Add(handlers, request, name);
                    }
                }
            }
        }

        Implementations = implementations.ToDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray(), StringComparer.Ordinal);
        RequestHandlers = handlers.ToDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray(), StringComparer.Ordinal);

        var registered = new Dictionary<(string Service, string Type), SortedSet<string>>();
        foreach (var r in registrations.Where(r => r.ImplementationType is not null))
        {
            var key = (r.Service, SyntaxHelpers.SimpleTypeName(r.ServiceType));
            if (!registered.TryGetValue(key, out var set))
            {
                registered[key] = set = new(StringComparer.Ordinal);
            }

            set.Add(SyntaxHelpers.SimpleTypeName(r.ImplementationType!));
        }

        Registered = registered.ToDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray());

        var clients = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var client in httpClients.Where(c => c.Kind is "typed" or "refit").OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            clients.TryAdd(SyntaxHelpers.SimpleTypeName(client.Name), client.Name);
            if (client.ClientType is not null)
            {
                clients.TryAdd(SyntaxHelpers.SimpleTypeName(client.ClientType), client.Name);
            }
        }

        TypedClients = clients;

        var sets = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var context in contexts)
        {
            var map = sets.TryGetValue(context.Name, out var existing) ? existing : sets[context.Name] = new(StringComparer.Ordinal);
            foreach (var set in context.Sets)
            {
                map.TryAdd(set.Name, set.Entity);
            }
        }

        // Interfaces such as IApplicationDbContext expose DbSets without being a DbContext.
        foreach (var (name, entries) in corpus.Types)
        {
            foreach (var entry in entries.Where(e => e.Declaration is InterfaceDeclarationSyntax))
            {
                foreach (var property in ((InterfaceDeclarationSyntax)entry.Declaration).Members.OfType<PropertyDeclarationSyntax>())
                {
                    if (TypeNames.SetEntity(property.Type) is { } entity)
                    {
                        var map = sets.TryGetValue(name, out var existing) ? existing : sets[name] = new(StringComparer.Ordinal);
                        map.TryAdd(property.Identifier.ValueText, entity);
                    }
                }
            }
        }

        ContextSets = sets;
        Keys = entities.GroupBy(e => e.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
    }

    public CSharpCorpus Corpus { get; }

    public IReadOnlyDictionary<string, CSharpDocument> Documents { get; }

    /// <summary>Class names by the simple name of a base type or interface they list.</summary>
    public IReadOnlyDictionary<string, ImmutableArray<string>> Implementations { get; }

    /// <summary>Handler class names by request type (IRequestHandler&lt;TRequest, ...&gt; and look-alikes).</summary>
    public IReadOnlyDictionary<string, ImmutableArray<string>> RequestHandlers { get; }

    /// <summary>Implementation names by service and registered service type.</summary>
    public IReadOnlyDictionary<(string Service, string Type), ImmutableArray<string>> Registered { get; }

    /// <summary>Client names by the simple name of a typed or Refit client's type (interface and class).</summary>
    public IReadOnlyDictionary<string, string> TypedClients { get; }

    /// <summary>Entity names by DbSet property, by DbContext (or DbSet-exposing interface) name.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, string>> ContextSets { get; }

    public IReadOnlyDictionary<string, ImmutableArray<string>> Keys { get; }

    public TypeShape? Shape(string? name) =>
        name is null ? null : shapes.GetOrAdd(SyntaxHelpers.SimpleTypeName(name), n => TypeShape.Build(Corpus, n));

    /// <summary>Whether a type name is a DbContext the model knows, or looks like one.</summary>
    public bool IsContext(string type) => ContextSets.ContainsKey(type) || type.EndsWith("DbContext", StringComparison.Ordinal);

    private static void Add(Dictionary<string, SortedSet<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var set))
        {
            map[key] = set = new(StringComparer.Ordinal);
        }

        set.Add(value);
    }
}
