using System.Xml.Linq;

namespace BackendArchitect.CSharp;

/// <summary>
/// Recognises an old-style (non-SDK) .NET Framework web project: ASP.NET on System.Web (MVC 5, Web API 2,
/// WebForms) or WCF. Their routes come from Global.asax, RouteConfig, .aspx pages and Web.config, which
/// this tool does not read, so a scan of them must say it is incomplete rather than look clean.
/// </summary>
internal static class LegacyFrameworkProject
{
    /// <summary>Visual Studio's project type GUID of an ASP.NET web application.</summary>
    private const string WebApplicationTypeGuid = "349c5851-65df-11da-9384-00065b846f21";

    private static readonly string[] WebContentExtensions = [".aspx", ".ascx", ".asmx", ".ashx", ".svc", ".asax", ".master"];

    /// <summary>A short description of what the project is, or null when it is not an old-style web project.</summary>
    public static string? WebKind(XElement root)
    {
        var msbuild2003 = root.Name.NamespaceName == "http://schemas.microsoft.com/developer/msbuild/2003" || root.Attribute("ToolsVersion") is not null;
        var version = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "TargetFrameworkVersion")?.Value.Trim();
        if (!msbuild2003 && version is null)
        {
            return null;
        }

        var includes = root.Descendants()
            .Where(e => e.Name.LocalName is "Content" or "Compile" or "None" or "Reference")
            .Select(e => ((string?)e.Attribute("Include") ?? "").Replace('\\', '/'))
            .ToArray();
        var systemWeb = includes.Any(i => i == "System.Web" || i.StartsWith("System.Web,", StringComparison.Ordinal) || i.StartsWith("System.Web.Mvc", StringComparison.Ordinal) || i.StartsWith("System.Web.Http", StringComparison.Ordinal));
        var pages = includes.Where(i => WebContentExtensions.Any(x => i.EndsWith(x, StringComparison.OrdinalIgnoreCase))).ToArray();
        var webConfig = includes.Any(i => i.Equals("Web.config", StringComparison.OrdinalIgnoreCase) || i.EndsWith("/Web.config", StringComparison.OrdinalIgnoreCase));
        var typeGuids = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "ProjectTypeGuids")?.Value ?? "";
        if (!systemWeb && pages.Length == 0 && !webConfig && !typeGuids.Contains(WebApplicationTypeGuid, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var what = pages.Any(p => p.EndsWith(".aspx", StringComparison.OrdinalIgnoreCase)) ? "ASP.NET WebForms"
            : pages.Any(p => p.EndsWith(".svc", StringComparison.OrdinalIgnoreCase)) ? "WCF"
            : "ASP.NET on System.Web";
        var framework = version is null ? "" : $" {version}";
        return $"old-style .NET Framework{framework} project ({what})";
    }
}
