using System.Collections.Immutable;
using BackendArchitect.Scanning;

namespace BackendArchitect.Findings;

/// <summary>
/// Which rules run, from --select and --ignore: each entry is a rule code, a kebab-case name or a code prefix
/// (MIG, SCH0), compared without case. With no select list every default rule runs; ignore wins over select.
/// An opt-in rule runs only when selected by its exact code or name, so a family prefix never turns one on.
/// </summary>
public sealed record RuleSelection(ImmutableArray<string> Select, ImmutableArray<string> Ignore)
{
    /// <summary>Every default rule.</summary>
    public static RuleSelection All { get; } = new([], []);

    /// <summary>
    /// Reads comma-separated entries of the two options; throws <see cref="InputException"/> naming the first entry
    /// that matches no rule in <paramref name="rules"/>.
    /// </summary>
    public static RuleSelection Parse(IEnumerable<string>? select, IEnumerable<string>? ignore, IEnumerable<RuleMetadata> rules)
    {
        var known = rules.ToArray();
        return new(Entries(select, "--select", known), Entries(ignore, "--ignore", known));
    }

    /// <summary>True when the rule runs under this selection; <paramref name="enabled"/> says whether an opt-in rule was turned on by its own flag.</summary>
    public bool Runs(RuleMetadata rule, bool enabled = false)
    {
        var select = Select.IsDefault ? [] : Select;
        var ignore = Ignore.IsDefault ? [] : Ignore;
        if (ignore.Any(entry => Matches(entry, rule)))
        {
            return false;
        }

        if (rule.Applicability.OptIn && !enabled && !select.Any(entry => Names(entry, rule)))
        {
            return false;
        }

        return select.Length == 0 || select.Any(entry => Matches(entry, rule));
    }

    /// <summary>True when the entry is the rule's code, its name or a prefix of its code.</summary>
    public static bool Matches(string entry, RuleMetadata rule) =>
        Names(entry, rule) || rule.Code.StartsWith(entry, StringComparison.OrdinalIgnoreCase);

    private static bool Names(string entry, RuleMetadata rule) =>
        string.Equals(entry, rule.Code, StringComparison.OrdinalIgnoreCase) || string.Equals(entry, rule.Name, StringComparison.OrdinalIgnoreCase);

    private static ImmutableArray<string> Entries(IEnumerable<string>? values, string option, RuleMetadata[] rules)
    {
        var entries = (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToImmutableArray();
        if (entries.FirstOrDefault(e => !rules.Any(r => Matches(e, r))) is { } unknown)
        {
            throw new InputException($"{option} {unknown}: no rule has this code, name or code prefix (architect rules lists them).");
        }

        return entries;
    }
}
