using System.Text.RegularExpressions;
using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>
/// SEC007: who the caller is, or what they may do, decided from a value the client sets: a cookie or form field
/// that is not signed (role=admin), a client IP header (X-Forwarded-For), or an identity header (X-User-Id).
/// </summary>
public sealed partial class ClientDataAuthorization : ISyntaxRule
{
    private static readonly HashSet<string> Collections = new(StringComparer.Ordinal) { "Cookies", "Headers", "Form", "Query" };

    private static readonly HashSet<string> Outcomes = new(StringComparer.Ordinal)
    {
        "Unauthorized", "Forbid", "Challenge", "UnauthorizedResult", "ForbidResult", "ChallengeResult", "UnauthorizedObjectResult",
        "Status401Unauthorized", "Status403Forbidden", "SignInAsync", "ClaimsPrincipal", "ClaimsIdentity", "Succeed", "Fail", "NoResult",
        "UnauthorizedAccessException",
    };

    public RuleMetadata Metadata { get; } = new(
        "SEC007",
        "authorization-from-client-data",
        "security",
        Severity.Error,
        "Access is decided from a value the client sets: an unsigned cookie or form field, an IP header such as X-Forwarded-For, or an identity header.",
        "A request carries whatever the client puts in it. A cookie named role or isAdmin that the server reads as plain text "
            + "(not the authentication cookie, which is encrypted and signed), a hidden form field, a query flag, an "
            + "X-Forwarded-For or X-Real-IP header, or an X-User-Id header is set by the caller with one line of curl, so a check "
            + "built on it lets anyone through. The rule reports such a value read by name and then tested by a condition that "
            + "returns 401/403, challenges, signs in or builds a principal. Identity headers set by a gateway are safe only if "
            + "nothing can reach the service without passing the gateway that strips and sets them; the client IP belongs to "
            + "ForwardedHeaders middleware configured with KnownProxies, read as Connection.RemoteIpAddress.",
        "if (Request.Cookies[\"role\"] != \"admin\")\n{\n    return Forbid();\n}",
        "[Authorize(Roles = \"Admin\")] // roles come from the signed authentication cookie or token\npublic IActionResult Dashboard() => View();",
        [
            "https://owasp.org/www-community/attacks/Cookie_Poisoning",
            "https://learn.microsoft.com/aspnet/core/host-and-deploy/proxy-load-balancer",
            "https://cwe.mitre.org/data/definitions/565.html",
        ],
        ["CWE-565", "CWE-290", "CWE-807", "OWASP-A01:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    public IEnumerable<Finding> Check(SyntaxReviewContext context)
    {
        foreach (var document in context.Corpus.Documents)
        {
            // Most files name Headers or Query somewhere; only a read by a literal key can be reported, so the tree is walked only then.
            if (!ReadShapes().IsMatch(document.File.Text))
            {
                continue;
            }

            foreach (var (read, source, key) in Reads(document.Root))
            {
                if (DevelopmentOnly.Runs(read) || read.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member || !DecidesAccess(member, read))
                {
                    continue;
                }

                yield return Finding.At(
                    Metadata,
                    document.LocationOf(read),
                    $"Access is decided from the {source} '{key}', which the client sets: anyone can send the value that passes this check.",
                    source == "header" && IpHeader().IsMatch(key)
                        ? "Use Connection.RemoteIpAddress behind UseForwardedHeaders with KnownProxies/KnownNetworks set, and authenticate callers rather than trusting their address."
                        : "Decide from the authenticated principal (roles and claims of the signed cookie or token: [Authorize(Roles = ...)], User.IsInRole), not from a value in the request.");
            }
        }
    }

    /// <summary>Reads of an identity, privilege or client-IP value by name: <c>Request.Cookies["role"]</c>, <c>Headers.TryGetValue("X-User-Id", out v)</c>.</summary>
    private static IEnumerable<(SyntaxNode Read, string Source, string Key)> Reads(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case ElementAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax member } access
                    when Collections.Contains(member.Name.Identifier.ValueText) && access.ArgumentList.Arguments.Count == 1
                        && SyntaxHelpers.LiteralString(access.ArgumentList.Arguments[0].Expression) is { } key && Sensitive(member.Name.Identifier.ValueText, key):
                    yield return (access, SourceName(member.Name.Identifier.ValueText), key);
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "TryGetValue", Expression: MemberAccessExpressionSyntax collection } } call
                    when Collections.Contains(collection.Name.Identifier.ValueText) && call.ArgumentList.Arguments.Count == 2
                        && SyntaxHelpers.LiteralString(call.ArgumentList.Arguments[0].Expression) is { } tryKey && Sensitive(collection.Name.Identifier.ValueText, tryKey):
                    yield return (call, SourceName(collection.Name.Identifier.ValueText), tryKey);
                    break;
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "XForwardedFor" or "XRealIP", Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Headers" } } typed:
                    yield return (typed, "header", typed.Name.Identifier.ValueText == "XRealIP" ? "X-Real-IP" : "X-Forwarded-For");
                    break;
            }
        }
    }

    /// <summary>
    /// True when the read, or a local it initializes or fills (out var), is tested by an if statement or a conditional
    /// whose branches deny, challenge, sign in or build a principal, or is put into a claim.
    /// </summary>
    private static bool DecidesAccess(MemberDeclarationSyntax member, SyntaxNode read)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in member.DescendantNodes())
        {
            if (node is VariableDeclaratorSyntax { Initializer.Value: var value } declarator && (value.Span.Contains(read.Span) || Mentions(value, names)))
            {
                names.Add(declarator.Identifier.ValueText);
            }
            else if (node is SingleVariableDesignationSyntax designation && read.Span.Contains(designation.Span))
            {
                names.Add(designation.Identifier.ValueText);
            }
        }

        bool Tests(SyntaxNode condition) => condition.Span.Contains(read.Span) || Mentions(condition, names);

        return member.DescendantNodes().Any(node => node switch
        {
            IfStatementSyntax statement => Tests(statement.Condition) && (Outcome(statement.Statement) || statement.Else is { } e && Outcome(e)),
            ConditionalExpressionSyntax conditional => Tests(conditional.Condition) && (Outcome(conditional.WhenTrue) || Outcome(conditional.WhenFalse)),
            ObjectCreationExpressionSyntax creation => SyntaxHelpers.SimpleTypeName(creation.Type.ToString()) == "Claim" && creation.ArgumentList is { } args && args.Arguments.Skip(1).Any(a => Tests(a)),
            _ => false,
        });
    }

    private static bool Mentions(SyntaxNode node, HashSet<string> names) =>
        names.Count > 0 && node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(id => names.Contains(id.Identifier.ValueText));

    private static bool Outcome(SyntaxNode branch) =>
        branch.DescendantNodesAndSelf().Any(n => n switch
        {
            IdentifierNameSyntax id => Outcomes.Contains(id.Identifier.ValueText),
            LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.NumericLiteralExpression) && literal.Token.ValueText is "401" or "403",
            _ => false,
        });

    private static bool Sensitive(string collection, string key) =>
        collection == "Headers" ? IpHeader().IsMatch(key) || IdentityHeader().IsMatch(key) : PrivilegeKey().IsMatch(key);

    private static string SourceName(string collection) => collection switch
    {
        "Cookies" => "cookie",
        "Headers" => "header",
        "Form" => "form field",
        _ => "query parameter",
    };

    /// <summary>The text of the reads <see cref="Reads"/> finds: a collection indexed or tried by a string literal, or a typed IP header.</summary>
    [GeneratedRegex(@"\b(?:Cookies|Headers|Form|Query)\s*(?:\[\s*@?""|\.TryGetValue\s*\(\s*@?"")|\.X(?:ForwardedFor|RealIP)\b")]
    private static partial Regex ReadShapes();

    [GeneratedRegex(@"(?i)^(?:x-forwarded-for|x-real-ip|x-client-ip|x-originating-ip|x-remote-ip|x-remote-addr|true-client-ip|cf-connecting-ip|x-cluster-client-ip|forwarded)$")]
    private static partial Regex IpHeader();

    [GeneratedRegex(@"(?i)^x-(?:user(?:-?(?:id|name|role|roles))?|role|roles|admin|is-?admin|authenticated|auth-?user|permissions?|access-?level)$")]
    private static partial Regex IdentityHeader();

    [GeneratedRegex(@"(?i)^(?:role|roles|user_?role|is_?admin|admin|is_?superuser|authenticated|is_?authenticated|logged_?in|is_?logged_?in|auth|permissions?|access_?level|user_?id|userid|user_?name|username|privilege)$")]
    private static partial Regex PrivilegeKey();
}
