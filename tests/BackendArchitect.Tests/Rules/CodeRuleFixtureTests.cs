using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Rules;

/// <summary>
/// Every folder under tests/fixtures/rules/cs/ is a small repository (projects, C#, views, configuration) reviewed
/// the way <c>architect review</c> reviews one, with every rule. The findings must be exactly the
/// <c>// expect: CODE</c> annotations (<c>@* expect: CODE *@</c> in Razor, <c># expect</c> in YAML): a miss, a false
/// alarm or a finding on another line fails. A fixture holds realistic positives and look-alike negatives.
/// </summary>
public sealed class CodeRuleFixtureTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(Paths.Fixture("rules", "cs")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Review_reports_exactly_the_annotated_findings(string fixture)
    {
        var root = Paths.Fixture("rules", "cs", fixture);
        var result = ReviewEngine.Review(root);

        var actual = result.Report.Findings.Select(f => $"{f.File}:{f.Line} {f.Code}").Order(StringComparer.Ordinal).ToArray();
        SetDiff.AssertSame(ExpectAnnotations.Expected(root), actual, $"Findings of review fixture '{fixture}'");
    }
}
