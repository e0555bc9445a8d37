using BackendArchitect.Findings;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Sql.Sources;

public class DbLintEngineTests
{
    [Fact]
    public void Lint_reads_every_path_and_reports_parse_errors_and_ef_drift_as_diagnostics()
    {
        var result = DbLintEngine.Lint([Paths.Fixture("migrations", "tsql"), Paths.Fixture("migrations", "ef-postgres")], null, new LintOptions());
        Assert.Equal(2, result.Sets.Length);
        Assert.Contains(result.Diagnostics, d => d.Line == 33 && d.Message.StartsWith("T-SQL parse error", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("Customers.Phone", StringComparison.Ordinal));
        Assert.True(result.Schemas.ContainsKey("Migrations"));
        Assert.True(result.Schemas.ContainsKey("."));
    }

    [Fact]
    public void A_missing_path_is_an_input_error()
    {
        Assert.Throws<InputException>(() => DbLintEngine.Lint([Path.Combine(Paths.Fixtures, "no-such-folder")], null, new LintOptions()));
    }
}
