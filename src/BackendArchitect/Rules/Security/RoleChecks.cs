using System.Text.RegularExpressions;
using BackendArchitect.CSharp;
using BackendArchitect.Linking;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>Role and permission checks written in code rather than in an endpoint's authorization metadata.</summary>
internal static partial class RoleChecks
{
    /// <summary>
    /// True when the handler or a method it calls checks a role or permission: a call to IsInRole, HasClaim,
    /// IAuthorizationService.AuthorizeAsync or a permission check method, or an admin flag tested by an if statement
    /// (<c>if (!current.IsAdmin) return Forbid();</c>). A flag copied or used to pick a value is not a check.
    /// </summary>
    public static bool InCode(LinkedEndpoint? linked) =>
        linked is not null
        && new[] { linked.Handler }.Concat(linked.Methods.Select(m => m.Unit))
            .Select(u => u.Body)
            .Any(body => body is not null && body.DescendantNodes().Any(IsCheck));

    private static bool IsCheck(SyntaxNode node) => node switch
    {
        InvocationExpressionSyntax call => CheckCall().IsMatch(SyntaxHelpers.InvokedName(call) ?? ""),
        IfStatementSyntax statement => statement.Condition.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(id => AdminFlag().IsMatch(id.Identifier.ValueText)),
        _ => false,
    };

    [GeneratedRegex(@"^(?:IsInRole|HasClaim|AuthorizeAsync|Require\w*Role\w*|Ensure\w*(?:Admin|Role|Permission)\w*|\w*HasPermission\w*|Check\w*Permission\w*|IsAdmin\w*|IsSuperUser\w*)$")]
    private static partial Regex CheckCall();

    [GeneratedRegex(@"^(?:IsAdmin\w*|IsSuperUser\w*|IsStaff\w*|IsAdministrator)$")]
    private static partial Regex AdminFlag();
}
