using BackendArchitect.Findings;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Replay;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Rules;

/// <summary>
/// Every folder under tests/fixtures/rules/sql/ is one migration set: its .sql files, in name order,
/// are replayed as migrations (dialect from the file names or content) and linted with every rule.
/// The findings must be exactly the <c>-- expect: CODE</c> annotations: misses and false alarms fail.
/// A file named <c>options</c> may hold "pg-version=N" and "lock-timeout" lines.
/// </summary>
public sealed class SqlRuleFixtureTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        var root = Paths.Fixture("rules", "sql");
        if (Directory.Exists(root))
        {
            foreach (var dir in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(dir));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Rules_report_exactly_the_annotated_findings(string fixture)
    {
        var root = Paths.Fixture("rules", "sql", fixture);
        var files = Directory.GetFiles(root, "*.sql").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);
        var dialect = files.Select(f => SqlDialectDetector.Detect(Path.GetFileName(f), File.ReadAllText(f))).FirstOrDefault(d => d != SqlDialect.Unknown);
        var migrations = files.Select(f =>
        {
            var name = Path.GetFileName(f);
            return Migration.FromParse(name, SqlParser.Parse(name, File.ReadAllText(f), dialect));
        }).ToList();

        var (findings, _) = SqlLintRunner.Run(migrations, dialect, ReadOptions(root));

        var actual = findings.Select(f => $"{f.File}:{f.Line} {f.Code}").Order(StringComparer.Ordinal).ToArray();
        SetDiff.AssertSame(ExpectAnnotations.Expected(root), actual, $"Findings of fixture '{fixture}'");
    }

    private static LintOptions ReadOptions(string root)
    {
        var path = Path.Combine(root, "options");
        var options = new LintOptions();
        if (!File.Exists(path))
        {
            return options;
        }

        foreach (var line in File.ReadAllLines(path).Select(l => l.Trim()))
        {
            if (line.StartsWith("pg-version=", StringComparison.Ordinal))
            {
                options = options with { PostgresVersion = int.Parse(line["pg-version=".Length..], System.Globalization.CultureInfo.InvariantCulture) };
            }
            else if (line == "lock-timeout")
            {
                options = options with { RequireLockTimeout = true };
            }
        }

        return options;
    }
}
