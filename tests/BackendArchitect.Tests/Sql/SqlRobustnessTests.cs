using BackendArchitect.Sql;
using BackendArchitect.Sql.Replay;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Sql;

public class SqlRobustnessTests
{
    private static readonly string[] Noise = ["(", ")", "'", "\"", "$$", ",", ";", "/*", "`", "[", "NOT", "DEFAULT", "BEGIN", "DELIMITER //\n"];

    [Fact]
    public void Truncated_and_corrupted_migrations_never_throw_or_hit_an_internal_error()
    {
        var sources = Directory.GetFiles(Paths.Fixture("sql"), "*.sql", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText);
        var random = new Random(7);
        var parsed = 0;
        foreach (var source in sources)
        {
            for (var cut = 0; cut < source.Length; cut += 13)
            {
                var corrupted = source.Insert(cut, Noise[random.Next(Noise.Length)]);
                foreach (var text in new[] { source[..cut], corrupted })
                {
                    foreach (var dialect in new[] { SqlDialect.PostgreSql, SqlDialect.MySql, SqlDialect.Sqlite })
                    {
                        var result = SqlParser.Parse("fuzz.sql", text, dialect);
                        Assert.DoesNotContain(result.Diagnostics, d => d.Message.StartsWith("statement not understood", StringComparison.Ordinal));
                        new SchemaReplayer(dialect).ReplayAll([Migration.FromParse("fuzz", result)]);
                        parsed++;
                    }
                }
            }
        }

        Assert.True(parsed > 1000);
    }
}
