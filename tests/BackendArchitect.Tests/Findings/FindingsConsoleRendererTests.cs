using BackendArchitect.Cli.Rendering;
using BackendArchitect.Findings;

namespace BackendArchitect.Tests.Findings;

public sealed class FindingsConsoleRendererTests
{
    private static string Plain(FindingsReport report)
    {
        var writer = new StringWriter();
        FindingsConsoleRenderer.Render(report, writer, plain: true);
        return writer.ToString().ReplaceLineEndings("\n");
    }

    [Fact]
    public void Each_finding_shows_place_code_name_message_offending_line_and_fix()
    {
        var text = Plain(SampleFindings.ReportWithSnippets());

        Assert.Contains(
            "db/migrations/002 add index.sql:2:1 warning TST001 index-without-concurrently\n"
            + "  Index idx_orders_customer is built without CONCURRENTLY.\n"
            + "  2 | CREATE INDEX idx_orders_customer ON orders (customer_id);\n"
            + "  fix: Use CREATE INDEX CONCURRENTLY outside a transaction.\n",
            text);
    }

    [Fact]
    public void Groups_come_most_serious_first_and_end_with_a_summary_line()
    {
        var text = Plain(SampleFindings.ReportWithSnippets());

        Assert.True(text.IndexOf("Errors (1)", StringComparison.Ordinal) < text.IndexOf("Warnings (1)", StringComparison.Ordinal));
        Assert.True(text.IndexOf("Warnings (1)", StringComparison.Ordinal) < text.IndexOf("Notes (1)", StringComparison.Ordinal));
        Assert.Contains("  db/migrations/003_broken.sql:4: Could not parse statement: unexpected token 'TABL'.", text);
        Assert.EndsWith("3 findings: 1 error, 1 warning, 1 note; 2 input diagnostics.\n", text);
    }

    [Fact]
    public void Plain_output_has_no_escape_sequences_and_keeps_brackets()
    {
        var report = FindingsReport.Create([new Finding("TST003", Severity.Note, "Value [red] in config.", "a.cs", 3)], [], [SampleFindings.SecretRule]);

        var text = Plain(report);

        Assert.DoesNotContain("\u001b", text);
        Assert.Contains("Value [red] in config.", text);
    }

    [Fact]
    public void A_clean_report_is_one_line()
    {
        Assert.Equal("No findings.\n", Plain(FindingsReport.Create([], [], [])));
    }
}
