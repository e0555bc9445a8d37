using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BackendArchitect.Model;
using BackendArchitect.Workspace;

namespace BackendArchitect.Config;

/// <summary>
/// Reads a Dockerfile's external base images (ARG defaults substituted), the ports and the
/// entrypoint of the final stage. ENV and RUN lines are not surfaced, so their secrets never leave.
/// </summary>
public static partial class DockerfileReader
{
    public static ContainerImage? Read(SourceFile file, ICollection<Diagnostic> diagnostics)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        var stages = new List<Stage>();
        var baseImages = new List<string>();
        Stage? current = null;

        foreach (var (line, instruction, rest) in Instructions(file.Text))
        {
            switch (instruction)
            {
                case "ARG":
                    ReadArg(rest, current is null ? args : current.Args, current is null ? null : args);
                    break;
                case "FROM":
                    current = ReadFrom(file, line, rest, args, stages, baseImages, diagnostics);
                    stages.Add(current);
                    break;
                case "EXPOSE" when current is not null:
                    foreach (var port in Words(rest))
                    {
                        current.Ports.Add(Substitute(port, current.Args, args));
                    }

                    break;
                case "ENTRYPOINT" when current is not null:
                    current.Entrypoint = CommandText(rest);
                    current.Cmd = null;
                    break;
                case "CMD" when current is not null:
                    current.Cmd = CommandText(rest);
                    break;
            }
        }

        if (current is null)
        {
            diagnostics.Add(new Diagnostic(file.Path, 0, "Dockerfile has no FROM instruction; not read"));
            return null;
        }

        var entrypoint = current.Entrypoint is null ? current.Cmd : current.Cmd is null ? current.Entrypoint : current.Entrypoint + " " + current.Cmd;
        // The start command may pass a token or password on the command line.
        return new ContainerImage(file.Path, [.. baseImages.Distinct(StringComparer.Ordinal)], [.. current.Ports.Distinct(StringComparer.Ordinal)], entrypoint is null ? null : SecretMasker.MaskText(entrypoint));
    }

    private static Stage ReadFrom(SourceFile file, int line, string rest, Dictionary<string, string> globalArgs, List<Stage> stages, List<string> baseImages, ICollection<Diagnostic> diagnostics)
    {
        var words = Words(rest).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
        var image = words.Count > 0 ? Substitute(words[0], globalArgs, null) : "";
        var name = words.Count >= 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
        var stage = new Stage(name);

        var parent = stages.LastOrDefault(s => s.Name is not null && s.Name.Equals(image, StringComparison.OrdinalIgnoreCase));
        if (parent is not null)
        {
            // Building on an earlier stage inherits its ports and start command; not an external image.
            stage.Ports.AddRange(parent.Ports);
            stage.Entrypoint = parent.Entrypoint;
            stage.Cmd = parent.Cmd;
            return stage;
        }

        if (image.Length == 0)
        {
            diagnostics.Add(new Diagnostic(file.Path, line, "FROM without an image"));
            return stage;
        }

        if (image.Contains('$'))
        {
            diagnostics.Add(new Diagnostic(file.Path, line, $"base image '{image}' uses a build argument without a default", DiagnosticSeverity.Info));
        }

        baseImages.Add(image);
        return stage;
    }

    private static void ReadArg(string rest, Dictionary<string, string> target, Dictionary<string, string>? globalArgs)
    {
        foreach (var word in Words(rest))
        {
            var eq = word.IndexOf('=');
            if (eq > 0)
            {
                target[word[..eq]] = Unquote(word[(eq + 1)..]);
            }
            else if (globalArgs is not null && globalArgs.TryGetValue(word, out var inherited))
            {
                // "ARG NAME" inside a stage re-imports the global default.
                target[word] = inherited;
            }
        }
    }

    /// <summary>Replaces $VAR, ${VAR} and ${VAR:-default} with known argument values; unknown ones stay as written.</summary>
    private static string Substitute(string text, Dictionary<string, string> args, Dictionary<string, string>? fallback) =>
        Variable().Replace(text, m =>
        {
            var name = m.Groups["braced"].Success ? m.Groups["braced"].Value : m.Groups["plain"].Value;
            if (args.TryGetValue(name, out var value) || (fallback is not null && fallback.TryGetValue(name, out value)))
            {
                return value;
            }

            return m.Groups["default"].Success ? m.Groups["default"].Value : m.Value;
        });

    private static string CommandText(string rest)
    {
        var trimmed = rest.Trim();
        if (trimmed.StartsWith('['))
        {
            try
            {
                var parts = JsonSerializer.Deserialize(trimmed, ExecFormJsonContext.Default.StringArray);
                if (parts is not null)
                {
                    return string.Join(' ', parts.Select(p => p.Contains(' ') ? "\"" + p + "\"" : p));
                }
            }
            catch (JsonException)
            {
                // Docker runs a malformed exec form as shell form; so do we.
            }
        }

        return trimmed;
    }

    /// <summary>Logical instructions: comments dropped, continuation lines joined, with the line each starts on.</summary>
    private static IEnumerable<(int Line, string Instruction, string Arguments)> Instructions(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var escape = '\\';
        var sb = new StringBuilder();
        var start = 0;
        var leading = true;
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i];
            var trimmed = raw.Trim();
            if (leading && EscapeDirective().Match(trimmed) is { Success: true } directive)
            {
                escape = directive.Groups[1].Value[0];
                continue;
            }

            if (trimmed.StartsWith('#') || (trimmed.Length == 0 && sb.Length > 0))
            {
                // Comment and empty lines inside a continued instruction are skipped, as Docker does.
                continue;
            }

            if (trimmed.Length == 0)
            {
                continue;
            }

            leading = false;
            if (sb.Length == 0)
            {
                start = i + 1;
            }

            if (trimmed[^1] == escape)
            {
                sb.Append(trimmed[..^1]).Append(' ');
                continue;
            }

            sb.Append(trimmed);
            var logical = sb.ToString();
            sb.Clear();
            var split = logical.IndexOfAny([' ', '\t']);
            yield return split < 0
                ? (start, logical.ToUpperInvariant(), "")
                : (start, logical[..split].ToUpperInvariant(), logical[(split + 1)..].Trim());
        }
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;

    [GeneratedRegex(@"^#\s*escape\s*=\s*([\\`])\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex EscapeDirective();

    [GeneratedRegex(@"\$\{(?<braced>[A-Za-z_][A-Za-z0-9_]*)(?::-(?<default>[^}]*))?\}|\$(?<plain>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Variable();

    private sealed class Stage(string? name)
    {
        public string? Name { get; } = name;
        public Dictionary<string, string> Args { get; } = new(StringComparer.Ordinal);
        public List<string> Ports { get; } = [];
        public string? Entrypoint { get; set; }
        public string? Cmd { get; set; }
    }
}
