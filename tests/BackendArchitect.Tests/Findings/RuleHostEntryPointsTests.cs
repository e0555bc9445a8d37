using BackendArchitect.Cli.Commands;
using BackendArchitect.Findings;
using BackendArchitect.Reports.Findings;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Findings;

/// <summary>The rule list and the rule lookup live in the core, so every host prints the same bytes as the CLI.</summary>
public sealed class RuleHostEntryPointsTests
{
    [Fact]
    public void Rules_json_from_the_core_sorts_by_code_and_is_what_the_cli_prints()
    {
        var stdout = new StringWriter();
        RulesCommand.Execute("json", null, [SampleFindings.KeyRule, SampleFindings.IndexRule], stdout, TextWriter.Null);

        var json = RulesJson.Render([SampleFindings.KeyRule, SampleFindings.IndexRule]);

        Assert.Equal(stdout.ToString(), json);
        Assert.True(json.IndexOf("\"TST001\"", StringComparison.Ordinal) < json.IndexOf("\"TST002\"", StringComparison.Ordinal), json);
    }

    [Fact]
    public void Find_matches_a_code_then_a_name_in_any_case_trimmed_and_is_null_for_neither()
    {
        RuleMetadata[] rules = [SampleFindings.KeyRule, SampleFindings.IndexRule];

        Assert.Same(SampleFindings.IndexRule, RuleDocs.Find(" tst001 ", rules));
        Assert.Same(SampleFindings.KeyRule, RuleDocs.Find("TABLE-WITHOUT-PRIMARY-KEY", rules));
        Assert.Null(RuleDocs.Find("NOPE999", rules));
    }
}
