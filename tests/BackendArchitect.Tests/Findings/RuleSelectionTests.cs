using BackendArchitect.Findings;
using BackendArchitect.Scanning;

namespace BackendArchitect.Tests.Findings;

public sealed class RuleSelectionTests
{
    private static readonly RuleMetadata[] Rules = [.. RuleCatalog.All.Select(r => r.Metadata)];

    private static RuleMetadata Rule(string code) => RuleCatalog.Find(code)!.Metadata;

    private static string[] Running(RuleSelection selection) =>
        [.. Rules.Where(r => selection.Runs(r)).Select(r => r.Code).Order(StringComparer.Ordinal)];

    [Fact]
    public void Comma_separated_codes_names_and_prefixes_match_without_case()
    {
        var selection = RuleSelection.Parse(["mig001, table-without-primary-key", "Sch01"], null, Rules);

        Assert.Equal(["MIG001", "SCH001", "SCH010", "SCH011", "SCH012", "SCH013", "SCH014", "SCH015", "SCH016"], Running(selection));
    }

    [Fact]
    public void Ignore_wins_over_select_and_a_family_prefix_ignores_the_family()
    {
        var selection = RuleSelection.Parse(["SCH001", "MIG001"], ["MIG"], Rules);

        Assert.Equal(["SCH001"], Running(selection));
        Assert.DoesNotContain(Running(RuleSelection.Parse(null, ["mig"], Rules)), c => c.StartsWith("MIG", StringComparison.Ordinal));
    }

    [Fact]
    public void With_nothing_selected_every_default_rule_runs_and_opt_in_rules_do_not()
    {
        var running = Running(RuleSelection.All);

        Assert.Equal(Rules.Count(r => !r.Applicability.OptIn), running.Length);
        Assert.DoesNotContain("MIG015", running);
    }

    [Fact]
    public void An_opt_in_rule_runs_when_named_or_enabled_by_its_flag_but_not_by_a_prefix()
    {
        var lockTimeout = Rule("MIG015");

        Assert.True(RuleSelection.Parse(["MIG015"], null, Rules).Runs(lockTimeout));
        Assert.True(RuleSelection.Parse(["lock-timeout-missing"], null, Rules).Runs(lockTimeout));
        Assert.False(RuleSelection.Parse(["MIG"], null, Rules).Runs(lockTimeout));
        Assert.True(RuleSelection.All.Runs(lockTimeout, enabled: true));
        Assert.False(RuleSelection.Parse(null, ["MIG015"], Rules).Runs(lockTimeout, enabled: true));
    }

    [Theory]
    [InlineData("--select", "MIG999")]
    [InlineData("--ignore", "no-such-rule")]
    [InlineData("--select", "X")]
    public void An_entry_that_matches_no_rule_is_an_input_error_naming_it(string option, string entry)
    {
        var error = Assert.Throws<InputException>(() => option == "--select"
            ? RuleSelection.Parse(["MIG001", entry], null, Rules)
            : RuleSelection.Parse(null, [entry], Rules));

        Assert.StartsWith($"{option} {entry}:", error.Message, StringComparison.Ordinal);
    }
}
