using System.Text.Json;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Cli;

/// <summary>`architect review` as a user runs it: formats, exit codes, selection, and output that is sorted and stable.</summary>
public sealed class ReviewCommandTests
{
    private static readonly string Sample = Path.Combine(Paths.RepositoryRoot, "samples", "ShopBackend");

    private static string Fixture(string name) => Paths.Fixture("rules", "cs", name);

    [Fact]
    public void Console_review_shows_the_endpoint_table_then_the_findings_with_their_lines()
    {
        var (code, stdout, stderr) = CliRunner.Run("review", Fixture("SEC001-anonymous-writes"), "--no-progress");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("Endpoints (", stdout, StringComparison.Ordinal);
        var table = stdout.IndexOf("/api/Coupons", StringComparison.Ordinal);
        var finding = stdout.IndexOf("Api/Controllers/CouponsController.cs:14:1 warning SEC001 anonymous-state-changing-endpoint", StringComparison.Ordinal);
        Assert.True(table >= 0 && finding > table, stdout);
        Assert.Contains("14 | public IActionResult Create() => Ok(); // expect: SEC001", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_on_warning_exits_1_when_a_warning_is_found_and_0_on_a_stricter_threshold()
    {
        Assert.Equal(1, CliRunner.Run("review", Fixture("SEC001-anonymous-writes"), "--fail-on", "warning", "--format", "json").Code);
        Assert.Equal(0, CliRunner.Run("review", Fixture("SEC001-anonymous-writes"), "--fail-on", "error", "--format", "json").Code);
    }

    [Fact]
    public void Json_review_carries_findings_sorted_by_place_and_every_endpoint_with_its_auth()
    {
        var (code, stdout, _) = CliRunner.Run("review", Sample, "--format", "json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (File: f.GetProperty("file").GetString()!, Line: f.GetProperty("line").GetInt32(), Column: f.GetProperty("column").GetInt32(), Code: f.GetProperty("code").GetString()!))
            .ToArray();
        Assert.True(findings.Length > 1);
        var sorted = findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Code, StringComparer.Ordinal).ToArray();
        Assert.Equal(sorted, findings);
        Assert.Contains(findings, f => f.Code.StartsWith("SEC", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Code.StartsWith("MIG", StringComparison.Ordinal));

        var endpoints = doc.RootElement.GetProperty("endpoints").EnumerateArray().ToArray();
        var delete = Assert.Single(endpoints, e => e.GetProperty("method").GetString() == "DELETE" && e.GetProperty("route").GetString() == "/api/v1/catalog/products/{id:int}");
        Assert.False(delete.GetProperty("auth").GetProperty("required").GetBoolean());
    }

    [Fact]
    public void The_same_review_gives_the_same_bytes_in_every_machine_format()
    {
        foreach (var format in new[] { "json", "sarif", "markdown" })
        {
            var first = CliRunner.Run("review", Sample, "--format", format).Out;
            var second = CliRunner.Run("review", Sample, "--format", format).Out;
            Assert.Equal(first, second);
        }
    }

    [Fact]
    public void Select_runs_only_the_named_family()
    {
        var (code, stdout, _) = CliRunner.Run("review", Sample, "--format", "json", "--select", "SEC");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.All(doc.RootElement.GetProperty("findings").EnumerateArray(), f => Assert.StartsWith("SEC", f.GetProperty("code").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_path_or_an_unknown_rule_is_one_line_on_stderr_and_exit_code_2()
    {
        var missing = CliRunner.Run("review", Path.Combine(Paths.RepositoryRoot, "no-such-dir"));
        var unknown = CliRunner.Run("review", Sample, "--select", "NOPE9");

        Assert.Equal(2, missing.Code);
        Assert.StartsWith("architect: path not found: ", missing.Err.Trim(), StringComparison.Ordinal);
        Assert.Equal(2, unknown.Code);
        Assert.Equal("architect: --select NOPE9: no rule has this code, name or code prefix (architect rules lists them).", unknown.Err.Trim());
    }

    [Fact]
    public void Markdown_review_ends_with_the_endpoint_table_collapsed()
    {
        var (_, stdout, _) = CliRunner.Run("review", Fixture("SEC001-anonymous-writes"), "--format", "markdown");

        Assert.StartsWith("## Architect findings", stdout, StringComparison.Ordinal);
        var details = stdout.LastIndexOf("<details>\n<summary>", StringComparison.Ordinal);
        Assert.Contains("| POST | `/api/Coupons` | anonymous |", stdout[details..], StringComparison.Ordinal);
    }

    [Fact]
    public void Json_and_sarif_carry_the_end_of_a_sink_and_the_endpoint_it_is_reached_from()
    {
        var json = CliRunner.Run("review", Fixture("SEC010-sql-injection"), "--format", "json").Out;
        var sarif = CliRunner.Run("review", Fixture("SEC010-sql-injection"), "--format", "sarif").Out;

        using var doc = JsonDocument.Parse(json);
        var finding = Assert.Single(doc.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("line").GetInt32() == 15);
        Assert.Equal(10, finding.GetProperty("column").GetInt32());
        Assert.Equal(15, finding.GetProperty("endLine").GetInt32());
        Assert.Equal(77, finding.GetProperty("endColumn").GetInt32());
        var related = Assert.Single(finding.GetProperty("related").EnumerateArray());
        Assert.Equal("Api/Program.cs", related.GetProperty("file").GetString());
        Assert.Equal(13, related.GetProperty("line").GetInt32());
        Assert.StartsWith("endpoint GET /api/products/search", related.GetProperty("message").GetString(), StringComparison.Ordinal);

        using var log = JsonDocument.Parse(sarif);
        var result = Assert.Single(log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray(), r =>
            r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() == 15);
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(15, region.GetProperty("endLine").GetInt32());
        Assert.Equal(77, region.GetProperty("endColumn").GetInt32());
        var location = Assert.Single(result.GetProperty("relatedLocations").EnumerateArray());
        Assert.Equal(1, location.GetProperty("id").GetInt32());
        Assert.Equal(13, location.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.StartsWith("endpoint GET /api/products/search", location.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
