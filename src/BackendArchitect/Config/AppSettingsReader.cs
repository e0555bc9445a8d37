using System.Text;
using System.Text.Json;
using BackendArchitect.Model;
using BackendArchitect.Workspace;

namespace BackendArchitect.Config;

/// <summary>
/// Flattens appsettings*.json into configuration keys the way the .NET configuration system names
/// them ("Logging:LogLevel:Default", arrays as "Hosts:0"), each with its line, secrets masked.
/// </summary>
public static class AppSettingsReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>appsettings.json and its environment variants (appsettings.Development.json, ...).</summary>
    public static bool IsAppSettings(SourceFile file) =>
        file.Kind == FileKind.Json
        && file.FileName.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
        && file.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The keys of one file; an invalid file gives one diagnostic and no keys.</summary>
    public static IReadOnlyList<ConfigEntry> Read(SourceFile file, ICollection<Diagnostic> diagnostics)
    {
        var bytes = Encoding.UTF8.GetBytes(file.Text);
        var lines = new LineIndex(bytes);
        var entries = new List<ConfigEntry>();
        try
        {
            Walk(bytes, lines, file.Path, entries);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } n ? (int)n + 1 : 0;
            diagnostics.Add(new Diagnostic(file.Path, line, $"invalid JSON, configuration keys not read: {FirstSentence(e.Message)}"));
            return [];
        }

        return entries;
    }

    private static void Walk(byte[] bytes, LineIndex lines, string path, List<ConfigEntry> entries)
    {
        var reader = new Utf8JsonReader(bytes, Options);

        // One frame per open object or array: the key prefix and, for arrays, the next index.
        var frames = new Stack<(string Prefix, int NextIndex, bool IsArray)>();
        string? pendingKey = null;
        var pendingLine = 0;

        while (reader.Read())
        {
            var line = lines.LineOf(reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingKey = reader.GetString();
                    pendingLine = line;
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    frames.Pop();
                    continue;
            }

            var (key, keyLine) = NextKey(frames, ref pendingKey, pendingLine, line);
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    frames.Push((key ?? "", 0, false));
                    break;
                case JsonTokenType.StartArray:
                    frames.Push((key ?? "", 0, true));
                    break;
                default:
                    if (key is not null)
                    {
                        entries.Add(Entry(path, keyLine, key, reader));
                    }

                    break;
            }
        }
    }

    private static (string? Key, int Line) NextKey(Stack<(string Prefix, int NextIndex, bool IsArray)> frames, ref string? pendingKey, int pendingLine, int line)
    {
        if (frames.Count == 0)
        {
            return (null, line);
        }

        var top = frames.Peek();
        if (top.IsArray)
        {
            frames.Pop();
            frames.Push((top.Prefix, top.NextIndex + 1, true));
            return (Join(top.Prefix, top.NextIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)), line);
        }

        var key = Join(top.Prefix, pendingKey ?? "");
        pendingKey = null;
        return (key, pendingLine);
    }

    private static ConfigEntry Entry(string path, int line, string key, Utf8JsonReader reader)
    {
        string? raw = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => Encoding.UTF8.GetString(reader.ValueSpan),
        };

        if (raw is null || reader.TokenType is JsonTokenType.True or JsonTokenType.False)
        {
            return new ConfigEntry(path, line, key, raw, false);
        }

        var masked = IsConnectionStringKey(key) ? SecretMasker.MaskConnectionValue(raw) : SecretMasker.MaskValue(key, raw);
        return new ConfigEntry(path, line, key, masked, !string.Equals(masked, raw, StringComparison.Ordinal));
    }

    private static bool IsConnectionStringKey(string key) =>
        key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase);

    private static string Join(string prefix, string segment) => prefix.Length == 0 ? segment : prefix + ":" + segment;

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }

    /// <summary>Byte offset to 1-based line, by binary search over line starts.</summary>
    private sealed class LineIndex
    {
        private readonly List<long> starts = [0];

        public LineIndex(byte[] bytes)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    starts.Add(i + 1);
                }
            }
        }

        public int LineOf(long offset)
        {
            var index = starts.BinarySearch(offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }
    }
}
