using BackendArchitect.Findings;
using BackendArchitect.Reports.Findings;

namespace BackendArchitect.Tests.Findings;

public sealed class FindingsMarkdownTests
{
    private static readonly string Text = FindingsMarkdown.Render(SampleFindings.ReportWithSnippets());

    [Fact]
    public void The_summary_line_counts_every_severity_and_the_diagnostics()
    {
        Assert.Contains("**3 findings**: 1 error, 1 warning, 1 note; 2 input diagnostics.", Text);
    }

    [Fact]
    public void Groups_come_most_serious_first()
    {
        var errors = Text.IndexOf("### Errors (1)", StringComparison.Ordinal);
        var warnings = Text.IndexOf("### Warnings (1)", StringComparison.Ordinal);
        var notes = Text.IndexOf("### Notes (1)", StringComparison.Ordinal);

        Assert.True(errors >= 0 && errors < warnings && warnings < notes, Text);
    }

    [Fact]
    public void Table_rows_show_location_rule_and_escaped_message()
    {
        Assert.Contains("| `db/migrations/002 add index.sql:2` | TST001 `index-without-concurrently` | Index idx\\_orders\\_customer is built without CONCURRENTLY. |", Text);
        Assert.Contains("Connection string with a &lt;password&gt; \\| inline.", Text);
    }

    [Fact]
    public void Each_rule_has_collapsible_details_with_why_fix_and_offending_line()
    {
        Assert.Contains("<details>\n<summary><b>TST001</b> index-without-concurrently: CREATE INDEX on an existing table without CONCURRENTLY.</summary>", Text);
        Assert.Contains("A plain CREATE INDEX blocks writes", Text);
        Assert.Contains("- `db/migrations/002 add index.sql:2`: Use CREATE INDEX CONCURRENTLY outside a transaction.", Text);
        Assert.Contains("db/migrations/002 add index.sql:2: CREATE INDEX idx_orders_customer ON orders (customer_id);", Text);
        Assert.Equal(3 + 1, Text.Split("<details>").Length - 1);
    }

    [Fact]
    public void Examples_with_backticks_get_a_longer_fence()
    {
        Assert.Contains("````csharp\nvar cs = builder.Configuration", FindingsMarkdown.Render(FindingsReport.Create(
            [new Finding("TST003", Severity.Note, "m", "a.cs", 1)],
            [],
            [SampleFindings.SecretRule with { Good = "var cs = builder.Configuration.GetConnectionString(\"```\");" }])));
    }

    [Fact]
    public void Details_summaries_escape_html_but_keep_quotes_readable()
    {
        var rule = SampleFindings.KeyRule with { Summary = "A table's <key> & \"id\" are missing." };

        var text = FindingsMarkdown.Render(FindingsReport.Create([new Finding("TST002", Severity.Error, "m", "a.sql", 1)], [], [rule]));

        Assert.Contains("<summary><b>TST002</b> table-without-primary-key: A table's &lt;key&gt; &amp; \"id\" are missing.</summary>", text);
    }

    [Fact]
    public void Long_tables_and_details_are_cut_with_a_count_of_the_rest()
    {
        var many = Enumerable.Range(1, FindingsMarkdown.RowsShown + 7)
            .Select(i => new Finding("TST001", Severity.Warning, $"Index {i}.", "a.sql", i, 1, "Use CONCURRENTLY.") { Snippet = $"CREATE INDEX i{i} ON t (a);" });

        var text = FindingsMarkdown.Render(FindingsReport.Create(many, [], [SampleFindings.IndexRule]));

        Assert.Equal(FindingsMarkdown.RowsShown, text.Split('\n').Count(l => l.StartsWith("| `a.sql:", StringComparison.Ordinal)));
        Assert.Contains("...and 7 more findings (the json and sarif formats list them all).", text);
        Assert.Contains($"- ...and {FindingsMarkdown.RowsShown + 7 - FindingsMarkdown.DetailsShown} more findings", text);
        Assert.DoesNotContain("CREATE INDEX i11 ON", text);
    }

    [Fact]
    public void A_clean_report_says_so_in_one_line()
    {
        Assert.Equal("## Architect findings\n\nNo findings.\n", FindingsMarkdown.Render(FindingsReport.Create([], [], [SampleFindings.IndexRule])));
    }
}
