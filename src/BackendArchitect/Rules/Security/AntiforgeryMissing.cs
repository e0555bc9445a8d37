using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC035: a form post that a signed-in user's cookie authorizes, accepted without an antiforgery token.</summary>
public sealed class AntiforgeryMissing : ICodeRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC035",
        "antiforgery-missing",
        "security",
        Severity.Warning,
        "In a service that signs users in with a cookie, an MVC action that accepts a form POST without antiforgery validation, or a page, action or minimal API that turns validation off.",
        "The browser sends the sign-in cookie with every request to the site, including a form another website submits in the "
            + "background: without an antiforgery token that site can change the victim's email, transfer money or delete data "
            + "as the victim (cross-site request forgery). MVC controllers validate the token only where [ValidateAntiForgeryToken] "
            + "or [AutoValidateAntiforgeryToken] is applied, on the action, the controller, a base controller or as a global filter; "
            + "Razor Pages and minimal APIs with form binding validate by default, until [IgnoreAntiforgeryToken] or "
            + "DisableAntiforgery() turns it off. SameSite=Lax cookies narrow the attack but do not cover same-site origins and "
            + "older browsers. [ApiController] controllers that read JSON bodies, endpoints that only bearer tokens authorize, "
            + "anonymous endpoints, PUT, PATCH and DELETE (which a form cannot send) and services whose auth cookie is SameSite=Strict "
            + "are left out.",
        "[Authorize]\npublic class ProfileController : Controller\n{\n    [HttpPost]\n    public async Task<IActionResult> ChangeEmail(ChangeEmailForm form) { ... }\n}",
        "builder.Services.AddControllersWithViews(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));\n\n[Authorize]\npublic class ProfileController : Controller\n{\n    [HttpPost]\n    [ValidateAntiForgeryToken]\n    public async Task<IActionResult> ChangeEmail(ChangeEmailForm form) { ... }\n}",
        [
            "https://learn.microsoft.com/aspnet/core/security/anti-request-forgery",
            "https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html",
            "https://owasp.org/Top10/A01_2021-Broken_Access_Control/",
        ],
        ["CWE-352", "OWASP-A01:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    // A global filter, or an auth cookie the browser never sends with another site's requests.
    private static readonly string[] ServiceWideDefences =
        ["AutoValidateAntiforgeryTokenAttribute", "ValidateAntiForgeryTokenAttribute", "SameSiteMode.Strict"];

    private static readonly string[] Validating = ["ValidateAntiForgeryToken", "AutoValidateAntiforgeryToken"];

    public IEnumerable<Finding> Check(CodeReviewContext context)
    {
        var cookieServices = context.Model.AuthenticationSchemes.Where(s => s.Handler == "Cookie")
            .GroupBy(s => s.Service).ToDictionary(g => g.Key, g => g.Select(s => s.Name).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var defended = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var endpoint in context.Model.Endpoints)
        {
            // A form can only POST: another site's PUT, PATCH or DELETE needs a CORS preflight the service would have to allow.
            if (endpoint.Method != "POST" || endpoint.Auth.Required != true || !cookieServices.TryGetValue(endpoint.Service, out var cookieSchemes)
                || endpoint.Auth.Schemes.Length > 0 && !endpoint.Auth.Schemes.Any(cookieSchemes.Contains) || DevelopmentOnly.Under(endpoint.Condition))
            {
                continue;
            }

            if (!defended.TryGetValue(endpoint.Service, out var serviceDefended))
            {
                serviceDefended = defended[endpoint.Service] = context.Model.Services.FirstOrDefault(s => s.Name == endpoint.Service) is not { } service
                    || ServiceCode.Mentions(context, service, ServiceWideDefences);
            }

            var finding = endpoint.Kind switch
            {
                EndpointKinds.Controller when context.Links.For(endpoint)?.Handler.Node is MethodDeclarationSyntax action => ControllerFinding(context, endpoint, action, serviceDefended),
                EndpointKinds.RazorPage when context.Links.For(endpoint)?.Handler.Node is MethodDeclarationSyntax handler => IgnoredOn(context, endpoint, handler, "the page"),
                EndpointKinds.Minimal => MinimalFinding(context, endpoint),
                _ => null,
            };
            if (finding is not null)
            {
                yield return finding;
            }
        }
    }

    private Finding? ControllerFinding(CodeReviewContext context, Endpoint endpoint, MethodDeclarationSyntax action, bool serviceDefended)
    {
        if (IgnoredOn(context, endpoint, action, "the action") is { } ignored)
        {
            return ignored;
        }

        var types = TypeChain(context, action).ToList();
        var attributes = SyntaxHelpers.Attributes(action).Concat(types.SelectMany(t => SyntaxHelpers.Attributes(t))).Select(SyntaxHelpers.AttributeName).ToList();
        if (serviceDefended || attributes.Any(Validating.Contains) || attributes.Contains("IgnoreAntiforgeryToken") || ReadsJsonOnly(action, attributes.Contains("ApiController")))
        {
            return null;
        }

        return Finding.At(
            Metadata,
            endpoint.Location,
            $"{EndpointFacts.Describe(endpoint)} ({action.Identifier.ValueText}) accepts a form that the sign-in cookie authorizes, without antiforgery validation: another website can submit it as the signed-in user.",
            "Add [ValidateAntiForgeryToken] to the action or [AutoValidateAntiforgeryToken] to the controller, or register AutoValidateAntiforgeryTokenAttribute as a global filter; forms rendered with the form tag helper already carry the token.");
    }

    /// <summary>[IgnoreAntiforgeryToken] on a handler or its class: validation turned off where the cookie authorizes a write.</summary>
    private Finding? IgnoredOn(CodeReviewContext context, Endpoint endpoint, MethodDeclarationSyntax handler, string what)
    {
        var onHandler = SyntaxHelpers.Attributes(handler).FirstOrDefault(IsIgnore);
        var onType = onHandler is null ? handler.Ancestors().OfType<TypeDeclarationSyntax>().SelectMany(t => SyntaxHelpers.Attributes(t)).FirstOrDefault(IsIgnore) : null;
        if ((onHandler ?? onType) is not { } ignore || context.Corpus.Documents.FirstOrDefault(d => d.Tree == ignore.SyntaxTree) is not { } document)
        {
            return null;
        }

        return Finding.At(
            Metadata,
            document.LocationOf(ignore),
            $"[IgnoreAntiforgeryToken] turns off antiforgery validation for {EndpointFacts.Describe(endpoint)}, which the sign-in cookie authorizes: another website can submit it as the signed-in user ({what} {handler.Identifier.ValueText}).",
            "Remove [IgnoreAntiforgeryToken]; a script that posts to it can send the token in the RequestVerificationToken header (IAntiforgery.GetAndStoreTokens).");

        static bool IsIgnore(AttributeSyntax a) => SyntaxHelpers.AttributeName(a) == "IgnoreAntiforgeryToken";
    }

    /// <summary>A minimal API bound from a form whose mapping calls DisableAntiforgery().</summary>
    private Finding? MinimalFinding(CodeReviewContext context, Endpoint endpoint)
    {
        if (!endpoint.Parameters.Any(p => p.Source == "form" || p.Type.Contains("IForm", StringComparison.Ordinal)))
        {
            return null;
        }

        // The mapping's whole fluent chain: DisableAntiforgery() often sits on the next line.
        var document = context.Corpus.Documents.FirstOrDefault(d => d.Path == endpoint.File);
        var mapping = document?.Root.DescendantNodes().OfType<ExpressionStatementSyntax>().FirstOrDefault(s => document.LineOf(s) == endpoint.Line);
        var line = mapping?.ToString() ?? "";
        return line.Contains("DisableAntiforgery()", StringComparison.Ordinal)
            ? Finding.At(
                Metadata,
                endpoint.Location,
                $"{EndpointFacts.Describe(endpoint)} binds a form that the sign-in cookie authorizes and calls DisableAntiforgery(): another website can submit it as the signed-in user.",
                "Remove DisableAntiforgery() and keep app.UseAntiforgery() in the pipeline; forms rendered by the app carry the token.")
            : null;
    }

    /// <summary>
    /// True when every complex parameter is [FromBody] (JSON, which a cross-site form cannot send); in an
    /// [ApiController] complex parameters are [FromBody] unless they say [FromForm].
    /// </summary>
    private static bool ReadsJsonOnly(MethodDeclarationSyntax action, bool apiController)
    {
        var sources = action.ParameterList.Parameters.Select(p => p.AttributeLists.SelectMany(l => l.Attributes).Select(SyntaxHelpers.AttributeName).ToList()).ToList();
        if (action.ParameterList.Parameters.Any(p => p.Type?.ToString().Contains("IForm", StringComparison.Ordinal) == true) || sources.Any(s => s.Contains("FromForm")))
        {
            return false;
        }

        return apiController || sources.Any(s => s.Contains("FromBody"));
    }

    /// <summary>The action's controller and the base controllers the corpus declares, nearest first.</summary>
    private static IEnumerable<TypeDeclarationSyntax> TypeChain(CodeReviewContext context, MethodDeclarationSyntax action)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var type = action.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        while (type is not null && seen.Add(type.Identifier.ValueText))
        {
            yield return type;
            var baseName = SyntaxHelpers.BaseTypeNames(type).FirstOrDefault();
            type = baseName is null ? null : context.Corpus.FindType(SyntaxHelpers.SimpleTypeName(baseName)).Select(t => t.Declaration).OfType<TypeDeclarationSyntax>().FirstOrDefault();
        }
    }
}
