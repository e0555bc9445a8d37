using System.Text.RegularExpressions;

namespace BackendArchitect.Tests.Support;

/// <summary>
/// Rule fixture annotations: <c>-- expect: CODE</c> (SQL), <c>// expect: CODE</c> (C#) or
/// <c># expect: CODE</c> (YAML) at the end of the line where a finding must start, in Razor views
/// <c>@* expect: CODE *@</c> or <c>&lt;!-- expect: CODE --&gt;</c>; several codes may be listed comma-separated. The harness compares the exact set of file:line CODE strings.
/// </summary>
public static partial class ExpectAnnotations
{
    public static IReadOnlyList<string> Expected(string fixtureRoot)
    {
        var result = new List<string>();
        foreach (var file in Directory.EnumerateFiles(fixtureRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(fixtureRoot, file).Replace('\\', '/');
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var m = Expect().Match(lines[i]);
                if (!m.Success)
                {
                    continue;
                }

                foreach (var code in m.Groups["codes"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    result.Add($"{relative}:{i + 1} {code}");
                }
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    [GeneratedRegex(@"(?:--|//|#|@\*|<!--)\s*expect:\s*(?<codes>[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)\s*(?:\*@|-->)?\s*$")]
    private static partial Regex Expect();
}
