using BackendArchitect.Findings;
using BackendArchitect.Model;

namespace BackendArchitect.Tests.Findings;

public sealed class FindingsReportTests
{
    [Fact]
    public void Create_orders_findings_by_file_line_and_code_and_rules_by_code()
    {
        var report = SampleFindings.Report();

        Assert.Equal(["db/migrations/001_init.sql", "db/migrations/002 add index.sql", "src/Api/Program.cs"], report.Findings.Select(f => f.File));
        Assert.Equal(["TST001", "TST002", "TST003"], report.Rules.Select(r => r.Code));
        Assert.Equal(["", "db/migrations/003_broken.sql"], report.Diagnostics.Select(d => d.File));
    }

    [Fact]
    public void Snippets_are_the_trimmed_source_line_of_each_finding()
    {
        var report = SampleFindings.ReportWithSnippets();

        var index = report.Findings.Single(f => f.Code == "TST001");
        Assert.Equal("CREATE INDEX idx_orders_customer ON orders (customer_id);", index.Snippet);
        Assert.Equal("CREATE TABLE audit (at timestamptz, what text);", report.Findings.Single(f => f.Code == "TST002").Snippet);
    }

    [Fact]
    public void Snippets_stay_empty_for_unknown_files_and_lines_past_the_end()
    {
        var report = FindingsReport.Create(
            [
                new Finding("TST001", Severity.Warning, "m", "a.sql", 99),
                new Finding("TST001", Severity.Warning, "m", "missing.sql", 1),
            ],
            [],
            [SampleFindings.IndexRule]).WithSnippets(p => p == "a.sql" ? "one\r\ntwo\r\n" : null);

        Assert.All(report.Findings, f => Assert.Null(f.Snippet));
    }

    [Fact]
    public void Windows_line_ends_do_not_leak_into_snippets()
    {
        var report = FindingsReport.Create([new Finding("TST001", Severity.Warning, "m", "a.sql", 2)], [], [])
            .WithSnippets(_ => "one\r\n  two  \r\nthree");

        Assert.Equal("two", report.Findings[0].Snippet);
    }

    [Fact]
    public void Duplicate_findings_and_diagnostics_are_reported_once()
    {
        var finding = new Finding("TST001", Severity.Warning, "m", "a.sql", 2);
        var diagnostic = new Diagnostic("a.sql", 1, "d");

        var report = FindingsReport.Create([finding, finding], [diagnostic, diagnostic], [SampleFindings.IndexRule, SampleFindings.IndexRule]);

        Assert.Single(report.Findings);
        Assert.Single(report.Diagnostics);
        Assert.Single(report.Rules);
    }
}
