using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC033: a browser-facing service that neither redirects to HTTPS nor sends HSTS, or sends HSTS only in development.</summary>
public sealed class HttpsNotEnforced : ICodeRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC033",
        "https-not-enforced",
        "security",
        Severity.Warning,
        "A service with cookie sign-in or server-rendered pages has neither UseHttpsRedirection() nor UseHsts() outside development, or calls UseHsts() only in development.",
        "A browser that reaches the site over plain HTTP, from a typed address, an old bookmark or a link, sends the sign-in cookie "
            + "and the login form in clear text, and anyone on the network path can read or change the page. UseHttpsRedirection() "
            + "sends such a browser to HTTPS and UseHsts() tells it to never try HTTP again for the host, which is what the ASP.NET Core "
            + "templates set up outside development. The rule looks only at services browsers use (cookie authentication, Identity, "
            + "Razor Pages, Blazor or MVC views) and stays quiet when TLS is visibly handled in front of the app: forwarded headers, a "
            + "Dockerfile or compose service for it, .NET Aspire service defaults, Kestrel endpoints in configuration or RequireHttps. "
            + "UseHsts() only under IsDevelopment() is reported on its own: the condition is inverted, so production never sends the header.",
        "var app = builder.Build();\napp.UseStaticFiles();\napp.UseAuthentication();\napp.UseAuthorization();\napp.MapRazorPages();",
        "var app = builder.Build();\nif (!app.Environment.IsDevelopment())\n{\n    app.UseExceptionHandler(\"/Error\");\n    app.UseHsts();\n}\napp.UseHttpsRedirection();\napp.UseStaticFiles();\napp.UseAuthentication();\napp.UseAuthorization();\napp.MapRazorPages();",
        [
            "https://learn.microsoft.com/aspnet/core/security/enforcing-ssl",
            "https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Strict_Transport_Security_Cheat_Sheet.html",
            "https://owasp.org/Top10/A02_2021-Cryptographic_Failures/",
        ],
        ["CWE-319", "CWE-523", "OWASP-A02:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    // Text that shows HTTPS is enforced or terminated by something the pipeline model does not follow.
    private static readonly string[] TlsHandledElsewhere =
    [
        "UseHttpsRedirection", "UseHsts", "AddHsts", "RequireHttps", "ForwardedHeaders", "AddServiceDefaults", "ListenAnyIP", "UseHttps(",
    ];

    public IEnumerable<Finding> Check(CodeReviewContext context)
    {
        foreach (var service in context.Model.Services)
        {
            var pipeline = context.Model.Middleware.Where(m => m.Service == service.Name).OrderBy(m => m.Order).ToList();
            foreach (var hsts in pipeline.Where(m => m.Name == "UseHsts" && DevelopmentOnly.Under(m.Condition)))
            {
                yield return Finding.At(
                    Metadata,
                    new SourceLocation(hsts.File, hsts.Line),
                    $"UseHsts() runs only under {hsts.Condition}: browsers are told to insist on HTTPS during development and never in production.",
                    "Invert the condition: call app.UseHsts() when !app.Environment.IsDevelopment(), next to UseExceptionHandler.");
            }

            if (pipeline.Count == 0 || pipeline.Any(m => m.Name is "UseHttpsRedirection" or "UseHsts" && !DevelopmentOnly.Under(m.Condition))
                || pipeline.Any(m => m.Name == "UseForwardedHeaders") || BrowserFacing(context, service) is not { } audience
                || TlsVisiblyHandled(context, service))
            {
                continue;
            }

            yield return Finding.At(
                Metadata,
                PipelineStart(context, pipeline[0]),
                $"{service.Name} serves {audience} but its pipeline has neither UseHttpsRedirection() nor UseHsts(): a browser that comes over HTTP sends the sign-in cookie and form posts in clear text.",
                "Add app.UseHttpsRedirection() and, outside development, app.UseHsts(); if a proxy terminates TLS, configure UseForwardedHeaders() so the app knows the original scheme.");
        }
    }

    /// <summary>What makes a service one browsers use, or null for an API that only programs call.</summary>
    private static string? BrowserFacing(CodeReviewContext context, Service service)
    {
        var endpoints = context.Model.Endpoints.Where(e => e.Service == service.Name).ToList();
        if (endpoints.Count == 0)
        {
            return null;
        }

        if (context.Model.AuthenticationSchemes.FirstOrDefault(s => s.Service == service.Name && s.Handler == "Cookie") is { } cookie)
        {
            return $"cookie sign-in ({cookie.Name})";
        }

        if (endpoints.Any(e => e.Kind is EndpointKinds.RazorPage or EndpointKinds.BlazorPage))
        {
            return "server-rendered pages";
        }

        var views = service.Path == "." ? "Views/" : $"{service.Path}/Views/";
        return endpoints.Any(e => e.Kind == EndpointKinds.Controller)
            && context.Workspace.OfKind(Workspace.FileKind.Razor).Any(f => f.Path.StartsWith(views, StringComparison.Ordinal))
            ? "MVC views"
            : null;
    }

    /// <summary>
    /// True when something in view terminates or enforces TLS for the service: a container image or compose service
    /// (an ingress or proxy in front), Aspire, Kestrel endpoints in configuration, or code the pipeline model does not follow.
    /// </summary>
    private static bool TlsVisiblyHandled(CodeReviewContext context, Service service)
    {
        var prefix = service.Path == "." ? "" : service.Path + "/";
        var inContainer = context.Model.Containers.Any(c => Covers(Directory(c.File), prefix))
            || context.Model.ComposeServices.Any(c => c.Build is { } build && Covers(BuildContext(c.File, build), prefix));
        if (inContainer || context.Model.Configuration.Any(c => c.File.StartsWith(prefix, StringComparison.Ordinal) && c.Key.StartsWith("Kestrel:", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return ServiceCode.Mentions(context, service, TlsHandledElsewhere);
    }

    /// <summary>A Dockerfile in the service's folder or above it (a root Dockerfile builds the only service).</summary>
    private static bool Covers(string dockerfileDirectory, string servicePrefix) =>
        dockerfileDirectory.Length == 0 || servicePrefix.StartsWith(dockerfileDirectory + "/", StringComparison.Ordinal) || (dockerfileDirectory + "/").StartsWith(servicePrefix, StringComparison.Ordinal);

    /// <summary>A compose build context relative to the scan root: "./src/Web" next to compose.yaml in deploy/ gives "deploy/src/Web".</summary>
    private static string BuildContext(string composeFile, string build)
    {
        var parts = new List<string>(Directory(composeFile).Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var part in build.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".." && parts.Count > 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part is not "." and not "..")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    private static string Directory(string path) => path.Contains('/') ? path[..path.LastIndexOf('/')] : "";

    /// <summary>The <c>builder.Build()</c> that creates the app the pipeline belongs to, or else the pipeline's first middleware.</summary>
    private static SourceLocation PipelineStart(CodeReviewContext context, Middleware first)
    {
        var document = context.Corpus.Documents.FirstOrDefault(d => d.Path == first.File);
        var build = document?.Root.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => SyntaxHelpers.InvokedName(i) == "Build" && i.ArgumentList.Arguments.Count == 0 && document.LineOf(i) <= first.Line)
            .LastOrDefault();
        return build is not null ? document!.LocationOf(CallSites.NameOf(build)) : new SourceLocation(first.File, first.Line);
    }
}
