using System.Text;

namespace BackendArchitect.Reports;

/// <summary>Identifier and label escaping for Mermaid: ids are [A-Za-z0-9_] only, labels are quoted.</summary>
public static class MermaidText
{
    /// <summary>A safe identifier: every other character becomes '_', never empty, never starting with a digit.</summary>
    public static string Id(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (sb.Length == 0 || char.IsAsciiDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }

        return sb.ToString();
    }

    /// <summary>A quoted flowchart label; '#', quotes and angle brackets become Mermaid entity codes.</summary>
    public static string Label(string text) =>
        "\"" + text.Replace("#", "#35;").Replace("\"", "#quot;").Replace("<", "#lt;").Replace(">", "#gt;").Replace("\n", " ") + "\"";

    /// <summary>
    /// An erDiagram entity name: like <see cref="Id"/>, and words the erDiagram grammar reserves
    /// ("end", "class", "one", "many", "to"...) get a trailing '_'.
    /// </summary>
    public static string EntityId(string name)
    {
        var id = Id(name);
        return ErReservedWords.Contains(id) ? id + "_" : id;
    }

    private static readonly HashSet<string> ErReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "end", "style", "class", "classDef", "subgraph", "one", "many", "to", "erDiagram",
    };

    /// <summary>A quoted erDiagram relationship label (entity codes are not decoded there, so quotes are dropped).</summary>
    public static string ErLabel(string text) => "\"" + text.Replace("\"", "").Replace("\n", " ") + "\"";

    /// <summary>
    /// An erDiagram attribute type: "decimal?" -> "decimal", "List&lt;string&gt;" -> "List_string",
    /// "byte[]" -> "byteArray", "System.Guid" -> "Guid".
    /// </summary>
    public static string ErType(string type)
    {
        var t = type.Replace("?", "").Replace("[]", "Array").Trim();
        var generic = t.IndexOf('<');
        var head = generic >= 0 ? t[..generic] : t;
        var dot = head.LastIndexOf('.');
        if (dot >= 0)
        {
            t = t[(dot + 1)..];
        }

        var id = Id(t).Trim('_');
        while (id.Contains("__", StringComparison.Ordinal))
        {
            id = id.Replace("__", "_");
        }

        return id.Length == 0 || char.IsAsciiDigit(id[0]) ? "type_" + id : id;
    }
}
