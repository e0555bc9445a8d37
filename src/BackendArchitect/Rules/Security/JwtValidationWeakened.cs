using System.Collections.Frozen;
using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC025: token validation parameters that switch off a check of the token's signature, lifetime or issuer.</summary>
public sealed class JwtValidationWeakened : ISyntaxRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC025",
        "jwt-validation-weakened",
        "security",
        Severity.Error,
        "TokenValidationParameters switch off a check that decides whether a token is genuine: its signature, its expiry or its issuer.",
        "JwtBearer and OpenID Connect hand every incoming token to TokenValidationParameters. RequireSignedTokens = false accepts "
            + "tokens without a signature (\"alg\": \"none\"), so anyone can write their own claims; a SignatureValidator that returns "
            + "the parsed token without checking it, or ValidAlgorithms that list \"none\", do the same. ValidateLifetime = false keeps "
            + "an expired or stolen token valid forever, RequireExpirationTime = false accepts tokens that never expire, and "
            + "ValidateIssuer = false accepts a token "
            + "from any issuer whose keys the service trusts, such as another tenant of a shared identity provider. Each switched-off "
            + "check is reported where it is set; code that runs only under IsDevelopment() is left out. ValidateAudience = false is "
            + "not reported (a single API often has no audience of its own), nor is ValidateIssuerSigningKey = false, which is the "
            + "default and does not turn off the signature check, nor the lifetime check in a method that reads expired tokens for a refresh.",
        "options.TokenValidationParameters = new TokenValidationParameters\n{\n    ValidateIssuer = false,\n    ValidateLifetime = false,\n    RequireSignedTokens = false,\n    IssuerSigningKey = signingKey,\n};",
        "options.TokenValidationParameters = new TokenValidationParameters\n{\n    ValidIssuer = jwt.Issuer,\n    ValidAudience = jwt.Audience,\n    IssuerSigningKey = signingKey,\n    ClockSkew = TimeSpan.FromMinutes(1),\n};",
        [
            "https://learn.microsoft.com/dotnet/api/microsoft.identitymodel.tokens.tokenvalidationparameters",
            "https://learn.microsoft.com/aspnet/core/security/authentication/configure-jwt-bearer-authentication",
            "https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html",
            "https://owasp.org/Top10/A07_2021-Identification_and_Authentication_Failures/",
        ],
        ["CWE-347", "CWE-613", "CWE-287", "OWASP-A07:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    private static readonly FrozenDictionary<string, (Severity Severity, string LetsThrough)> Checks = new Dictionary<string, (Severity, string)>(StringComparer.Ordinal)
    {
        ["RequireSignedTokens"] = (Severity.Error, "tokens without a signature, so anyone can forge claims"),
        ["ValidateLifetime"] = (Severity.Error, "expired tokens, so a leaked token never stops working"),
        ["RequireExpirationTime"] = (Severity.Warning, "tokens without an expiry time, which stay valid forever"),
        ["ValidateIssuer"] = (Severity.Warning, "tokens from any issuer whose signing keys the service trusts"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> TokenTypes = FrozenSet.ToFrozenSet(["JwtSecurityToken", "JsonWebToken"], StringComparer.Ordinal);

    public IEnumerable<Finding> Check(SyntaxReviewContext context)
    {
        foreach (var document in context.Corpus.Documents)
        {
            if (!document.File.Text.Contains("TokenValidationParameters", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (assignment, member) in SettingAssignments.In(document.Root))
            {
                if (!IsOnValidationParameters(assignment) || DevelopmentOnly.Runs(assignment))
                {
                    continue;
                }

                if (Checks.TryGetValue(member, out var check) && SettingAssignments.IsFalse(assignment.Right) && !ReadsExpiredTokens(assignment, member))
                {
                    yield return Finding.At(
                        Metadata,
                        document.LocationOf(assignment),
                        $"{member} = false: token validation accepts {check.LetsThrough}.",
                        $"Remove '{member} = false' (the check is on by default) and configure what it checks instead.") with
                    { Severity = check.Severity };
                }
                else if (member == "ValidAlgorithms" && AllowsNone(assignment.Right))
                {
                    yield return Finding.At(
                        Metadata,
                        document.LocationOf(assignment),
                        "ValidAlgorithms admits \"none\": a token whose header says alg=none carries no signature, so anyone can forge its claims.",
                        "List only the signing algorithms the issuer uses, e.g. ValidAlgorithms = [SecurityAlgorithms.RsaSha256].") with
                    { Severity = Severity.Error };
                }
                else if (member == "SignatureValidator" && SkipsValidation(assignment.Right))
                {
                    yield return Finding.At(
                        Metadata,
                        document.LocationOf(assignment),
                        "SignatureValidator returns the parsed token without checking its signature: every token is accepted as genuine, whoever wrote it.",
                        "Remove the SignatureValidator and give IssuerSigningKey(s) or the authority's metadata, so the handler checks the signature.");
                }
            }
        }
    }

    private static bool IsOnValidationParameters(AssignmentExpressionSyntax assignment) =>
        SettingAssignments.TargetName(assignment) is "TokenValidationParameters";

    /// <summary>
    /// A refresh flow reads the claims of the expired access token it replaces (GetPrincipalFromExpiredToken), with
    /// the signature still checked: its method's name says so, and the lifetime check is off there on purpose.
    /// </summary>
    private static bool ReadsExpiredTokens(AssignmentExpressionSyntax assignment, string member) =>
        member is "ValidateLifetime" or "RequireExpirationTime"
        && assignment.FirstAncestorOrSelf<MethodDeclarationSyntax>()?.Identifier.ValueText is { } method
        && (method.Contains("Expired", StringComparison.OrdinalIgnoreCase) || method.Contains("Refresh", StringComparison.OrdinalIgnoreCase));

    /// <summary>An algorithm list that names "none" (as a string or SecurityAlgorithms.None).</summary>
    private static bool AllowsNone(ExpressionSyntax value) =>
        value.DescendantNodesAndSelf().Any(n => n switch
        {
            LiteralExpressionSyntax literal => string.Equals(SyntaxHelpers.LiteralString(literal), "none", StringComparison.OrdinalIgnoreCase),
            MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "SecurityAlgorithms" }, Name.Identifier.ValueText: "None" } => true,
            _ => false,
        });

    /// <summary>A lambda whose every result is a token built from the raw text, with no call that could check it.</summary>
    private static bool SkipsValidation(ExpressionSyntax value)
    {
        if (value is not AnonymousFunctionExpressionSyntax lambda)
        {
            return false;
        }

        var results = lambda.ExpressionBody is { } body
            ? [body]
            : lambda.Block?.DescendantNodes().OfType<ReturnStatementSyntax>().Select(r => r.Expression).OfType<ExpressionSyntax>().ToList() ?? [];
        var calls = lambda.DescendantNodes().OfType<InvocationExpressionSyntax>().Any();
        return results.Count > 0 && !calls
            && results.All(r => r is ObjectCreationExpressionSyntax { Type: var type } && TokenTypes.Contains(type is QualifiedNameSyntax q ? q.Right.Identifier.ValueText : type.ToString()));
    }
}
