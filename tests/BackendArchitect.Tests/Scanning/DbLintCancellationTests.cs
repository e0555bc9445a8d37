using BackendArchitect.Findings;
using BackendArchitect.Scanning;
using BackendArchitect.Sql;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Scanning;

/// <summary>A host's cancellation stops `db lint` work, with nothing partial returned.</summary>
public sealed class DbLintCancellationTests
{
    [Fact]
    public void A_cancelled_token_stops_the_lint()
    {
        using var dir = new TempDirectory();
        dir.Write("migrations/V1__init.sql", "CREATE TABLE account (id bigint PRIMARY KEY, email text NOT NULL);\n");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => DbLintEngine.Lint([dir.Path], SqlDialect.PostgreSql, new LintOptions(), cancelled.Token));
    }

    [Fact]
    public void An_uncancelled_token_lints_as_before()
    {
        using var dir = new TempDirectory();
        dir.Write("migrations/V1__init.sql", "CREATE TABLE account (id bigint PRIMARY KEY, email text NOT NULL);\nCREATE INDEX account_email ON account (email);\n");
        using var live = new CancellationTokenSource();

        var withToken = DbLintEngine.Lint([dir.Path], SqlDialect.PostgreSql, new LintOptions(), live.Token);
        var without = DbLintEngine.Lint([dir.Path], SqlDialect.PostgreSql, new LintOptions());

        Assert.Equal(without.Findings.Select(f => f.Code), withToken.Findings.Select(f => f.Code));
        Assert.Single(withToken.Sets);
    }
}
