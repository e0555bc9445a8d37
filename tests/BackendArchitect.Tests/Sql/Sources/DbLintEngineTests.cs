using BackendArchitect.Findings;
using BackendArchitect.Reports.Findings;
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

    [Fact]
    public void The_report_holds_snippets_from_the_text_the_engine_read_so_no_host_reads_the_files_again()
    {
        DbLintResult result;
        using (var dir = new TempDirectory())
        {
            dir.Write("001_init.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);\n");
            dir.Write("002_index.sql", "-- the lookup by customer\n  CREATE INDEX ix_orders_customer ON orders (customer_id);\n");
            result = DbLintEngine.Lint([dir.Path], null, new LintOptions());
        }

        var finding = Assert.Single(result.Report.Findings, f => f.Code == "MIG001");
        Assert.Equal(("002_index.sql", 2), (finding.File, finding.Line));
        Assert.Equal("CREATE INDEX ix_orders_customer ON orders (customer_id);", finding.Snippet);
    }

    [Fact]
    public void The_report_is_the_one_db_lint_prints()
    {
        var sample = Path.Combine(Paths.RepositoryRoot, "samples", "ShopBackend", "db", "migrations");

        var result = DbLintEngine.Lint([sample], null, new LintOptions());
        var (code, stdout, _) = CliRunner.Run("db", "lint", sample, "--format", "json");

        Assert.Equal(0, code);
        Assert.NotEmpty(result.Report.Findings);
        Assert.All(result.Report.Findings, f => Assert.NotNull(f.Snippet));
        Assert.Equal(stdout, FindingsJson.Render(result.Report));
    }
}
