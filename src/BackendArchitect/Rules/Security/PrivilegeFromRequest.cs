using System.Text.RegularExpressions;
using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using BackendArchitect.Linking;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC005: a role, admin flag or permission claim set from what the caller sent (privilege escalation).</summary>
public sealed partial class PrivilegeFromRequest : ICodeRule
{
    private static readonly HashSet<string> RoleGrants = new(StringComparer.Ordinal) { "AddToRoleAsync", "AddToRolesAsync", "AddToRole", "AddToRoles" };

    private static readonly HashSet<string> ClaimGrants = new(StringComparer.Ordinal) { "AddClaimAsync", "AddClaimsAsync", "AddClaim", "AddClaims" };

    public RuleMetadata Metadata { get; } = new(
        "SEC005",
        "privilege-from-request",
        "security",
        Severity.Error,
        "A role, admin flag or permission is set from the request: a caller picks their own privileges.",
        "Registration and profile endpoints that copy a Role, IsAdmin or Permissions value from the request body let the "
            + "caller choose it: sign up with \"role\": \"Admin\" and the account is an administrator. The same holds for "
            + "UserManager.AddToRoleAsync with a role name from the request, and for a role or permission claim built from "
            + "request data into a token or a cookie. The rule follows the bound request into the handler and the methods it "
            + "hands the request to. Endpoints restricted to administrators, handlers that check the caller's role, and values "
            + "compared against allowed choices first are left out.",
        "[AllowAnonymous]\n[HttpPost(\"register\")]\npublic async Task<IActionResult> Register(RegisterRequest request)\n{\n    var user = new AppUser { UserName = request.Email, Role = request.Role };\n    await _users.CreateAsync(user, request.Password);\n    return Ok();\n}",
        "[AllowAnonymous]\n[HttpPost(\"register\")]\npublic async Task<IActionResult> Register(RegisterRequest request)\n{\n    var user = new AppUser { UserName = request.Email, Role = Roles.Customer };\n    await _users.CreateAsync(user, request.Password);\n    return Ok();\n}",
        [
            "https://owasp.org/API-Security/editions/2023/en/0xa3-broken-object-property-level-authorization/",
            "https://cheatsheetseries.owasp.org/cheatsheets/Mass_Assignment_Cheat_Sheet.html",
        ],
        ["CWE-269", "CWE-915", "OWASP-API3:2023", "OWASP-A01:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    public IEnumerable<Finding> Check(CodeReviewContext context)
    {
        foreach (var linked in context.Links.Endpoints)
        {
            var endpoint = linked.Endpoint;
            if (!EndpointFacts.IsHttpEndpoint(endpoint) || EndpointFacts.IsPrivileged(endpoint))
            {
                continue;
            }

            var units = new[] { (linked.Handler, new RequestValues(endpoint, linked.Handler)) }
                .Concat(linked.Methods.Select(m => (m.Unit, RequestValues.InCallee(endpoint, m.Unit))));
            var checksRole = new Lazy<bool>(() => RoleChecks.InCode(linked));
            foreach (var (unit, request) in units)
            {
                if (unit.Body is not { } body || request.IsEmpty)
                {
                    continue;
                }

                foreach (var (at, what, value) in Grants(body, request))
                {
                    if (ComparedFirst(body, value) || checksRole.Value)
                    {
                        continue;
                    }

                    var finding = Finding.At(
                        Metadata,
                        unit.Document.LocationOf(at),
                        $"{EndpointFacts.Describe(endpoint)} sets {what} from the request ({value}): the caller picks its own privileges.",
                        "Set roles and privileges on the server (a fixed default at registration, an administrator-only endpoint to change them); drop the field from the request type.");
                    yield return finding with
                    {
                        Related = [new RelatedLocation(endpoint.Location, "endpoint " + EndpointFacts.Describe(endpoint) + (endpoint.Auth.Required == false ? " (anonymous)" : ""))],
                    };
                }
            }
        }
    }

    /// <summary>Each place a privilege gets a request value: an assignment, a role grant or a role claim.</summary>
    private static IEnumerable<(SyntaxNode At, string What, ExpressionSyntax Value)> Grants(SyntaxNode body, RequestValues request)
    {
        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax assignment when TargetName(assignment.Left) is { } name && PrivilegeMember().IsMatch(name)
                    && !request.Holds(assignment.Left) && request.Holds(assignment.Right):
                    yield return (assignment, name, assignment.Right);
                    break;
                case InvocationExpressionSyntax call when SyntaxHelpers.InvokedName(call) is { } invoked && RoleGrants.Contains(invoked)
                    && call.ArgumentList.Arguments.Count >= 2 && request.Holds(call.ArgumentList.Arguments[1].Expression):
                    yield return (call, "the role", call.ArgumentList.Arguments[1].Expression);
                    break;
                case BaseObjectCreationExpressionSyntax creation when IsClaim(creation) && creation.ArgumentList is { Arguments.Count: >= 2 } arguments
                    && PrivilegeClaim(arguments.Arguments[0].Expression) && request.Holds(arguments.Arguments[1].Expression):
                    yield return (creation, "the " + ClaimLabel(arguments.Arguments[0].Expression) + " claim", arguments.Arguments[1].Expression);
                    break;
            }
        }
    }

    // A role picked from allowed choices (if (request.Role is not ("Buyer" or "Seller")) return BadRequest()) is a choice, not an escalation.
    private static bool ComparedFirst(SyntaxNode body, ExpressionSyntax value)
    {
        var text = Strip(value).ToString();
        return body.DescendantNodes().Any(n => n switch
        {
            BinaryExpressionSyntax b when b.IsKind(SyntaxKind.EqualsExpression) || b.IsKind(SyntaxKind.NotEqualsExpression) =>
                Strip(b.Left).ToString() == text || Strip(b.Right).ToString() == text,
            IsPatternExpressionSyntax p => Strip(p.Expression).ToString() == text,
            SwitchStatementSyntax s => Strip(s.Expression).ToString() == text,
            SwitchExpressionSyntax s => Strip(s.GoverningExpression).ToString() == text,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Contains" } } c =>
                c.ArgumentList.Arguments.Any(a => Strip(a.Expression).ToString() == text),
            _ => false,
        });
    }

    // request.Role ?? "User" is compared as request.Role.
    private static ExpressionSyntax Strip(ExpressionSyntax e) => e switch
    {
        BinaryExpressionSyntax b when b.IsKind(SyntaxKind.CoalesceExpression) => Strip(b.Left),
        ParenthesizedExpressionSyntax p => Strip(p.Expression),
        PostfixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.SuppressNullableWarningExpression) => Strip(p.Operand),
        _ => e,
    };

    private static string? TargetName(ExpressionSyntax left) => left switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax id when left.Parent?.Parent is InitializerExpressionSyntax => id.Identifier.ValueText,
        _ => null,
    };

    private static bool IsClaim(BaseObjectCreationExpressionSyntax creation) => creation switch
    {
        ObjectCreationExpressionSyntax o => SyntaxHelpers.SimpleTypeName(o.Type.ToString()) == "Claim",
        ImplicitObjectCreationExpressionSyntax => creation.Parent switch
        {
            // user.AddClaimAsync(user, new(...)), new List<Claim> { new(...) }, new Claim[] { new(...) }
            ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax call } => ClaimGrants.Contains(SyntaxHelpers.InvokedName(call) ?? ""),
            InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax list } => list.Type.ToString().Contains("Claim", StringComparison.Ordinal),
            InitializerExpressionSyntax { Parent: ArrayCreationExpressionSyntax array } => array.Type.ElementType.ToString() == "Claim",
            _ => false,
        },
        _ => false,
    };

    private static bool PrivilegeClaim(ExpressionSyntax type) => ClaimLabel(type) is "role" or "permission" or "admin" or "scope";

    private static string ClaimLabel(ExpressionSyntax type) =>
        type switch
        {
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Role" } => "role",
            LiteralExpressionSyntax literal when literal.Token.ValueText.ToLowerInvariant() is var t => t switch
            {
                "role" or "roles" => "role",
                "permission" or "permissions" => "permission",
                "admin" or "is_admin" or "isadmin" => "admin",
                "scope" or "scp" => "scope",
                _ => t,
            },
            _ => "",
        };

    [GeneratedRegex(@"^(?:Role|Roles|RoleId|RoleName|RoleNames|UserRole|UserRoles|IsAdmin|IsAdministrator|IsSuperUser|IsSuperuser|IsStaff|IsModerator|Permission|Permissions|AccessLevel|Privilege|Privileges)$")]
    private static partial Regex PrivilegeMember();
}
