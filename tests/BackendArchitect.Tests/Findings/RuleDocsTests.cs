using BackendArchitect.Findings;
using BackendArchitect.Reports.Findings;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Findings;

public sealed class RuleDocsTests
{
    private static IReadOnlyList<RuleMetadata> Catalog => [.. RuleCatalog.All.Select(r => r.Metadata)];

    [Fact]
    public void Docs_rules_folder_matches_the_rule_catalog()
    {
        var problems = RuleDocs.Check(Path.Combine(Paths.RepositoryRoot, "docs", "rules"), Catalog);

        Assert.True(problems.Count == 0, $"docs/rules is out of date with the rules ({string.Join("; ", problems)}). Regenerate it: {RuleDocs.RegenerateCommand} (from a checkout: dotnet run --project src/BackendArchitect.Cli -- rules --write-docs docs/rules)");
    }

    [Fact]
    public void A_page_says_where_the_rule_applies_and_how_an_opt_in_rule_is_enabled()
    {
        var lockTimeout = RuleDocs.Render(RuleCatalog.Find("MIG015")!.Metadata);
        var everywhere = RuleDocs.Render(RuleCatalog.Find("SCH001")!.Metadata);

        Assert.Contains("\nApplies to: PostgreSQL.\n\nOpt-in: off unless enabled with `--lock-timeout` or `--select MIG015`.\n", lockTimeout, StringComparison.Ordinal);
        Assert.Contains("\nApplies to: every SQL dialect.\n", everywhere, StringComparison.Ordinal);
        Assert.DoesNotContain("Opt-in", everywhere, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_has_title_summary_facts_why_examples_and_references_in_order()
    {
        var page = RuleDocs.Render(SampleFindings.IndexRule);

        Assert.StartsWith("# TST001: index-without-concurrently\n\n<!-- Generated", page);
        string[] parts =
        [
            "CREATE INDEX on an existing table without CONCURRENTLY.\n",
            "| migration | warning | `postgres`, `locking` |",
            "## Why it matters\n\nA plain CREATE INDEX blocks writes to the table until the index is built.\nOn a large table that is an outage.\n",
            "## Example\n\n```sql\nCREATE INDEX idx_orders_customer ON orders (customer_id);\n```\n",
            "## Use instead\n\n```sql\nCREATE INDEX CONCURRENTLY idx_orders_customer ON orders (customer_id);\n```\n",
            "## References\n\n- <https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY>\n",
        ];
        var at = 0;
        foreach (var part in parts)
        {
            var next = page.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(next >= 0, $"missing or out of order: {part}\n---\n{page}");
            at = next + part.Length;
        }
    }

    [Fact]
    public void Code_rules_get_csharp_examples_and_no_references_section_without_references()
    {
        var page = RuleDocs.Render(SampleFindings.SecretRule);

        Assert.Contains("```csharp\nvar cs = \"Host=db;Password=hunter2\";", page);
        Assert.DoesNotContain("## References", page);
    }

    [Fact]
    public void Help_is_the_page_without_the_generated_note()
    {
        Assert.Equal(
            RuleDocs.Render(SampleFindings.KeyRule).Replace(RuleDocs.Render(SampleFindings.KeyRule).Split("\n\n")[1] + "\n\n", ""),
            RuleDocs.Help(SampleFindings.KeyRule));
        Assert.DoesNotContain("<!--", RuleDocs.Help(SampleFindings.KeyRule));
    }

    [Fact]
    public void The_index_links_every_rule_sorted_by_code()
    {
        var index = RuleDocs.RenderIndex([SampleFindings.SecretRule, SampleFindings.IndexRule]);

        Assert.Contains("| [TST001](TST001.md) | `index-without-concurrently` | migration | warning | CREATE INDEX on an existing table without CONCURRENTLY. |\n| [TST003](TST003.md)", index);
    }

    [Fact]
    public void Check_reports_missing_stale_and_orphaned_pages()
    {
        using var dir = new TempDirectory();
        RuleDocs.Write(dir.Path, [SampleFindings.IndexRule, SampleFindings.KeyRule]);
        File.Delete(Path.Combine(dir.Path, "TST001.md"));
        File.AppendAllText(Path.Combine(dir.Path, "TST002.md"), "hand edit\n");
        dir.Write("OLD001.md", "# OLD001: gone\n");
        dir.Write("guide.md", "not a rule page\n");

        var problems = RuleDocs.Check(dir.Path, [SampleFindings.IndexRule, SampleFindings.KeyRule]);

        Assert.Equal(["missing: TST001.md", "stale: TST002.md", "orphaned: OLD001.md"], problems);
    }

    [Fact]
    public void Write_makes_a_folder_current_and_removes_only_orphaned_rule_pages()
    {
        using var dir = new TempDirectory();
        dir.Write("OLD001.md", "# OLD001: gone\n");
        dir.Write("guide.md", "not a rule page\n");

        var written = RuleDocs.Write(dir.Path, [SampleFindings.IndexRule]);

        Assert.Equal(["README.md", "TST001.md"], written);
        Assert.Empty(RuleDocs.Check(dir.Path, [SampleFindings.IndexRule]));
        Assert.False(File.Exists(Path.Combine(dir.Path, "OLD001.md")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "guide.md")));
    }
}
