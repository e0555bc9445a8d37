using System.Text.Json;
using BackendArchitect.Cli.Commands;
using BackendArchitect.Findings;
using BackendArchitect.Reports.Findings;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Findings;

public sealed class FindingsCommandsTests
{
    private static readonly RuleMetadata[] Rules = [SampleFindings.KeyRule, SampleFindings.IndexRule];

    private static (int Code, string Out, string Err) Cli(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Explain_prints_the_rule_page_by_code_or_name_in_any_case()
    {
        var byCode = new StringWriter();
        var byName = new StringWriter();

        Assert.Equal(0, ExplainCommand.Execute("tst001", Rules, byCode, TextWriter.Null));
        Assert.Equal(0, ExplainCommand.Execute("Index-Without-Concurrently", Rules, byName, TextWriter.Null));

        Assert.Equal(RuleDocs.Help(SampleFindings.IndexRule), byCode.ToString());
        Assert.Equal(byCode.ToString(), byName.ToString());
    }

    [Fact]
    public void Explain_of_an_unknown_rule_is_one_line_on_stderr_and_exit_code_2()
    {
        var (code, stdout, stderr) = Cli("explain", "NOPE999");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("architect: unknown rule 'NOPE999'; 'architect rules' lists them.", stderr.Trim());
    }

    [Fact]
    public void Rules_json_lists_code_name_category_severity_and_summary_sorted_by_code()
    {
        var stdout = new StringWriter();

        Assert.Equal(0, RulesCommand.Execute("json", null, Rules, stdout, TextWriter.Null));

        using var doc = JsonDocument.Parse(stdout.ToString());
        var rules = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(["TST001", "TST002"], rules.Select(r => r.GetProperty("code").GetString()));
        Assert.Equal("table-without-primary-key", rules[1].GetProperty("name").GetString());
        Assert.Equal("schema", rules[1].GetProperty("category").GetString());
        Assert.Equal("error", rules[1].GetProperty("severity").GetString());
        Assert.Equal("A table has no primary key.", rules[1].GetProperty("summary").GetString());
    }

    [Fact]
    public void Rules_table_and_markdown_show_every_rule()
    {
        var table = new StringWriter();
        var markdown = new StringWriter();

        RulesCommand.Execute("table", null, Rules, table, TextWriter.Null);
        RulesCommand.Execute("markdown", null, Rules, markdown, TextWriter.Null);

        Assert.Contains("TST002", table.ToString());
        Assert.Contains("index-without-concurrently", table.ToString());
        Assert.Contains("2 rules.", table.ToString());
        Assert.Equal(RuleDocs.RenderIndex(Rules), markdown.ToString());
    }

    [Fact]
    public void Rules_write_docs_writes_a_current_folder()
    {
        using var dir = new TempDirectory();

        var code = RulesCommand.Execute("table", dir.Path, Rules, TextWriter.Null, TextWriter.Null);

        Assert.Equal(0, code);
        Assert.Empty(RuleDocs.Check(dir.Path, Rules));
    }

    [Fact]
    public void Rules_command_runs_from_the_command_line()
    {
        var (code, stdout, _) = Cli("rules", "--format", "json");

        Assert.Equal(0, code);
        Assert.Equal(RuleCatalog.All.Length, JsonDocument.Parse(stdout).RootElement.GetArrayLength());
    }

    [Fact]
    public void Rules_json_carries_each_rules_dialects_languages_and_opt_in()
    {
        using var json = JsonDocument.Parse(Cli("rules", "--format", "json").Out);
        var rules = json.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);

        string Facts(string code) =>
            string.Join(" ", rules[code].GetProperty("dialects").EnumerateArray().Select(d => d.GetString()))
            + " | " + string.Join(" ", rules[code].GetProperty("languages").EnumerateArray().Select(d => d.GetString()))
            + " | " + rules[code].GetProperty("optIn").GetBoolean();

        Assert.Equal("sqlite | sql | False", Facts("MIG014"));
        Assert.Equal("postgres | sql | True", Facts("MIG015"));
        Assert.Equal("postgres sqlite | sql | False", Facts("SCH002"));
        Assert.Equal(" | sql | False", Facts("SCH001"));
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData(Severity.Error, 1)]
    [InlineData(Severity.Warning, 1)]
    public void Findings_output_exit_code_follows_fail_on(Severity? failOn, int expected)
    {
        Assert.Equal(expected, FindingsOutput.Write(SampleFindings.Report(), "json", null, failOn, TextWriter.Null, TextWriter.Null));
    }

    [Theory]
    [InlineData("json", "\"schemaVersion\"")]
    [InlineData("sarif", "\"version\": \"2.1.0\"")]
    [InlineData("markdown", "## Architect findings")]
    [InlineData("console", "3 findings: 1 error, 1 warning, 1 note")]
    public void Findings_output_writes_each_format_to_the_named_file_only(string format, string expected)
    {
        using var dir = new TempDirectory();
        var target = Path.Combine(dir.Path, "out.txt");
        var stdout = new StringWriter();

        var code = FindingsOutput.Write(SampleFindings.Report(), format, target, Severity.Error, stdout, TextWriter.Null);

        Assert.Equal(1, code);
        Assert.Equal("", stdout.ToString());
        Assert.Contains(expected, File.ReadAllText(target));
    }

    [Fact]
    public void Findings_output_to_an_unwritable_place_is_exit_code_2_even_when_findings_fail()
    {
        using var dir = new TempDirectory();

        var code = FindingsOutput.Write(SampleFindings.Report(), "json", Path.Combine(dir.Path, "no", "such", "dir", "x.json"), Severity.Note, TextWriter.Null, TextWriter.Null);

        Assert.Equal(2, code);
    }
}
