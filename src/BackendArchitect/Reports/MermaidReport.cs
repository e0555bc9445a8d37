using System.Collections.Immutable;
using System.Text;
using BackendArchitect.Model;

namespace BackendArchitect.Reports;

/// <summary>
/// Mermaid diagrams, each a text of its own because a Mermaid file holds one diagram: a flowchart
/// of services and dependencies, and an erDiagram of the EF model, split into parts when it is
/// too large to read (<see cref="EntityDiagramParts"/>).
/// </summary>
public static class MermaidReport
{
    /// <summary>From this many entities on, the ER diagram is split (when the model has more than one part).</summary>
    public const int SplitThreshold = 26;

    /// <summary>flowchart LR: services, data stores, caches, buses and outbound hosts, with an edge per dependency.</summary>
    public static string Flowchart(SystemModel model)
    {
        var graph = new FlowGraph();
        foreach (var service in model.Services)
        {
            graph.Node(ServiceId(service.Name), $"[{MermaidText.Label(service.Name)}]");
        }

        foreach (var context in model.DataContexts)
        {
            var id = "db_" + MermaidText.Id(context.Name);
            var label = context.Provider is null ? context.Name : $"{context.Name} ({context.Provider})";
            graph.Node(id, $"[({MermaidText.Label(label)})]");
            FromService(graph, model, context.Service, id, null);
        }

        foreach (var cache in model.Caches)
        {
            var id = "cache_" + MermaidText.Id(cache.Technology);
            graph.Node(id, $"[({MermaidText.Label(cache.Technology)})]");
            FromService(graph, model, cache.Service, id, null);
        }

        foreach (var channel in model.MessageChannels)
        {
            var id = "bus_" + MermaidText.Id(channel.Technology);
            graph.Node(id, "{{" + MermaidText.Label(channel.Technology) + "}}");
            FromService(graph, model, channel.Service, id, null);
        }

        foreach (var client in model.HttpClients)
        {
            var host = HostOf(client.BaseAddress) ?? client.Name;
            var id = "ext_" + MermaidText.Id(host);
            graph.Node(id, $"([{MermaidText.Label(host)}])");
            FromService(graph, model, client.Service, id, client.Name == host ? null : client.Name);
        }

        AddCompose(graph, model);

        var sb = new StringBuilder("flowchart LR\n");
        if (graph.IsEmpty)
        {
            sb.Append("    empty[\"no services found\"]\n");
        }

        graph.WriteTo(sb);
        return sb.ToString();
    }

    /// <summary>erDiagram of all entities with typed properties, PK/FK markers and relationships; null without entities.</summary>
    public static string? EntityDiagram(SystemModel model) =>
        model.Entities.IsEmpty ? null : EntityDiagram(model.Entities, model.Entities);

    /// <summary>
    /// The ER diagram as readable parts: one part named "" holding everything, or, from
    /// <see cref="SplitThreshold"/> entities on, one per DbContext, or with a single context one per
    /// folder of the entity classes (the common folder left out of the name). An entity a part's
    /// relationships reach in another part is drawn there by name only. Empty without entities.
    /// </summary>
    public static IReadOnlyList<(string Part, string Diagram)> EntityDiagramParts(SystemModel model)
    {
        if (model.Entities.IsEmpty)
        {
            return [];
        }

        var groups = Groups(model.Entities);
        if (model.Entities.DistinctBy(e => e.Name).Count() < SplitThreshold || groups.Count < 2)
        {
            return [("", EntityDiagram(model.Entities, model.Entities))];
        }

        return [.. groups.Select(g => (g.Key, EntityDiagram(g.Value, model.Entities)))];
    }

    private static SortedDictionary<string, List<Entity>> Groups(ImmutableArray<Entity> entities)
    {
        var byContext = GroupBy(entities, e => e.Context ?? "");
        if (byContext.Count > 1)
        {
            return byContext;
        }

        var folders = entities.Select(e => Folder(e.File)).ToArray();
        var common = folders.Aggregate((a, b) => CommonFolder(a, b));
        return GroupBy(entities, e =>
        {
            var folder = Folder(e.File);
            var rest = folder.Length > common.Length ? folder[(common.Length + 1)..] : "";
            return rest.Length == 0 ? "root" : rest;
        });
    }

    private static SortedDictionary<string, List<Entity>> GroupBy(IEnumerable<Entity> entities, Func<Entity, string> key)
    {
        var groups = new SortedDictionary<string, List<Entity>>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            var k = key(entity);
            if (!groups.TryGetValue(k, out var list))
            {
                groups[k] = list = [];
            }

            list.Add(entity);
        }

        return groups;
    }

    private static string Folder(string file) => file.LastIndexOf('/') is var slash and >= 0 ? file[..slash] : "";

    private static string CommonFolder(string a, string b)
    {
        var x = a.Split('/');
        var y = b.Split('/');
        var n = 0;
        while (n < x.Length && n < y.Length && x[n] == y[n])
        {
            n++;
        }

        return string.Join('/', x.Take(n));
    }

    private static string EntityDiagram(IReadOnlyCollection<Entity> members, ImmutableArray<Entity> all)
    {
        var foreignKeys = ForeignKeys(all);
        var sb = new StringBuilder("erDiagram\n");
        foreach (var entity in members.DistinctBy(e => e.Name).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var name = MermaidText.EntityId(entity.Name);
            if (entity.Properties.IsEmpty)
            {
                sb.Append("    ").Append(name).Append('\n');
                continue;
            }

            sb.Append("    ").Append(name).Append(" {\n");
            foreach (var property in entity.Properties)
            {
                var markers = new List<string>();
                if (entity.Key.Contains(property.Name))
                {
                    markers.Add("PK");
                }

                if (foreignKeys.Contains((entity.Name, property.Name)))
                {
                    markers.Add("FK");
                }

                sb.Append("        ").Append(MermaidText.ErType(property.Type)).Append(' ').Append(MermaidText.Id(property.Name));
                if (markers.Count > 0)
                {
                    sb.Append(' ').Append(string.Join(", ", markers));
                }

                sb.Append('\n');
            }

            sb.Append("    }\n");
        }

        // Entities of other parts that this part's relationships reach: named, their attributes left to their own part.
        var names = members.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var target in members.SelectMany(e => e.Relationships).Select(r => r.Target).Where(t => !names.Contains(t)).Distinct().Order(StringComparer.Ordinal))
        {
            sb.Append("    ").Append(MermaidText.EntityId(target)).Append('\n');
        }

        foreach (var line in RelationshipLines(members))
        {
            sb.Append("    ").Append(line).Append('\n');
        }

        return sb.ToString();
    }

    private static void AddCompose(FlowGraph graph, SystemModel model)
    {
        // A compose service that builds one of the scanned services is drawn as that service.
        var ids = new Dictionary<(string File, string Name), string>();
        foreach (var compose in model.ComposeServices)
        {
            var match = ComposeLinks.BuiltService(compose, model);
            if (match is not null)
            {
                ids[(compose.File, compose.Name)] = ServiceId(match.Name);
                continue;
            }

            var id = "compose_" + MermaidText.Id(compose.Name);
            ids[(compose.File, compose.Name)] = id;
            var label = MermaidText.Label(compose.Image is null ? compose.Name : $"{compose.Name} ({compose.Image})");
            graph.Node(id, InfrastructureKinds.Of(compose.Image) switch
            {
                InfrastructureKind.Database or InfrastructureKind.Cache => $"[({label})]",
                InfrastructureKind.Broker => "{{" + label + "}}",
                _ => $"[{label}]",
            });
        }

        foreach (var compose in model.ComposeServices)
        {
            foreach (var dependency in compose.DependsOn)
            {
                var target = ids.GetValueOrDefault((compose.File, dependency)) ?? ids.FirstOrDefault(p => p.Key.Name == dependency).Value;
                if (target is not null)
                {
                    graph.Edge(ids[(compose.File, compose.Name)], target, "-.->", null);
                }
            }
        }
    }

    private static void FromService(FlowGraph graph, SystemModel model, string? service, string target, string? label)
    {
        if (service is null)
        {
            return;
        }

        var id = ServiceId(service);
        if (!model.Services.Any(s => s.Name == service))
        {
            graph.Node(id, $"[{MermaidText.Label(service)}]");
        }

        graph.Edge(id, target, "-->", label);
    }

    private static string ServiceId(string name) => "svc_" + MermaidText.Id(name);

    private static string? HostOf(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        return Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host : address.Trim();
    }

    /// <summary>(entity, property) pairs that hold a foreign key, from both sides of each relationship.</summary>
    private static HashSet<(string Entity, string Property)> ForeignKeys(IEnumerable<Entity> entities)
    {
        var keys = new HashSet<(string, string)>();
        foreach (var entity in entities)
        {
            foreach (var relationship in entity.Relationships)
            {
                // One-to-many: the key lives on the target (the "many" side); otherwise on this entity.
                var owner = relationship.Kind == "one-to-many" ? relationship.Target : entity.Name;
                foreach (var property in relationship.ForeignKey)
                {
                    keys.Add((owner, property));
                }
            }
        }

        return keys;
    }

    /// <summary>One line per relationship, each pair drawn once whichever side declared it.</summary>
    private static IEnumerable<string> RelationshipLines(IEnumerable<Entity> entities)
    {
        var lines = new SortedDictionary<(string Left, string Right, string Shape), string>();
        foreach (var entity in entities)
        {
            foreach (var r in entity.Relationships)
            {
                var optional = r.Required == false;
                var (left, right, shape) = r.Kind switch
                {
                    "many-to-one" => (r.Target, entity.Name, optional ? "|o--o{" : "||--o{"),
                    "one-to-one" => (entity.Name, r.Target, optional ? "||--o|" : "||--||"),
                    "many-to-many" => (string.CompareOrdinal(entity.Name, r.Target) <= 0 ? entity.Name : r.Target, string.CompareOrdinal(entity.Name, r.Target) <= 0 ? r.Target : entity.Name, "}o--o{"),
                    _ => (entity.Name, r.Target, optional ? "|o--o{" : "||--o{"),
                };

                // Both sides of one relationship describe it; keep the first, preferring the required shape.
                var ordered = r.Kind == "one-to-one" && string.CompareOrdinal(left, right) > 0 ? (right, left) : (left, right);
                var key = (ordered.Item1, ordered.Item2, shape.Replace("|o--", "||--").Replace("--o|", "--||"));
                if (!lines.TryGetValue(key, out var existing) || (IsOptional(existing) && !IsOptional(shape)))
                {
                    lines[key] = $"{MermaidText.EntityId(left)} {shape} {MermaidText.EntityId(right)} : {MermaidText.ErLabel(r.Navigation)}";
                }
            }
        }

        return lines.Values;
    }

    private static bool IsOptional(string shape) =>
        shape.Contains("|o--", StringComparison.Ordinal) || shape.Contains("--o|", StringComparison.Ordinal);

    /// <summary>Nodes and edges kept sorted and unique, so the output is deterministic.</summary>
    private sealed class FlowGraph
    {
        private readonly SortedDictionary<string, string> nodes = new(StringComparer.Ordinal);
        private readonly SortedSet<string> edges = new(StringComparer.Ordinal);

        public bool IsEmpty => nodes.Count == 0;

        public void Node(string id, string shape) => nodes.TryAdd(id, shape);

        public void Edge(string from, string to, string arrow, string? label) =>
            edges.Add(label is null ? $"{from} {arrow} {to}" : $"{from} {arrow}|{MermaidText.Label(label)}| {to}");

        public void WriteTo(StringBuilder sb)
        {
            foreach (var (id, shape) in nodes)
            {
                sb.Append("    ").Append(id).Append(shape).Append('\n');
            }

            foreach (var edge in edges)
            {
                sb.Append("    ").Append(edge).Append('\n');
            }
        }
    }
}
