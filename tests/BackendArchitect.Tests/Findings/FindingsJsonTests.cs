using System.Text.Json;
using BackendArchitect.Findings;
using BackendArchitect.Reports.Findings;

namespace BackendArchitect.Tests.Findings;

public sealed class FindingsJsonTests
{
    [Fact]
    public void Summary_counts_findings_by_severity_and_diagnostics()
    {
        using var doc = JsonDocument.Parse(FindingsJson.Render(SampleFindings.Report()));
        var summary = doc.RootElement.GetProperty("summary");

        Assert.Equal(3, summary.GetProperty("findings").GetInt32());
        Assert.Equal(1, summary.GetProperty("errors").GetInt32());
        Assert.Equal(1, summary.GetProperty("warnings").GetInt32());
        Assert.Equal(1, summary.GetProperty("notes").GetInt32());
        Assert.Equal(2, summary.GetProperty("diagnostics").GetInt32());
    }

    [Fact]
    public void A_finding_carries_its_rule_name_place_fix_and_snippet()
    {
        using var doc = JsonDocument.Parse(FindingsJson.Render(SampleFindings.ReportWithSnippets()));
        var finding = doc.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "TST001");

        Assert.Equal("index-without-concurrently", finding.GetProperty("name").GetString());
        Assert.Equal("migration", finding.GetProperty("category").GetString());
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Equal("db/migrations/002 add index.sql", finding.GetProperty("file").GetString());
        Assert.Equal(2, finding.GetProperty("line").GetInt32());
        Assert.Equal(1, finding.GetProperty("column").GetInt32());
        Assert.Equal("Use CREATE INDEX CONCURRENTLY outside a transaction.", finding.GetProperty("fix").GetString());
        Assert.Equal("CREATE INDEX idx_orders_customer ON orders (customer_id);", finding.GetProperty("snippet").GetString());
        Assert.Equal(32, finding.GetProperty("fingerprint").GetString()!.Length);
    }

    [Fact]
    public void Absent_values_are_null_rather_than_missing()
    {
        using var doc = JsonDocument.Parse(FindingsJson.Render(SampleFindings.Report()));
        var finding = doc.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "TST002");

        Assert.Equal(JsonValueKind.Null, finding.GetProperty("fix").ValueKind);
        Assert.Equal(JsonValueKind.Null, finding.GetProperty("snippet").ValueKind);
    }

    [Fact]
    public void Diagnostics_keep_file_line_severity_and_message()
    {
        using var doc = JsonDocument.Parse(FindingsJson.Render(SampleFindings.Report()));
        var diagnostic = doc.RootElement.GetProperty("diagnostics")[1];

        Assert.Equal("db/migrations/003_broken.sql", diagnostic.GetProperty("file").GetString());
        Assert.Equal(4, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.StartsWith("Could not parse statement", diagnostic.GetProperty("message").GetString());
    }

    [Fact]
    public void Output_is_identical_across_runs_and_readable()
    {
        var text = FindingsJson.Render(SampleFindings.Report());

        Assert.Equal(text, FindingsJson.Render(SampleFindings.Report()));
        Assert.Contains("<password>", text);
        Assert.EndsWith("}\n", text);
    }
}
