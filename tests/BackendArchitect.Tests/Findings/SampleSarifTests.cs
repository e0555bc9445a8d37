using System.Text.Json;
using BackendArchitect.Findings;
using BackendArchitect.Model;
using BackendArchitect.Reports.Findings;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Replay;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Findings;

/// <summary>
/// A real lint run over every SQL rule fixture, with all rules, rendered as SARIF to
/// artifacts/sample.sarif; build.sh validates that file with Microsoft's SARIF Multitool.
/// </summary>
public sealed class SampleSarifTests
{
    private static FindingsReport RealRun()
    {
        var root = Paths.Fixture("rules", "sql");
        var findings = new List<Finding>();
        var diagnostics = new List<Diagnostic>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] cases = Directory.Exists(root) ? [.. Directory.GetDirectories(root).Order(StringComparer.Ordinal)] : [];
        foreach (var dir in cases)
        {
            var files = Directory.GetFiles(dir, "*.sql").Order(StringComparer.Ordinal).ToArray();
            var dialect = files.Select(f => SqlDialectDetector.Detect(Path.GetFileName(f), File.ReadAllText(f))).FirstOrDefault(d => d != SqlDialect.Unknown);
            var migrations = files.Select(f =>
            {
                var relative = Path.GetRelativePath(Paths.RepositoryRoot, f).Replace('\\', '/');
                texts[relative] = File.ReadAllText(f);
                var parsed = SqlParser.Parse(relative, texts[relative], dialect);
                diagnostics.AddRange(parsed.Diagnostics);
                return Migration.FromParse(relative, parsed);
            }).ToList();
            findings.AddRange(SqlLintRunner.Run(migrations, dialect, new LintOptions()).Findings);
        }

        var sample = SampleFindings.ReportWithSnippets();
        return FindingsReport.Create(
                [.. findings, .. sample.Findings],
                [.. diagnostics, .. sample.Diagnostics],
                [.. RuleCatalog.All.Select(r => r.Metadata), .. sample.Rules])
            .WithSnippets(p => texts.GetValueOrDefault(p));
    }

    [Fact]
    public void A_real_run_renders_to_sarif_with_every_result_tied_to_a_rule_and_written_for_ci()
    {
        var report = RealRun();
        var text = SarifReport.Render(report, "0.0.0-test");
        var path = Path.Combine(Paths.RepositoryRoot, "artifacts", "sample.sarif");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);

        using var doc = JsonDocument.Parse(text);
        var run = doc.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(report.Findings.Length, results.Length);
        Assert.All(results, r => Assert.True(r.TryGetProperty("ruleIndex", out _), r.GetProperty("ruleId").GetString()));
        var fingerprints = results.Select(r => r.GetProperty("partialFingerprints").GetProperty(Fingerprints.Key).GetString()).ToArray();
        Assert.Equal(fingerprints.Length, fingerprints.Distinct().Count());
        Assert.Equal(report.Rules.Length, run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
    }

    [Fact]
    public void Every_finding_of_a_real_run_gets_its_offending_line()
    {
        var report = RealRun();

        Assert.All(report.Findings.Where(f => f.File.StartsWith("tests/fixtures/", StringComparison.Ordinal)), f => Assert.False(string.IsNullOrEmpty(f.Snippet), $"{f.File}:{f.Line} {f.Code}"));
    }
}
