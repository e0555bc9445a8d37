using BackendArchitect.Workspace;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// What a .cshtml says about routing: whether its first directive is <c>@page</c> (and on which
/// line), the optional route template after it, and the <c>@model</c> type.
/// </summary>
public sealed record RazorPageFile(int PageLine, string? Template, string? ModelType)
{
    /// <summary>Reads the directives of a .cshtml, or null when it is not a routable page.</summary>
    public static RazorPageFile? Read(SourceFile file)
    {
        if (!file.Text.Contains("@page", StringComparison.Ordinal))
        {
            return null;
        }

        var lines = file.Text.Split('\n');
        var pageLine = -1;
        string? template = null;
        string? model = null;
        var inComment = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = StripRazorComments(lines[i], ref inComment).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (pageLine < 0)
            {
                // Razor requires @page before any other content; anything else first means a view or partial.
                if (!IsDirective(line, "page"))
                {
                    return null;
                }

                pageLine = i + 1;
                template = QuotedArgument(line["@page".Length..]);
                continue;
            }

            if (model is null && IsDirective(line, "model"))
            {
                var value = line["@model".Length..].Trim().TrimEnd(';').Trim();
                model = value.Length > 0 ? value : null;
            }
        }

        return pageLine < 0 ? null : new RazorPageFile(pageLine, template, model);
    }

    private static bool IsDirective(string line, string name) =>
        line.StartsWith("@" + name, StringComparison.Ordinal)
        && (line.Length == name.Length + 1 || char.IsWhiteSpace(line[name.Length + 1]) || line[name.Length + 1] == '"');

    private static string? QuotedArgument(string rest)
    {
        var start = rest.IndexOf('"');
        if (start < 0)
        {
            return null;
        }

        var end = rest.IndexOf('"', start + 1);
        return end < 0 ? null : rest[(start + 1)..end];
    }

    /// <summary>Removes <c>@* ... *@</c> comments, which may span lines.</summary>
    internal static string StripRazorComments(string line, ref bool inComment)
    {
        var result = new System.Text.StringBuilder();
        var i = 0;
        while (i < line.Length)
        {
            if (inComment)
            {
                var end = line.IndexOf("*@", i, StringComparison.Ordinal);
                if (end < 0)
                {
                    return result.ToString();
                }

                inComment = false;
                i = end + 2;
                continue;
            }

            var start = line.IndexOf("@*", i, StringComparison.Ordinal);
            if (start < 0)
            {
                result.Append(line, i, line.Length - i);
                break;
            }

            result.Append(line, i, start - i);
            inComment = true;
            i = start + 2;
        }

        return result.ToString();
    }
}
