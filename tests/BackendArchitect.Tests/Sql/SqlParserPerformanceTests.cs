using BackendArchitect.Sql;
using BackendArchitect.Sql.Replay;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Sql;

/// <summary>
/// The size of a real migration history (277 files) replays statement by statement. Speed is
/// measured with bench/, not here: a timed unit test only measures how busy the machine is.
/// </summary>
public class SqlParserPerformanceTests
{
    [Fact]
    public void A_277_file_migration_folder_replays_every_statement()
    {
        var sources = Directory.GetFiles(Paths.Fixture("sql", "migrations-postgres"), "*.sql")
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToArray();
        Assert.NotEmpty(sources);
        var files = Enumerable.Range(0, 277).Select(i => ($"{i:D4}_m.postgres.up.sql", sources[i % sources.Length])).ToArray();

        var parsed = files.Select(f => SqlParser.Parse(f.Item1, f.Item2)).ToList();
        var migrations = files.Zip(parsed, (f, p) => Migration.FromParse(f.Item1, p)).ToList();
        var steps = new SchemaReplayer(SqlDialect.PostgreSql).Replay(migrations).Count();

        Assert.Equal(parsed.Sum(p => p.Statements.Length), steps);
    }
}
