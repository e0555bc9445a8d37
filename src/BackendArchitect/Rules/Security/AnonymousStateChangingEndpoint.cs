using BackendArchitect.Findings;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC001: an endpoint that changes state is reachable anonymously because nothing asks for authorization.</summary>
public sealed class AnonymousStateChangingEndpoint : ICodeRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC001",
        "anonymous-state-changing-endpoint",
        "security",
        Severity.Warning,
        "An endpoint that changes state can be called without authentication, and nothing says that is meant.",
        "The service authenticates its callers, but this POST, PUT, PATCH or DELETE endpoint has no authorization of its own "
            + "and none reaches it from its controller, route group, global filters or a fallback policy: its effective policy is "
            + "anonymous. It is usually a forgotten [Authorize] or RequireAuthorization() on code added later, and anyone on the "
            + "network can change data through it. Sign-in, registration, token and password-recovery routes, ASP.NET Core Identity's "
            + "MapIdentityApi endpoints and inbound callbacks (webhooks) are left out, and so are "
            + "endpoints marked [AllowAnonymous], which say they are open on purpose, and endpoints with a custom attribute or endpoint "
            + "filter that may check the caller itself.",
        "[Authorize]\npublic class OrdersController : ControllerBase { ... }\n\n// Program.cs\napp.MapDelete(\"/api/products/{id}\", DeleteProduct);",
        "app.MapDelete(\"/api/products/{id}\", DeleteProduct)\n    .RequireAuthorization(\"CatalogManager\");\n\n// or once for every endpoint:\nbuilder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);",
        [
            "https://learn.microsoft.com/aspnet/core/security/authorization/secure-data#require-authenticated-users",
            "https://owasp.org/Top10/A01_2021-Broken_Access_Control/",
        ],
        ["CWE-306", "CWE-862", "OWASP-A01:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    public IEnumerable<Finding> Check(CodeReviewContext context)
    {
        var model = context.Model;
        foreach (var endpoint in model.Endpoints)
        {
            if (endpoint.Auth.Required != false || !EndpointFacts.IsExplicitWrite(endpoint) || !EndpointFacts.IsHttpEndpoint(endpoint)
                || EndpointFacts.ExplicitlyAnonymous(endpoint) || EndpointFacts.IsAuthenticationFlow(endpoint) || EndpointFacts.IsInboundCallback(endpoint)
                || !EndpointFacts.ServiceAuthenticates(model, endpoint.Service) || AuthorizationFilters.MayAuthorize(context, endpoint))
            {
                continue;
            }

            yield return Finding.At(
                Metadata,
                endpoint.Location,
                $"{EndpointFacts.Describe(endpoint)} ({endpoint.Handler}) changes state and is reachable without authentication: no [Authorize], RequireAuthorization() or fallback policy applies to it, while service {endpoint.Service} authenticates its other endpoints.",
                "Require authorization on the endpoint or its group (RequireAuthorization(\"Policy\") / [Authorize(Policy = ...)]), or set a fallback policy; mark it [AllowAnonymous] only if it is meant to be public.");
        }
    }
}
