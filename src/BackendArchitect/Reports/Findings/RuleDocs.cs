using System.Text;
using System.Text.RegularExpressions;
using BackendArchitect.Findings;

namespace BackendArchitect.Reports.Findings;

/// <summary>
/// The rule reference in docs/rules, generated from each rule's metadata: one CODE.md per rule and a
/// README.md index. `architect rules --write-docs docs/rules` writes them; a test keeps them current.
/// </summary>
public static partial class RuleDocs
{
    public const string IndexFile = "README.md";

    public const string RegenerateCommand = "architect rules --write-docs docs/rules";

    private const string GeneratedNote = "<!-- Generated from the rule's metadata by `" + RegenerateCommand + "`; edit the rule, not this file. -->";

    /// <summary>The rule whose code matches, or else whose kebab-case name does (case-insensitive, trimmed); null when none does.</summary>
    public static RuleMetadata? Find(string codeOrName, IEnumerable<RuleMetadata> rules)
    {
        var key = codeOrName.Trim();
        return rules.FirstOrDefault(r => string.Equals(r.Code, key, StringComparison.OrdinalIgnoreCase))
            ?? rules.FirstOrDefault(r => string.Equals(r.Name, key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The file name of a rule's page.</summary>
    public static string FileName(RuleMetadata rule) => rule.Code + ".md";

    /// <summary>The Markdown page of one rule: the content of docs/rules/CODE.md.</summary>
    public static string Render(RuleMetadata rule) => Page(rule, generatedNote: true);

    /// <summary>The same page without the generated-file note: for `architect explain` and SARIF help.</summary>
    public static string Help(RuleMetadata rule) => Page(rule, generatedNote: false);

    private static string Page(RuleMetadata rule, bool generatedNote)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(rule.Code).Append(": ").Append(rule.Name).Append("\n\n");
        if (generatedNote)
        {
            sb.Append(GeneratedNote).Append("\n\n");
        }

        sb.Append(rule.Summary.Trim()).Append("\n\n");
        sb.Append("| Category | Default severity | Tags |\n| --- | --- | --- |\n");
        sb.Append("| ").Append(MarkdownWriter.Cell(rule.Category)).Append(" | ").Append(FindingsText.Word(rule.DefaultSeverity))
            .Append(" | ").Append(Tags(rule)).Append(" |\n\n");
        sb.Append(Applicability(rule)).Append("\n\n");
        sb.Append("## Why it matters\n\n").Append(Paragraphs(rule.Why)).Append("\n\n");
        var language = FindingsText.ExampleLanguage(rule);
        sb.Append("## Example\n\n").Append(FindingsText.Fence(language, rule.Bad));
        sb.Append("## Use instead\n\n").Append(FindingsText.Fence(language, rule.Good));
        var references = rule.References.IsDefault ? [] : rule.References;
        if (references.Length > 0)
        {
            sb.Append("## References\n\n");
            foreach (var reference in references)
            {
                sb.Append("- ").Append(Link(reference)).Append('\n');
            }
        }

        return sb.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>The README.md index: one row per rule, linking to its page.</summary>
    public static string RenderIndex(IEnumerable<RuleMetadata> rules)
    {
        var sorted = rules.OrderBy(r => r.Code, StringComparer.Ordinal).ToArray();
        var sb = new StringBuilder();
        sb.Append("# Rules\n\n").Append(GeneratedNote).Append("\n\n");
        if (sorted.Length == 0)
        {
            sb.Append("No rules yet.\n");
            return sb.ToString();
        }

        sb.Append("Every rule `architect` checks. `architect explain CODE` prints a rule's page in the terminal.\n\n");
        sb.Append("| Code | Name | Category | Severity | Summary |\n| --- | --- | --- | --- | --- |\n");
        foreach (var r in sorted)
        {
            sb.Append("| [").Append(r.Code).Append("](").Append(FileName(r)).Append(") | ").Append(MarkdownWriter.Code(r.Name))
                .Append(" | ").Append(MarkdownWriter.Cell(r.Category)).Append(" | ").Append(FindingsText.Word(r.DefaultSeverity))
                .Append(" | ").Append(MarkdownWriter.Cell(r.Summary)).Append(" |\n");
        }

        return sb.ToString();
    }

    /// <summary>Every file docs/rules must hold, by file name, with its exact content.</summary>
    public static IReadOnlyDictionary<string, string> Expected(IEnumerable<RuleMetadata> rules)
    {
        var list = rules.ToArray();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal) { [IndexFile] = RenderIndex(list) };
        foreach (var rule in list)
        {
            files[FileName(rule)] = Render(rule);
        }

        return files;
    }

    /// <summary>
    /// Compares a docs folder with the rules: one line per missing, stale or orphaned page (empty when current).
    /// A page is orphaned when its name looks like a rule code no rule has.
    /// </summary>
    public static IReadOnlyList<string> Check(string directory, IEnumerable<RuleMetadata> rules)
    {
        var expected = Expected(rules);
        var problems = new List<string>();
        foreach (var (name, text) in expected)
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path))
            {
                problems.Add($"missing: {name}");
            }
            else if (File.ReadAllText(path).ReplaceLineEndings("\n") != text)
            {
                problems.Add($"stale: {name}");
            }
        }

        problems.AddRange(Orphans(directory, expected).Select(name => $"orphaned: {name}"));
        return problems;
    }

    /// <summary>Writes every page and the index, and removes pages of rules that no longer exist. Returns the files written.</summary>
    public static IReadOnlyList<string> Write(string directory, IEnumerable<RuleMetadata> rules)
    {
        var expected = Expected(rules);
        Directory.CreateDirectory(directory);
        foreach (var name in Orphans(directory, expected))
        {
            File.Delete(Path.Combine(directory, name));
        }

        foreach (var (name, text) in expected)
        {
            File.WriteAllText(Path.Combine(directory, name), text);
        }

        return [.. expected.Keys];
    }

    private static IEnumerable<string> Orphans(string directory, IReadOnlyDictionary<string, string> expected) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.md")
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(name => RulePage().IsMatch(name) && !expected.ContainsKey(name))
                .Order(StringComparer.Ordinal)
            : [];

    /// <summary>"Applies to: PostgreSQL.", followed for an opt-in rule by how to turn it on.</summary>
    private static string Applicability(RuleMetadata rule)
    {
        var applicability = rule.Applicability;
        var text = "Applies to: " + applicability.Describe() + ".";
        if (!applicability.OptIn)
        {
            return text;
        }

        var enable = applicability.EnabledBy is { } flag ? MarkdownWriter.Code(flag) + " or " : "";
        return text + "\n\nOpt-in: off unless enabled with " + enable + MarkdownWriter.Code("--select " + rule.Code) + ".";
    }

    private static string Tags(RuleMetadata rule)
    {
        var tags = rule.Tags.IsDefault ? [] : rule.Tags;
        return tags.Length == 0 ? "" : string.Join(", ", tags.Select(MarkdownWriter.Code));
    }

    private static string Paragraphs(string text) => text.ReplaceLineEndings("\n").Trim();

    private static string Link(string reference) =>
        Uri.TryCreate(reference, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? "<" + reference + ">"
            : reference;

    [GeneratedRegex("^[A-Z]+[0-9]+\\.md$")]
    private static partial Regex RulePage();
}
