using System.Diagnostics;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Replay;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Sql;

public class SqlParserPerformanceTests
{
    [Fact]
    public void A_277_file_migration_folder_parses_and_replays_well_under_a_second()
    {
        var sources = Directory.GetFiles(Paths.Fixture("sql", "migrations-postgres"), "*.sql")
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToArray();
        Assert.NotEmpty(sources);
        var files = Enumerable.Range(0, 277).Select(i => ($"{i:D4}_m.postgres.up.sql", sources[i % sources.Length])).ToArray();
        SqlParser.Parse("warmup.sql", sources[0]);

        var stopwatch = Stopwatch.StartNew();
        var migrations = files.Select(f => Migration.FromParse(f.Item1, SqlParser.Parse(f.Item1, f.Item2))).ToList();
        var steps = new SchemaReplayer(SqlDialect.PostgreSql).Replay(migrations).Count();
        stopwatch.Stop();

        Assert.True(steps > 277);
        Assert.True(stopwatch.ElapsedMilliseconds < 1000, $"took {stopwatch.ElapsedMilliseconds} ms");
    }
}
