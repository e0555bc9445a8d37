using System.Collections.Immutable;
using System.Text.RegularExpressions;
using BackendArchitect.Model;
using BackendArchitect.Workspace;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BackendArchitect.Config;

/// <summary>
/// Reads docker-compose services: image, build context, ports (short and long syntax), depends_on
/// (list or map) and environment (list or map) with secret-looking values masked.
/// </summary>
public static partial class ComposeReader
{
    /// <summary>docker-compose.yml, compose.yaml and their override variants (docker-compose.prod.yml...).</summary>
    public static bool IsComposeFile(SourceFile file) =>
        file.Kind == FileKind.Yaml && ComposeName().IsMatch(file.FileName);

    public static IReadOnlyList<ComposeService> Read(SourceFile file, ICollection<Diagnostic> diagnostics)
    {
        if (!NestingDepth.WithinLimit(file, "compose services not read", diagnostics))
        {
            return [];
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(file.Text));
        }
        catch (Exception e) when (e is YamlException or ArgumentException or InvalidOperationException)
        {
            var line = e is YamlException y ? (int)y.Start.Line : 0;
            diagnostics.Add(new Diagnostic(file.Path, line, $"invalid YAML, compose services not read: {e.Message}"));
            return [];
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return [];
        }

        if (Child(root, "services") is not YamlMappingNode services)
        {
            return [];
        }

        var result = new List<ComposeService>();
        foreach (var (keyNode, value) in services.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } name })
            {
                continue;
            }

            var service = value as YamlMappingNode;
            var fields = service is null ? [] : Fields(service);
            result.Add(new ComposeService(
                file.Path,
                (int)keyNode.Start.Line,
                name,
                Scalar(fields.GetValueOrDefault("image")),
                Build(fields.GetValueOrDefault("build")),
                Ports(fields.GetValueOrDefault("ports")),
                DependsOn(fields.GetValueOrDefault("depends_on")),
                Environment(fields.GetValueOrDefault("environment")),
                fields.GetValueOrDefault("build") is YamlMappingNode build ? Scalar(Child(build, "dockerfile")) : null));
        }

        return result;
    }

    /// <summary>A service's fields with YAML merge keys ("&lt;&lt;: *defaults") applied; own fields win.</summary>
    private static Dictionary<string, YamlNode> Fields(YamlMappingNode node)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: "<<" })
            {
                var merged = value is YamlSequenceNode seq ? seq.Children.OfType<YamlMappingNode>() : value is YamlMappingNode m ? [m] : [];
                foreach (var source in merged)
                {
                    foreach (var (k, v) in source.Children)
                    {
                        if (k is YamlScalarNode { Value: { } name })
                        {
                            fields.TryAdd(name, v);
                        }
                    }
                }
            }
        }

        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && name != "<<")
            {
                fields[name] = value;
            }
        }

        return fields;
    }

    private static string? Build(YamlNode? node) => node switch
    {
        YamlScalarNode scalar => scalar.Value,
        YamlMappingNode map => Scalar(Child(map, "context")) ?? ".",
        _ => null,
    };

    private static ImmutableArray<string> Ports(YamlNode? node)
    {
        if (node is not YamlSequenceNode seq)
        {
            return [];
        }

        var ports = new List<string>();
        foreach (var item in seq.Children)
        {
            switch (item)
            {
                case YamlScalarNode { Value: { Length: > 0 } text }:
                    ports.Add(text);
                    break;
                case YamlMappingNode map when Scalar(Child(map, "target")) is { } target:
                    var published = Scalar(Child(map, "published"));
                    var host = Scalar(Child(map, "host_ip"));
                    var protocol = Scalar(Child(map, "protocol"));
                    var text2 = (host is null ? "" : host + ":") + (published is null ? "" : published + ":") + target;
                    ports.Add(protocol is null or "tcp" ? text2 : text2 + "/" + protocol);
                    break;
            }
        }

        return [.. ports];
    }

    private static ImmutableArray<string> DependsOn(YamlNode? node) => node switch
    {
        YamlSequenceNode seq => [.. seq.Children.OfType<YamlScalarNode>().Select(s => s.Value).OfType<string>()],
        YamlMappingNode map => [.. map.Children.Keys.OfType<YamlScalarNode>().Select(s => s.Value).OfType<string>()],
        _ => [],
    };

    private static ImmutableArray<KeyValuePair<string, string?>> Environment(YamlNode? node)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        switch (node)
        {
            case YamlSequenceNode seq:
                foreach (var item in seq.Children.OfType<YamlScalarNode>())
                {
                    var text = item.Value ?? "";
                    var eq = text.IndexOf('=');
                    pairs.Add(eq < 0 ? new(text, null) : Masked(text[..eq], text[(eq + 1)..]));
                }

                break;
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    if (key is YamlScalarNode { Value: { } name })
                    {
                        var text = value is YamlScalarNode { Value: { } v } && !IsNull(value) ? v : null;
                        pairs.Add(Masked(name, text));
                    }
                }

                break;
        }

        return [.. pairs];
    }

    /// <summary>A bare "${VAR}" reference says where the secret comes from and holds none, so it stays readable.</summary>
    private static KeyValuePair<string, string?> Masked(string key, string? value) =>
        new(key, value is null || VariableReference().IsMatch(value) ? value : SecretMasker.MaskValue(key, value));

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "" or "~" or "null" or "Null" or "NULL" };

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlNode? node) => node is YamlScalarNode scalar && !IsNull(scalar) ? scalar.Value : null;

    [GeneratedRegex(@"^\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)$")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"^(docker-)?compose(\.[^.]+)*\.ya?ml$", RegexOptions.IgnoreCase)]
    private static partial Regex ComposeName();
}
