using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Workspace;

/// <summary>
/// A small service behind a Visual Studio style .gitignore, scanned and compared byte for byte with the
/// JSON stored next to it: changes to the walk, the ignore matching or the C# front-end must not move
/// a single byte of the report.
/// </summary>
public sealed class GitIgnoredRepoScanTests
{
    private const string RootPlaceholder = "{fixture}";

    [Fact]
    public void Scan_json_is_byte_identical_to_the_stored_scan()
    {
        var fixture = Paths.Fixture("workspace", "gitignored-repo");
        var expected = File.ReadAllText(Paths.Fixture("workspace", "gitignored-repo.scan.json"));

        var (code, stdout, stderr) = CliRunner.Run("scan", fixture, "--format", "json", "--no-progress");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        // Only the absolute root differs between machines; it is stored as a placeholder.
        var actual = stdout.Replace(JsonString(fixture), JsonString(RootPlaceholder), StringComparison.Ordinal);
        AssertSameText(expected, actual);
    }

    /// <summary>Fails with the first differing line and its neighbours, not two 400-line strings.</summary>
    private static void AssertSameText(string expected, string actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return;
        }

        var want = expected.Split('\n');
        var got = actual.Split('\n');
        var first = Enumerable.Range(0, Math.Min(want.Length, got.Length)).FirstOrDefault(i => want[i] != got[i], Math.Min(want.Length, got.Length));
        string Around(string[] lines) => string.Join("\n", lines.Skip(Math.Max(0, first - 3)).Take(7));
        Assert.Fail($"scan JSON differs from the stored scan at line {first + 1}.\nExpected:\n{Around(want)}\nActual:\n{Around(got)}");
    }

    /// <summary>A JSON string literal escaped as the report escapes (reflection-based serialization is off in the tests).</summary>
    private static string JsonString(string value) =>
        "\"" + System.Text.Json.JsonEncodedText.Encode(value, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";
}
