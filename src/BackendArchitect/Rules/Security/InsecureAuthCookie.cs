using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC028: an authentication or session cookie readable by scripts or sent over plain HTTP.</summary>
public sealed class InsecureAuthCookie : ISyntaxRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC028",
        "insecure-auth-cookie",
        "security",
        Severity.Warning,
        "An authentication or session cookie is set with HttpOnly = false, Secure = false or SecurePolicy = CookieSecurePolicy.None outside development.",
        "The cookie that carries a sign-in or a session is the user's identity for as long as it lives. Without HttpOnly any "
            + "script on the page, including one injected through an XSS flaw or a compromised third-party script, can read it and "
            + "send it elsewhere; without Secure the browser also sends it over plain HTTP, where anyone on the network can copy it. "
            + "The rule reads the cookie options of cookie authentication, Identity's application cookie and the session "
            + "(options.Cookie), and CookieOptions passed to Response.Cookies.Append for a cookie named like a session or token. "
            + "The antiforgery cookie, cookies under IsDevelopment() and CookieSecurePolicy.SameAsRequest are not reported.",
        "builder.Services.ConfigureApplicationCookie(o =>\n{\n    o.Cookie.HttpOnly = false;\n    o.Cookie.SecurePolicy = CookieSecurePolicy.None;\n});",
        "builder.Services.ConfigureApplicationCookie(o =>\n{\n    o.Cookie.HttpOnly = true;\n    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;\n    o.Cookie.SameSite = SameSiteMode.Lax;\n});",
        [
            "https://learn.microsoft.com/aspnet/core/security/authentication/cookie",
            "https://learn.microsoft.com/dotnet/api/microsoft.aspnetcore.http.cookiebuilder",
            "https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#cookies",
            "https://owasp.org/Top10/A05_2021-Security_Misconfiguration/",
        ],
        ["CWE-1004", "CWE-614", "OWASP-A05:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    private static readonly string[] AuthCookieWords = ["session", "auth", "token", "jwt", "refresh", "access", "identity", "sid", "remember", "login"];

    public IEnumerable<Finding> Check(SyntaxReviewContext context)
    {
        foreach (var document in context.Corpus.Documents)
        {
            if (!document.File.Text.Contains("Cookie", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (assignment, member) in SettingAssignments.In(document.Root))
            {
                var weakness = member switch
                {
                    "HttpOnly" when SettingAssignments.IsFalse(assignment.Right) => "HttpOnly = false: scripts on the page can read it, so one XSS flaw hands the session to an attacker",
                    "Secure" when SettingAssignments.IsFalse(assignment.Right) => "Secure = false: the browser also sends it over plain HTTP, where anyone on the network can copy it",
                    "SecurePolicy" when SettingAssignments.FlagNames(assignment.Right).Contains("None") => "SecurePolicy = None: the browser also sends it over plain HTTP, where anyone on the network can copy it",
                    _ => null,
                };
                if (weakness is null || CookieOf(assignment) is not { } cookie || DevelopmentOnly.Runs(assignment))
                {
                    continue;
                }

                yield return Finding.At(
                    Metadata,
                    document.LocationOf(assignment),
                    $"{cookie}: {weakness}.",
                    "Keep HttpOnly = true and SecurePolicy = CookieSecurePolicy.Always (Secure = true) on cookies that carry a sign-in or session.");
            }
        }
    }

    /// <summary>Which sign-in or session cookie an assignment configures, or null for other cookies.</summary>
    private static string? CookieOf(AssignmentExpressionSyntax assignment)
    {
        var target = SettingAssignments.TargetName(assignment);
        if (target is "Cookie" or "CookieBuilder" && assignment.FirstAncestorOrSelf<InvocationExpressionSyntax>(i => SyntaxHelpers.InvokedName(i) == "AddAntiforgery") is null)
        {
            var configuring = assignment.Ancestors().OfType<InvocationExpressionSyntax>().Select(SyntaxHelpers.InvokedName).FirstOrDefault(n => n is not null);
            return configuring is null ? "The authentication cookie" : $"The cookie of {configuring}";
        }

        if (target != "CookieOptions" || AppendedCookieName(assignment) is not { } name)
        {
            return null;
        }

        // The double-submit XSRF cookie is meant to be read by the page's scripts.
        var words = SecretNames.Words(name);
        return words.Any(w => AuthCookieWords.Contains(w)) && !words.Any(w => w is "xsrf" or "csrf" or "antiforgery") ? $"Cookie \"{name}\"" : null;
    }

    /// <summary>The name given to Response.Cookies.Append with these options: inline, or through a local of the same method.</summary>
    private static string? AppendedCookieName(AssignmentExpressionSyntax assignment)
    {
        var append = assignment.Ancestors().OfType<InvocationExpressionSyntax>().FirstOrDefault(i => SyntaxHelpers.InvokedName(i) == "Append");
        if (append is null && OptionsLocal(assignment) is { } local)
        {
            append = assignment.FirstAncestorOrSelf<MemberDeclarationSyntax>()?.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .FirstOrDefault(i => SyntaxHelpers.InvokedName(i) == "Append" && i.ArgumentList.Arguments.Any(a => a.Expression is IdentifierNameSyntax id && id.Identifier.ValueText == local));
        }

        return append?.ArgumentList.Arguments.FirstOrDefault()?.Expression switch
        {
            LiteralExpressionSyntax literal => SyntaxHelpers.LiteralString(literal),
            IdentifierNameSyntax constant => constant.Identifier.ValueText,
            MemberAccessExpressionSyntax constant => constant.Name.Identifier.ValueText,
            _ => null,
        };
    }

    /// <summary>The local the options are stored in: <c>var options = new CookieOptions { ... }</c> or <c>options.HttpOnly = false</c>.</summary>
    private static string? OptionsLocal(AssignmentExpressionSyntax assignment) =>
        assignment.Left is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver }
            ? receiver.Identifier.ValueText
            : assignment.Parent is InitializerExpressionSyntax { Parent.Parent: EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } } ? declarator.Identifier.ValueText : null;
}
