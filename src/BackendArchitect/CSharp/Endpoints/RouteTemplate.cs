using System.Text;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// Route template text the way MVC's attribute routing treats it: combining a controller prefix
/// with an action template, replacing [controller]/[action]/[area] tokens, and the normal form
/// we report (leading "/", no trailing "/", no "//", constraints kept as written).
/// </summary>
public static class RouteTemplate
{
    /// <summary>An action template that ignores the controller prefix ("/x" or "~/x").</summary>
    public static bool IsOverride(string? template) =>
        template is not null && (template.StartsWith('/') || template.StartsWith("~/", StringComparison.Ordinal));

    /// <summary>Combines a controller template and an action template; null means "not attribute routed".</summary>
    public static string? Combine(string? prefix, string? template)
    {
        if (template is null)
        {
            return prefix;
        }

        if (IsOverride(template) || prefix is null)
        {
            return template;
        }

        if (template.Length == 0)
        {
            return prefix;
        }

        return prefix.TrimEnd('/') + "/" + template;
    }

    /// <summary>
    /// Replaces [controller], [action], [area] (case-insensitive names) with their values, and
    /// "[[" / "]]" with literal brackets. Returns the names of tokens it did not know.
    /// </summary>
    public static string ReplaceTokens(string template, IReadOnlyDictionary<string, string> values, ICollection<string> unknownTokens)
    {
        var sb = new StringBuilder(template.Length);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '[' && i + 1 < template.Length && template[i + 1] == '[')
            {
                sb.Append('[');
                i++;
                continue;
            }

            if (c == ']' && i + 1 < template.Length && template[i + 1] == ']')
            {
                sb.Append(']');
                i++;
                continue;
            }

            if (c == '[')
            {
                var end = template.IndexOf(']', i + 1);
                if (end > i)
                {
                    var name = template[(i + 1)..end];
                    if (values.TryGetValue(name, out var value))
                    {
                        sb.Append(value);
                    }
                    else
                    {
                        unknownTokens.Add(name);
                        sb.Append(template, i, end - i + 1);
                    }

                    i = end;
                    continue;
                }
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>The reported form: "~" dropped, leading "/", no trailing "/", no empty segments.</summary>
    public static string Normalize(string route)
    {
        var r = route.Trim();
        if (r.StartsWith('~'))
        {
            r = r[1..];
        }

        var sb = new StringBuilder(r.Length + 1);
        sb.Append('/');
        foreach (var c in r)
        {
            if (c == '/' && sb[^1] == '/')
            {
                continue;
            }

            sb.Append(c);
        }

        if (sb.Length > 1 && sb[^1] == '/')
        {
            sb.Length--;
        }

        return sb.ToString();
    }

    /// <summary>"OrderItems" to "order-items": what a slugify route token transformer does to token values.</summary>
    public static string Kebab(string value)
    {
        var sb = new StringBuilder(value.Length + 4);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (i > 0 && char.IsUpper(c) && char.IsLower(value[i - 1]))
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
