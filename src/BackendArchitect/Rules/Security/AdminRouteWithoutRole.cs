using System.Text.RegularExpressions;
using BackendArchitect.Findings;
using BackendArchitect.Model;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC003: an administration route that any signed-in user (or anyone) may call: no role, no policy.</summary>
public sealed partial class AdminRouteWithoutRole : ICodeRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC003",
        "admin-route-without-role",
        "security",
        Severity.Warning,
        "An administration route requires no role or policy: any signed-in user (or anyone) may call it.",
        "A route under /admin (or an Admin area, a backoffice or staff path) says it is meant for operators. [Authorize] alone "
            + "only proves the caller has an account, and registration is usually open, so every customer can call it. The rule "
            + "reads the effective authorization (attributes on the action and its controller, groups, fallback policy) and "
            + "reports admin routes that require neither a role nor a named policy, and admin pages open to anonymous callers. "
            + "Handlers that check a role themselves (IsInRole, HasClaim, IAuthorizationService) or carry a custom filter "
            + "attribute are left out; anonymous writes are SEC001's.",
        "[Authorize]\n[Route(\"api/admin/users\")]\npublic sealed class AdminUsersController : ControllerBase\n{\n    [HttpPost(\"{id}/ban\")]\n    public Task<IActionResult> Ban(string id) => ...;\n}",
        "[Authorize(Roles = \"Admin\")]\n[Route(\"api/admin/users\")]\npublic sealed class AdminUsersController : ControllerBase\n{\n    [HttpPost(\"{id}/ban\")]\n    public Task<IActionResult> Ban(string id) => ...;\n}",
        [
            "https://learn.microsoft.com/aspnet/core/security/authorization/roles",
            "https://owasp.org/API-Security/editions/2023/en/0xa5-broken-function-level-authorization/",
        ],
        ["CWE-285", "OWASP-API5:2023", "OWASP-A01:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    public IEnumerable<Finding> Check(CodeReviewContext context)
    {
        foreach (var endpoint in context.Model.Endpoints)
        {
            if (!EndpointFacts.IsHttpEndpoint(endpoint) || !AdminSegment().IsMatch(endpoint.Route) || EndpointFacts.IsAuthenticationFlow(endpoint)
                || endpoint.Auth.Required is not { } required || !endpoint.Auth.Roles.IsEmpty || !endpoint.Auth.Policies.IsEmpty
                || !required && EndpointFacts.IsExplicitWrite(endpoint)
                || AuthorizationFilters.MayAuthorize(context, endpoint) || RoleChecks.InCode(context.Links.For(endpoint)))
            {
                continue;
            }

            var who = required ? "any signed-in user" : "anyone";
            var finding = Finding.At(
                Metadata,
                endpoint.Location,
                $"{EndpointFacts.Describe(endpoint)} is an administration route and {who} may call it: its authorization names no role or policy.",
                required
                    ? "Require an administrator role or policy on the controller or group ([Authorize(Roles = \"Admin\")], RequireAuthorization(\"Admin\")), not just a signed-in user."
                    : "Require an administrator role or policy ([Authorize(Roles = \"Admin\")] on the controller, RequireAuthorization(\"Admin\") on the group).");
            yield return finding with
            {
                Related = [.. endpoint.Auth.Sources.Select(s => new RelatedLocation(new SourceLocation(s.File, s.Line), "authorization: " + s.Detail))],
            };
        }
    }

    [GeneratedRegex(@"(?i)(?:^|/)(?:admin|administration|administrator|admins|backoffice|back-office|superuser|sysadmin|staff)(?:$|[/{?])")]
    private static partial Regex AdminSegment();
}
