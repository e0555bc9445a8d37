using BackendArchitect.Findings;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC002: [AllowAnonymous] opens an endpoint that changes or removes data, inside a protected controller or route group.</summary>
public sealed class AnonymousOverrideOnWrite : ICodeRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC002",
        "anonymous-override-on-write",
        "security",
        Severity.Warning,
        "[AllowAnonymous] opens a PUT, PATCH or DELETE endpoint that its controller or route group requires authorization for.",
        "ASP.NET Core lets any [AllowAnonymous] (or .AllowAnonymous()) win over every [Authorize] and RequireAuthorization() "
            + "around it. On a read that is how a public page is made; on a PUT, PATCH or DELETE inside a protected controller or "
            + "group it lets anyone change or remove what the rest of the group guards, and it is easy to miss in review because the protection "
            + "is still written one level up. Sign-in, registration, token and password-recovery routes and inbound callbacks "
            + "(webhooks, payment notifications) are left out: they are anonymous by design; so are POSTs, which well-kept APIs open on "
            + "purpose for lookups, forms and recovery flows.",
        "var products = catalog.MapGroup(\"/products\").RequireAuthorization();\nproducts.MapDelete(\"/{id:int}\", DeleteProduct).AllowAnonymous();",
        "var products = catalog.MapGroup(\"/products\").RequireAuthorization();\nproducts.MapDelete(\"/{id:int}\", DeleteProduct)\n    .RequireAuthorization(\"CatalogManager\");",
        [
            "https://learn.microsoft.com/aspnet/core/security/authorization/simple#allowanonymous",
            "https://owasp.org/Top10/A01_2021-Broken_Access_Control/",
        ],
        ["CWE-284", "CWE-862", "OWASP-A01:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    public IEnumerable<Finding> Check(CodeReviewContext context)
    {
        foreach (var endpoint in context.Model.Endpoints)
        {
            if (endpoint.Auth.Required != false || !EndpointFacts.ChangesExisting(endpoint) || !EndpointFacts.IsHttpEndpoint(endpoint)
                || EndpointFacts.IsAuthenticationFlow(endpoint) || EndpointFacts.IsInboundCallback(endpoint))
            {
                continue;
            }

            var overridden = EndpointFacts.OverriddenAuthorization(endpoint);
            if (overridden.Count == 0)
            {
                continue;
            }

            var finding = Finding.At(
                Metadata,
                endpoint.Location,
                $"{EndpointFacts.Describe(endpoint)} ({endpoint.Handler}) changes or removes data and is open to anonymous callers: its allow-anonymous overrides {overridden[0].Detail} ({overridden[0].File}:{overridden[0].Line}).",
                "Remove the AllowAnonymous and require the policy the operation needs; if the endpoint must be public, protect it another way (a signature, a one-time token) and say why in a comment.");
            yield return finding with
            {
                Related = [.. overridden.Select(s => new RelatedLocation(new Model.SourceLocation(s.File, s.Line), "the authorization it overrides: " + s.Detail))],
            };
        }
    }
}
