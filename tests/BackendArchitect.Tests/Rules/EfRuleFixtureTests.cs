using BackendArchitect.Findings;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Rules;

/// <summary>
/// Every folder under tests/fixtures/rules/ef/ is a small EF Core project (csproj with its provider and
/// migration classes) linted the way <c>db lint</c> lints it. The findings must be exactly the
/// <c>// expect: CODE</c> annotations (<c>-- expect: CODE</c> inside a migrationBuilder.Sql string), so a
/// finding on another line than the builder call or the SQL it is about fails.
/// </summary>
public sealed class EfRuleFixtureTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(Paths.Fixture("rules", "ef")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Rules_report_exactly_the_annotated_findings_at_the_migration_builder_calls(string fixture)
    {
        var root = Paths.Fixture("rules", "ef", fixture);
        var result = DbLintEngine.Lint([root], null, new LintOptions());

        var actual = result.Findings.Select(f => $"{f.File}:{f.Line} {f.Code}").Order(StringComparer.Ordinal).ToArray();
        SetDiff.AssertSame(ExpectAnnotations.Expected(root), actual, $"Findings of EF fixture '{fixture}'");
    }
}
