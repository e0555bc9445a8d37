using System.Text.Json;
using BackendArchitect.Findings;
using BackendArchitect.Reports.Findings;

namespace BackendArchitect.Tests.Findings;

public sealed class SarifReportTests
{
    private static JsonElement Run(FindingsReport report)
    {
        using var doc = JsonDocument.Parse(SarifReport.Render(report));
        var root = doc.RootElement.Clone();
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal(SarifReport.Schema, root.GetProperty("$schema").GetString());
        return root.GetProperty("runs").EnumerateArray().Single();
    }

    private static string[] Fingerprints(FindingsReport report) =>
        [.. Run(report).GetProperty("results").EnumerateArray().Select(r => r.GetProperty("partialFingerprints").GetProperty("architect/v1").GetString()!)];

    [Fact]
    public void The_driver_lists_every_rule_that_ran_with_its_help()
    {
        var rules = Run(SampleFindings.Report()).GetProperty("tool").GetProperty("driver");

        Assert.Equal("architect", rules.GetProperty("name").GetString());
        var first = rules.GetProperty("rules")[0];
        Assert.Equal("TST001", first.GetProperty("id").GetString());
        Assert.Equal("IndexWithoutConcurrently", first.GetProperty("name").GetString());
        Assert.Equal("CREATE INDEX on an existing table without CONCURRENTLY.", first.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.StartsWith("A plain CREATE INDEX blocks writes", first.GetProperty("fullDescription").GetProperty("text").GetString());
        Assert.Contains("Use instead:\n    CREATE INDEX CONCURRENTLY", first.GetProperty("help").GetProperty("text").GetString());
        Assert.StartsWith("# TST001: index-without-concurrently", first.GetProperty("help").GetProperty("markdown").GetString());
        Assert.Equal("warning", first.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal(["locking", "migration", "postgres"], first.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void Only_security_rules_carry_a_security_severity_for_code_scanning()
    {
        var rules = Run(SampleFindings.Report()).GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToArray();

        Assert.Equal("2.0", rules[2].GetProperty("properties").GetProperty("security-severity").GetString());
        Assert.False(rules[0].GetProperty("properties").TryGetProperty("security-severity", out _));
    }

    [Fact]
    public void Every_result_points_at_its_rule_by_id_and_index()
    {
        var run = Run(SampleFindings.Report());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");

        var results = run.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(3, results.Length);
        foreach (var result in results)
        {
            var index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[index].GetProperty("id").GetString());
            Assert.True(result.GetProperty("message").GetProperty("text").GetString()!.Length > 0);
        }
    }

    [Fact]
    public void Results_carry_level_and_a_relative_location_under_srcroot()
    {
        var result = Run(SampleFindings.Report()).GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("ruleId").GetString() == "TST001");

        Assert.Equal("warning", result.GetProperty("level").GetString());
        var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("db/migrations/002%20add%20index.sql", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("SRCROOT", physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(2, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(1, physical.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Contains("Fix: Use CREATE INDEX CONCURRENTLY", result.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void A_finding_of_a_rule_that_did_not_run_has_a_rule_id_but_no_index()
    {
        var report = FindingsReport.Create([new Finding("XYZ999", Severity.Error, "m", "a.sql", 1)], [], [SampleFindings.IndexRule]);

        var result = Run(report).GetProperty("results")[0];

        Assert.Equal("XYZ999", result.GetProperty("ruleId").GetString());
        Assert.False(result.TryGetProperty("ruleIndex", out _));
    }

    [Fact]
    public void Diagnostics_are_tool_execution_notifications_with_locations()
    {
        var invocation = Run(SampleFindings.Report()).GetProperty("invocations").EnumerateArray().Single();

        Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notifications = invocation.GetProperty("toolExecutionNotifications").EnumerateArray().ToArray();
        Assert.Equal(2, notifications.Length);
        Assert.Equal("note", notifications[0].GetProperty("level").GetString());
        Assert.False(notifications[0].TryGetProperty("locations", out _));
        Assert.Equal("error", notifications[1].GetProperty("level").GetString());
        var physical = notifications[1].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("db/migrations/003_broken.sql", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(4, physical.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Fingerprints_do_not_change_when_code_moves_down()
    {
        Assert.Equal(Fingerprints(SampleFindings.ReportWithSnippets()), Fingerprints(SampleFindings.ReportWithSnippets(lineShift: 5)));
    }

    [Fact]
    public void Fingerprints_change_when_the_offending_line_or_the_file_changes()
    {
        var original = FindingsReport.Create([new Finding("TST001", Severity.Warning, "m", "a.sql", 1) { Snippet = "CREATE INDEX i ON t (a);" }], [], []);
        var editedLine = FindingsReport.Create([new Finding("TST001", Severity.Warning, "m", "a.sql", 1) { Snippet = "CREATE INDEX i ON t (b);" }], [], []);
        var otherFile = FindingsReport.Create([new Finding("TST001", Severity.Warning, "m", "b.sql", 1) { Snippet = "CREATE INDEX i ON t (a);" }], [], []);
        var reindented = FindingsReport.Create([new Finding("TST001", Severity.Warning, "m", "a.sql", 9) { Snippet = "CREATE   INDEX i ON t (a);" }], [], []);

        var fingerprint = Fingerprints(original).Single();
        Assert.NotEqual(fingerprint, Fingerprints(editedLine).Single());
        Assert.NotEqual(fingerprint, Fingerprints(otherFile).Single());
        Assert.Equal(fingerprint, Fingerprints(reindented).Single());
    }

    [Fact]
    public void Identical_findings_in_one_file_get_distinct_fingerprints()
    {
        var report = FindingsReport.Create(
            [
                new Finding("TST001", Severity.Warning, "m", "a.sql", 1) { Snippet = "x" },
                new Finding("TST001", Severity.Warning, "m", "a.sql", 5) { Snippet = "x" },
            ],
            [],
            []);

        var fingerprints = Fingerprints(report);

        Assert.Equal(fingerprints[0] + ":2", fingerprints[1]);
    }

    [Fact]
    public void The_same_report_renders_to_the_same_bytes_without_timestamps()
    {
        var first = SarifReport.Render(SampleFindings.ReportWithSnippets());

        Assert.Equal(first, SarifReport.Render(SampleFindings.ReportWithSnippets()));
        Assert.DoesNotContain("TimeUtc", first, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", first);
    }

    [Fact]
    public void An_empty_run_still_has_tool_invocation_and_results()
    {
        var run = Run(FindingsReport.Create([], [], []));

        Assert.Equal(0, run.GetProperty("results").GetArrayLength());
        Assert.Equal(0, run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
        Assert.True(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }
}
