using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC037: a JWT from the request decoded with ReadJwtToken/ReadToken and its claims used, with no ValidateToken in the same method.</summary>
public sealed class JwtDecodedWithoutValidation : ISyntaxRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC037",
        "jwt-decoded-without-validation",
        "security",
        Severity.Error,
        "A token taken from the request is decoded with ReadJwtToken/ReadToken/ReadJsonWebToken and its claims are used, while the method never calls ValidateToken.",
        "ReadJwtToken and its siblings only split the token and decode its Base64 parts: they check neither the signature nor the "
            + "expiry, the issuer or the audience. Anyone can write a token with \"sub\": \"admin\" and any signature (or none); code "
            + "that reads the caller's id or roles from such a decoded token trusts whatever the caller typed. Decoding is fine to "
            + "peek at a token before validating it (the key id in the header) or to read a token the service itself received from "
            + "its identity provider; the rule reports a method that takes the token from the request (a header, a cookie, the query "
            + "or an HttpContext), reads its claims or payload, and validates nothing in the same method.",
        "var raw = Request.Headers.Authorization.ToString()[\"Bearer \".Length..];\nvar jwt = new JwtSecurityTokenHandler().ReadJwtToken(raw);\nvar userId = jwt.Claims.First(c => c.Type == \"sub\").Value;",
        "// Let the JwtBearer handler validate the token and read the claims from the principal:\nvar userId = User.FindFirstValue(ClaimTypes.NameIdentifier);\n\n// or validate it yourself before trusting it:\nvar result = await new JsonWebTokenHandler().ValidateTokenAsync(raw, validationParameters);\nif (!result.IsValid) return Unauthorized();",
        [
            "https://learn.microsoft.com/dotnet/api/system.identitymodel.tokens.jwt.jwtsecuritytokenhandler.readjwttoken",
            "https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html",
            "https://owasp.org/Top10/A07_2021-Identification_and_Authentication_Failures/",
        ],
        ["CWE-345", "CWE-347", "OWASP-A07:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    private static readonly string[] Decoders = ["ReadJwtToken", "ReadToken", "ReadJsonWebToken"];

    // What the decoded token gives that code goes on to trust.
    private static readonly string[] ClaimMembers = ["Claims", "Payload", "Subject", "Actor", "GetClaim", "TryGetClaim", "GetPayloadValue", "TryGetPayloadValue"];

    // Where a token from the caller comes from.
    private static readonly string[] RequestSources = ["Request", "HttpContext", "Headers", "Authorization", "Cookies", "Query"];

    public IEnumerable<Finding> Check(SyntaxReviewContext context)
    {
        foreach (var document in context.Corpus.Documents)
        {
            var text = document.File.Text;
            if (!text.Contains("ReadJwtToken", StringComparison.Ordinal) && !text.Contains("ReadToken", StringComparison.Ordinal) && !text.Contains("ReadJsonWebToken", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var method in Scopes(document.Root))
            {
                var calls = method.DescendantNodes().OfType<InvocationExpressionSyntax>().ToList();
                var decode = calls.FirstOrDefault(c => SyntaxHelpers.InvokedName(c) is { } name && Decoders.Contains(name) && c.ArgumentList.Arguments.Count == 1 && IsTokenHandler(c));
                if (decode is null || calls.Any(c => SyntaxHelpers.InvokedName(c)?.StartsWith("ValidateToken", StringComparison.Ordinal) == true)
                    || !method.DescendantNodes().OfType<SimpleNameSyntax>().Any(n => ClaimMembers.Contains(n.Identifier.ValueText))
                    || !FromRequest(method) || DevelopmentOnly.Runs(decode))
                {
                    continue;
                }

                yield return Finding.At(
                    Metadata,
                    document.LocationOf(CallSites.NameOf(decode)),
                    $"{SyntaxHelpers.InvokedName(decode)}() decodes the caller's token without checking its signature or expiry, and the claims read from it are trusted: anyone can write a token with the claims they want.",
                    "Let the JwtBearer handler validate the token and read claims from HttpContext.User, or call ValidateToken(Async) with TokenValidationParameters and use the validated result.");
            }
        }
    }

    /// <summary>Methods, and the top-level lambdas of minimal APIs and middleware.</summary>
    private static IEnumerable<SyntaxNode> Scopes(SyntaxNode root) =>
        root.DescendantNodes().Where(n => n is BaseMethodDeclarationSyntax
            || n is AnonymousFunctionExpressionSyntax && !n.Ancestors().Any(a => a is BaseMethodDeclarationSyntax or AnonymousFunctionExpressionSyntax));

    /// <summary>A JwtSecurityTokenHandler or JsonWebTokenHandler: created inline, a field or local named like one, or typed as one.</summary>
    private static bool IsTokenHandler(InvocationExpressionSyntax call)
    {
        var receiver = SyntaxHelpers.Receiver(call)?.ToString() ?? "";
        return receiver.Contains("TokenHandler", StringComparison.OrdinalIgnoreCase) || receiver.Contains("handler", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when the method reads the token from the request, or is given the HTTP context it comes from.</summary>
    private static bool FromRequest(SyntaxNode method) =>
        method.DescendantNodes().OfType<IdentifierNameSyntax>().Any(i => RequestSources.Contains(i.Identifier.ValueText))
        || method.DescendantNodes().OfType<ParameterSyntax>().Any(p => p.Type?.ToString() is "HttpContext" or "HttpRequest");
}
