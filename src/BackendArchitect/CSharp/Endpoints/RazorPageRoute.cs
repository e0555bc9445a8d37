using BackendArchitect.Model;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// Where a page sits in Razor Pages terms: its area (or null), its view engine path relative to the
/// Pages folder ("/Orders/Index", what conventions match) and the route it answers on ("/Orders").
/// </summary>
public sealed record RazorPageRoute(string? Area, string ViewEnginePath, string Route)
{
    /// <summary>
    /// Places a .cshtml under its project's Pages folder (or Areas/&lt;Area&gt;/Pages); null when the file
    /// is outside one or is a partial/layout (name starting with "_").
    /// </summary>
    /// <param name="path">Workspace-relative path of the .cshtml.</param>
    /// <param name="projectDirectory">Directory of the owning project, "." for the root, or null.</param>
    /// <param name="template">The <c>@page</c> template, if any.</param>
    public static RazorPageRoute? Of(string path, string? projectDirectory, string? template)
    {
        var relative = projectDirectory is null or "." || !path.StartsWith(projectDirectory + "/", StringComparison.Ordinal)
            ? path
            : path[(projectDirectory.Length + 1)..];
        var segments = relative.Split('/');
        if (!segments[^1].EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase) || segments[^1].StartsWith('_'))
        {
            return null;
        }

        string? area = null;
        int pagesIndex;
        if (segments.Length >= 4 && segments[0] == "Areas" && segments[2] == "Pages")
        {
            area = segments[1];
            pagesIndex = 2;
        }
        else if (segments.Length >= 2 && segments[0] == "Pages")
        {
            pagesIndex = 0;
        }
        else if (projectDirectory is null)
        {
            // A loose folder with no project file: the first Pages folder is the root.
            pagesIndex = Array.IndexOf(segments, "Pages");
            if (pagesIndex < 0 || pagesIndex == segments.Length - 1)
            {
                return null;
            }

            if (pagesIndex >= 2 && segments[pagesIndex - 2] == "Areas")
            {
                area = segments[pagesIndex - 1];
            }
        }
        else
        {
            return null;
        }

        var pageSegments = segments[(pagesIndex + 1)..].ToList();
        pageSegments[^1] = pageSegments[^1][..^".cshtml".Length];
        var viewEnginePath = "/" + string.Join('/', pageSegments);
        if (pageSegments[^1] == "Index")
        {
            pageSegments.RemoveAt(pageSegments.Count - 1);
        }

        var route = Combine(area is null ? "" : "/" + area, string.Join('/', pageSegments), template);
        return new RazorPageRoute(area, viewEnginePath, route);
    }

    /// <summary>Joins the page path and its template; a template starting with "/" or "~/" replaces the path.</summary>
    private static string Combine(string areaPrefix, string pagePath, string? template)
    {
        template = template?.Trim();
        if (!string.IsNullOrEmpty(template) && (template.StartsWith('/') || template.StartsWith("~/", StringComparison.Ordinal)))
        {
            return "/" + template.TrimStart('~').Trim('/');
        }

        var parts = new[] { areaPrefix.Trim('/'), pagePath.Trim('/'), template?.Trim('/') ?? "" }.Where(p => p.Length > 0);
        return "/" + string.Join('/', parts);
    }

    /// <summary>
    /// The parameters a route template declares, typed from their constraint ("{id:int}" gives int,
    /// no constraint gives string), for handlers that do not bind them themselves.
    /// </summary>
    public static IEnumerable<Parameter> TemplateParameters(string route)
    {
        var i = 0;
        while ((i = route.IndexOf('{', i)) >= 0)
        {
            var end = route.IndexOf('}', i);
            if (end < 0)
            {
                yield break;
            }

            var inner = route[(i + 1)..end].TrimStart('*');
            i = end + 1;
            var colon = inner.IndexOf(':');
            var name = (colon >= 0 ? inner[..colon] : inner).Split('=')[0].TrimEnd('?');
            var constraint = colon >= 0 ? inner[(colon + 1)..].Split(':', '(', '=', '?')[0] : "";
            var type = constraint.ToLowerInvariant() switch
            {
                "int" => "int",
                "long" => "long",
                "bool" => "bool",
                "guid" => "Guid",
                "decimal" => "decimal",
                "double" => "double",
                "float" => "float",
                "datetime" => "DateTime",
                _ => "string",
            };
            if (name.Length > 0)
            {
                yield return new Parameter(name, "route", type);
            }
        }
    }
}
