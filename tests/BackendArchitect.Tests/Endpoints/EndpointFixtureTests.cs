using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Endpoints;

/// <summary>Every folder under tests/fixtures/endpoints is scanned; its annotations are the exact expected endpoint list.</summary>
public sealed class EndpointFixtureTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(Paths.Fixture("endpoints")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Scan_lists_exactly_the_annotated_endpoints(string fixture)
    {
        var root = Paths.Fixture("endpoints", fixture);
        var model = ScanEngine.Scan(root);

        var expected = EndpointAnnotations.Expected(root);
        Assert.NotEmpty(expected);
        SetDiff.AssertSame(expected, EndpointAnnotations.Actual(model), $"Endpoints of fixture '{fixture}'");
    }
}
