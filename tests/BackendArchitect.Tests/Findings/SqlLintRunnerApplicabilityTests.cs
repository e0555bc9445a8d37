using BackendArchitect.Findings;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Tests.Findings;

/// <summary>The runner, not the rule, decides where a rule runs: these rules report every statement they are called on.</summary>
public sealed class SqlLintRunnerApplicabilityTests
{
    private sealed class EveryStatement(string code, RuleApplicability applicability) : IMigrationRule
    {
        public RuleMetadata Metadata { get; } = new(code, "every-statement", "migration", Severity.Note, "s", "w", "b", "g", [], []) { Applicability = applicability };

        public IEnumerable<Finding> Check(ReplayStep step, MigrationLintContext context) =>
            [new(Metadata.Code, Metadata.DefaultSeverity, "called", step.Migration.File, step.Statement.Line, 1)];
    }

    private static readonly IRule[] Rules =
    [
        new EveryStatement("TST001", RuleApplicability.AnySql),
        new EveryStatement("TST002", RuleApplicability.Sql(SqlDialect.PostgreSql)),
        new EveryStatement("TST003", RuleApplicability.Sql(SqlDialect.Sqlite)),
        new EveryStatement("TST004", RuleApplicability.Sql(SqlDialect.PostgreSql) with { OptIn = true, EnabledBy = LintOptions.LockTimeoutFlag }),
    ];

    private static string[] Called(SqlDialect dialect, LintOptions options)
    {
        var migration = Migration.FromParse("001_t.sql", SqlParser.Parse("001_t.sql", "CREATE TABLE t (id int PRIMARY KEY);", dialect), null);
        return [.. SqlLintRunner.Run([migration], dialect, options, rules: Rules).Findings.Select(f => f.Code)];
    }

    [Theory]
    [InlineData(SqlDialect.PostgreSql, new[] { "TST001", "TST002" })]
    [InlineData(SqlDialect.Unknown, new[] { "TST001", "TST002" })]
    [InlineData(SqlDialect.Sqlite, new[] { "TST001", "TST003" })]
    [InlineData(SqlDialect.MySql, new[] { "TST001" })]
    [InlineData(SqlDialect.SqlServer, new[] { "TST001" })]
    public void A_dialect_restricted_rule_is_called_only_on_its_dialects(SqlDialect dialect, string[] expected) =>
        Assert.Equal(expected, Called(dialect, new LintOptions()));

    [Fact]
    public void An_opt_in_rule_is_called_only_when_its_flag_or_a_selection_names_it()
    {
        var rules = Rules.Select(r => r.Metadata).ToArray();

        Assert.Contains("TST004", Called(SqlDialect.PostgreSql, new LintOptions(RequireLockTimeout: true)));
        Assert.Equal(["TST004"], Called(SqlDialect.PostgreSql, new LintOptions { Rules = RuleSelection.Parse(["tst004"], null, rules) }));
        Assert.DoesNotContain("TST004", Called(SqlDialect.Sqlite, new LintOptions(RequireLockTimeout: true)));
    }

    [Fact]
    public void Ignored_rules_are_not_called()
    {
        var rules = Rules.Select(r => r.Metadata).ToArray();

        Assert.Equal(["TST002"], Called(SqlDialect.PostgreSql, new LintOptions { Rules = RuleSelection.Parse(null, ["TST001"], rules) }));
    }
}
