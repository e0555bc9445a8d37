using System.Text.RegularExpressions;
using BackendArchitect.Model;

namespace BackendArchitect.Tests.Support;

/// <summary>
/// Fixture annotations for endpoints. A comment line <c>// endpoint: GET /api/orders/{id} auth=required roles=Admin</c>
/// (or <c>@* endpoint: ... *@</c> in .cshtml) says that the next code line is where an endpoint is
/// reported. Several annotation lines may stack above one code line. The harness compares the exact
/// set of <c>file:line METHOD route auth=... [policies=..] [roles=..] [schemes=..] [condition=..] [versions=..]</c>
/// strings, so both missed and invented endpoints fail.
/// </summary>
public static partial class EndpointAnnotations
{
    public static IReadOnlyList<string> Expected(string fixtureRoot)
    {
        var result = new List<string>();
        foreach (var file in Directory.EnumerateFiles(fixtureRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(fixtureRoot, file).Replace('\\', '/');
            var lines = File.ReadAllLines(file);
            var pending = new List<string>();
            for (var i = 0; i < lines.Length; i++)
            {
                var m = Annotation().Match(lines[i]);
                if (m.Success)
                {
                    pending.Add(Normalize(m.Groups["body"].Value));
                    continue;
                }

                if (pending.Count > 0 && lines[i].Trim().Length > 0)
                {
                    result.AddRange(pending.Select(p => $"{relative}:{i + 1} {p}"));
                    pending.Clear();
                }
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    public static IReadOnlyList<string> Actual(SystemModel model) =>
        model.Endpoints.Select(Describe).Order(StringComparer.Ordinal).ToArray();

    public static string Describe(Endpoint e)
    {
        var parts = new List<string>
        {
            $"{e.File}:{e.Line}",
            e.Method,
            e.Route,
            "auth=" + e.Auth.Required switch { true => "required", false => "anonymous", null => "unknown" },
        };
        if (e.Auth.Policies.Length > 0)
        {
            parts.Add("policies=" + string.Join(',', e.Auth.Policies));
        }

        if (e.Auth.Roles.Length > 0)
        {
            parts.Add("roles=" + string.Join(',', e.Auth.Roles));
        }

        if (e.Auth.Schemes.Length > 0)
        {
            parts.Add("schemes=" + string.Join(',', e.Auth.Schemes));
        }

        if (e.Condition is not null)
        {
            parts.Add("condition=" + e.Condition.Replace(" ", ""));
        }

        if (e.ApiVersions.Length > 0)
        {
            parts.Add("versions=" + string.Join(',', e.ApiVersions));
        }

        return string.Join(' ', parts);
    }

    /// <summary>Puts the optional parts of an annotation in the order <see cref="Describe"/> writes them.</summary>
    private static string Normalize(string body)
    {
        var tokens = body.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var head = tokens.TakeWhile(t => !t.Contains('=')).ToList();
        var keyed = tokens.Skip(head.Count).ToDictionary(t => t[..t.IndexOf('=')], t => t);
        string[] order = ["auth", "policies", "roles", "schemes", "condition", "versions"];
        return string.Join(' ', head.Concat(order.Where(keyed.ContainsKey).Select(k => keyed[k])));
    }

    [GeneratedRegex(@"^\s*(?://|@\*)\s*endpoint:\s*(?<body>.+?)\s*(?:\*@)?\s*$")]
    private static partial Regex Annotation();
}
