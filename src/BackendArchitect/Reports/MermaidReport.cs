using System.Text;
using BackendArchitect.Model;

namespace BackendArchitect.Reports;

/// <summary>
/// Mermaid diagrams: a flowchart of services and dependencies, and an erDiagram of the EF model.
/// <see cref="Render"/> writes both as plain Mermaid text: the flowchart, a blank line, a line
/// <c>%% ---</c>, then the erDiagram (only when there are entities). Split on that line to feed a
/// renderer one diagram at a time.
/// </summary>
public static class MermaidReport
{
    /// <summary>The line that separates the two diagrams in <see cref="Render"/>'s output.</summary>
    public const string Separator = "%% ---";

    public static string Render(SystemModel model)
    {
        var er = EntityDiagram(model);
        return er is null ? Flowchart(model) : Flowchart(model) + "\n" + Separator + "\n" + er;
    }

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

    /// <summary>erDiagram of the entities with typed properties, PK/FK markers and relationships; null without entities.</summary>
    public static string? EntityDiagram(SystemModel model)
    {
        if (model.Entities.IsEmpty)
        {
            return null;
        }

        var foreignKeys = ForeignKeys(model.Entities);
        var sb = new StringBuilder("erDiagram\n");
        foreach (var entity in model.Entities.DistinctBy(e => e.Name).OrderBy(e => e.Name, StringComparer.Ordinal))
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

        foreach (var line in RelationshipLines(model.Entities))
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
