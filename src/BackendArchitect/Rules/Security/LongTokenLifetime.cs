using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC038: an access token issued in code to live longer than a day.</summary>
public sealed class LongTokenLifetime : ISyntaxRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC038",
        "long-token-lifetime",
        "security",
        Severity.Warning,
        "A JWT is issued with an expiry more than 24 hours ahead (SecurityTokenDescriptor.Expires or new JwtSecurityToken(expires: ...) with AddDays, AddHours, AddMonths or AddYears).",
        "A bearer token is valid for whoever holds it, and a JWT cannot be revoked before it expires: the service checks its "
            + "signature and expiry, not a session store. A token copied from a log, a browser's storage, a proxy or a phone "
            + "backup keeps working as the user until its expiry, so an access token that lives for days or months turns every "
            + "leak into a long takeover, and logging out or changing the password does not end it. Access tokens are usually "
            + "issued for minutes to an hour and renewed with a refresh token that the server can revoke. The rule reads literal "
            + "lifetimes of tokens that sign a user in (named for access, auth, login or JWT, or carrying the user's id, name, email or "
            + "roles); a method, variable or class named for refresh tokens is left out, and so are signed licenses and invitations "
            + "and lifetimes read from configuration.",
        "var descriptor = new SecurityTokenDescriptor\n{\n    Subject = new ClaimsIdentity(claims),\n    Expires = DateTime.UtcNow.AddDays(30),\n    SigningCredentials = credentials,\n};",
        "var descriptor = new SecurityTokenDescriptor\n{\n    Subject = new ClaimsIdentity(claims),\n    Expires = DateTime.UtcNow.AddMinutes(15),\n    SigningCredentials = credentials,\n};\n// and a revocable refresh token stored server-side for renewal",
        [
            "https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html#token-explicit-revocation-by-the-user",
            "https://datatracker.ietf.org/doc/html/rfc9700#section-2.2.2",
            "https://owasp.org/Top10/A07_2021-Identification_and_Authentication_Failures/",
        ],
        ["CWE-613", "OWASP-A07:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    private const double DayInHours = 24;

    public IEnumerable<Finding> Check(SyntaxReviewContext context)
    {
        foreach (var document in context.Corpus.Documents)
        {
            var text = document.File.Text;
            if (!text.Contains("SecurityTokenDescriptor", StringComparison.Ordinal) && !text.Contains("JwtSecurityToken", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var expiry in Expiries(document.Root))
            {
                if (Hours(expiry) is not { } hours || hours <= DayInHours || ForRefreshTokens(expiry) || !ForSignIn(expiry) || DevelopmentOnly.Runs(expiry))
                {
                    continue;
                }

                yield return Finding.At(
                    Metadata,
                    document.LocationOf(expiry),
                    $"The access token expires {Describe(hours)} after it is issued ({expiry}): a leaked token works as the user for that long, and a JWT cannot be revoked before then.",
                    "Issue access tokens for minutes to an hour (AddMinutes(15)) and renew them with a refresh token the server stores and can revoke.");
            }
        }
    }

    /// <summary>The values given as a token's expiry: <c>Expires = ...</c> on a descriptor, <c>expires: ...</c> or the fourth argument of <c>new JwtSecurityToken</c>.</summary>
    private static IEnumerable<ExpressionSyntax> Expiries(SyntaxNode root)
    {
        foreach (var (assignment, member) in SettingAssignments.In(root))
        {
            if (member == "Expires" && SettingAssignments.TargetName(assignment) is "SecurityTokenDescriptor" or "tokenDescriptor" or "descriptor")
            {
                yield return assignment.Right;
            }
        }

        foreach (var creation in root.DescendantNodes().OfType<ObjectCreationExpressionSyntax>())
        {
            if (creation.Type.ToString() is not ("JwtSecurityToken" or "System.IdentityModel.Tokens.Jwt.JwtSecurityToken") || creation.ArgumentList is not { } arguments)
            {
                continue;
            }

            var expires = arguments.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "expires")
                ?? (arguments.Arguments.Count >= 5 && arguments.Arguments.Take(5).All(a => a.NameColon is null) ? arguments.Arguments[4] : null);
            if (expires is not null)
            {
                yield return expires.Expression;
            }
        }
    }

    /// <summary>The literal lifetime of <c>DateTime.UtcNow.AddDays(30)</c> and its kin, in hours; null when not a literal.</summary>
    private static double? Hours(ExpressionSyntax expiry)
    {
        if (expiry is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var unit, Expression: var from } } call
            || !from.ToString().Contains("Now", StringComparison.Ordinal) || call.ArgumentList.Arguments is not [{ Expression: var amount }]
            || Number(amount) is not { } n)
        {
            return null;
        }

        return unit switch
        {
            "AddMinutes" => n / 60,
            "AddHours" => n,
            "AddDays" => n * 24,
            "AddMonths" => n * 24 * 30,
            "AddYears" => n * 24 * 365,
            _ => null,
        };
    }

    private static double? Number(ExpressionSyntax amount) => amount switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression) => Convert.ToDouble(literal.Token.Value, System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>A refresh token is meant to live long; it is named so in its method, variable or class.</summary>
    private static bool ForRefreshTokens(SyntaxNode expiry) =>
        expiry.Ancestors().Any(a => a switch
        {
            MethodDeclarationSyntax m => m.Identifier.ValueText.Contains("Refresh", StringComparison.OrdinalIgnoreCase),
            LocalFunctionStatementSyntax f => f.Identifier.ValueText.Contains("Refresh", StringComparison.OrdinalIgnoreCase),
            VariableDeclaratorSyntax v => v.Identifier.ValueText.Contains("Refresh", StringComparison.OrdinalIgnoreCase),
            TypeDeclarationSyntax t => t.Identifier.ValueText.Contains("Refresh", StringComparison.OrdinalIgnoreCase),
            _ => false,
        });

    // Names that say the token signs a user in, and claims that name the user; a signed license or invitation has neither.
    private static readonly string[] SignInNames = ["Access", "Auth", "Login", "SignIn", "Jwt", "Bearer", "Session"];

    private static readonly string[] UserClaims = ["NameIdentifier", "Role", "Email", "Sub", "UniqueName", "\"sub\""];

    /// <summary>True when the token is the caller's sign-in: its method or class is named so, or the method puts the user's id, name or roles in it.</summary>
    private static bool ForSignIn(SyntaxNode expiry)
    {
        var method = expiry.FirstAncestorOrSelf<MethodDeclarationSyntax>();
        var names = expiry.Ancestors().OfType<TypeDeclarationSyntax>().Select(t => t.Identifier.ValueText).Append(method?.Identifier.ValueText ?? "");
        if (names.Any(n => SignInNames.Any(s => n.Contains(s, StringComparison.Ordinal))))
        {
            return true;
        }

        return method is not null && (method.ParameterList.Parameters.Any(p => p.Type?.ToString().EndsWith("User", StringComparison.Ordinal) == true)
            || method.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Any(m => m.Expression.ToString() is "ClaimTypes" or "JwtRegisteredClaimNames" && UserClaims.Contains(m.Name.Identifier.ValueText))
            || method.DescendantNodes().OfType<LiteralExpressionSyntax>().Any(l => UserClaims.Contains(l.Token.Text)));
    }

    private static string Describe(double hours) =>
        hours >= 48 && hours % 24 == 0 ? $"{hours / 24:0} days" : $"{hours:0.#} hours";
}
