using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Dataflow;

/// <summary>
/// What one method knows while it is analysed: the locals and parameters holding request text (with where that
/// text came from), the request objects whose text members are tainted (DTOs, IFormFile), and the names a check
/// made safe for one kind of sink (a URL passed to Url.IsLocalUrl is safe to redirect to).
/// </summary>
internal sealed class TaintState
{
    public Dictionary<string, string> Text { get; } = new(StringComparer.Ordinal);

    /// <summary>Request objects by name: their declared type (for member types) and where they came from.</summary>
    public Dictionary<string, (string Type, string Source)> Objects { get; } = new(StringComparer.Ordinal);

    public Dictionary<TaintKind, HashSet<string>> Cleaned { get; } = [];

    /// <summary>Names validated for every kind (an allow-list or pattern check they must pass).</summary>
    public HashSet<string> Validated { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Values a name or "local.Member" is overwritten with by a statement of the body's own block, which every later
    /// line runs after, with the position that statement ends at, in order: one value, or one per branch of an
    /// if/else or switch that assigns it on every path.
    /// </summary>
    private Dictionary<string, List<(int End, IReadOnlyList<ExpressionSyntax> Values)>> Overwrites { get; } = new(StringComparer.Ordinal);

    public void Overwrite(string name, int end, IReadOnlyList<ExpressionSyntax> values)
    {
        if (!Overwrites.TryGetValue(name, out var overwrites))
        {
            Overwrites[name] = overwrites = [];
        }

        overwrites.Add((end, values));
    }

    /// <summary>The values the name may hold at a position after the last overwrite before it, or null where none precedes it.</summary>
    public IReadOnlyList<ExpressionSyntax>? OverwrittenBefore(string name, int position) =>
        Overwrites.TryGetValue(name, out var values) ? values.LastOrDefault(v => v.End <= position).Values : null;

    public bool IsCleaned(string name, TaintKind kind) =>
        Validated.Contains(name) || (Cleaned.TryGetValue(kind, out var names) && names.Contains(name));

    public void Clean(string name, TaintKind kind)
    {
        if (!Cleaned.TryGetValue(kind, out var names))
        {
            Cleaned[kind] = names = new HashSet<string>(StringComparer.Ordinal);
        }

        names.Add(name);
    }

    /// <summary>A key for the analysis memo: which parameter names are tainted and how.</summary>
    public string Signature() =>
        string.Join(',', Text.Keys.Order(StringComparer.Ordinal)) + "|" + string.Join(',', Objects.Keys.Order(StringComparer.Ordinal));
}
