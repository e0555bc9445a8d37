using System.Text.RegularExpressions;
using BackendArchitect.Findings;

namespace BackendArchitect.Tests.Findings;

/// <summary>Every rule's metadata is complete enough to generate its docs, SARIF help and `explain` page.</summary>
public sealed partial class RuleCatalogMetadataTests
{
    private static readonly string[] Categories = ["schema", "migration", "security", "data-access", "performance", "reliability", "api"];

    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All)
        {
            data.Add(rule.Metadata.Code);
        }

        // A placeholder keeps the theory runnable before any rule exists; it checks the sample rules.
        if (data.Count == 0)
        {
            data.Add("");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Metadata_has_code_name_category_prose_examples_and_references(string code)
    {
        RuleMetadata[] rules = code == ""
            ? [SampleFindings.IndexRule, SampleFindings.KeyRule]
            : [RuleCatalog.Find(code)!.Metadata];
        foreach (var m in rules)
        {
            Assert.Matches(CodePattern(), m.Code);
            Assert.Matches(NamePattern(), m.Name);
            Assert.Contains(m.Category, Categories);
            Assert.False(string.IsNullOrWhiteSpace(m.Summary), $"{m.Code}: summary");
            Assert.DoesNotContain('\n', m.Summary.Trim());
            Assert.False(string.IsNullOrWhiteSpace(m.Why), $"{m.Code}: why");
            Assert.False(string.IsNullOrWhiteSpace(m.Bad), $"{m.Code}: bad example");
            Assert.False(string.IsNullOrWhiteSpace(m.Good), $"{m.Code}: good example");
            Assert.NotEqual(m.Bad.Trim(), m.Good.Trim());
            Assert.False(m.References.IsDefaultOrEmpty, $"{m.Code}: references");
            Assert.All(m.References, r => Assert.True(Uri.TryCreate(r, UriKind.Absolute, out _), $"{m.Code}: reference is not a URL: {r}"));
        }
    }

    [Fact]
    public void Codes_and_names_are_unique()
    {
        var all = RuleCatalog.All.Select(r => r.Metadata).ToArray();

        Assert.Equal(all.Length, all.Select(m => m.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(all.Length, all.Select(m => m.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [GeneratedRegex("^[A-Z]{3}[0-9]{3}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();
}
