using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC027: a CORS policy that lets every website read the service's responses, with the user's cookies when it also allows credentials.</summary>
public sealed class CorsAllowsAnyOrigin : ISyntaxRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC027",
        "cors-allows-any-origin",
        "security",
        Severity.Warning,
        "A CORS policy accepts every origin (AllowAnyOrigin, WithOrigins(\"*\") or SetIsOriginAllowed(_ => true)); an error when it also allows credentials.",
        "CORS tells the browser which other websites may read the service's responses. SetIsOriginAllowed(_ => true) together with "
            + "AllowCredentials() echoes whatever origin asks and lets it send the user's cookies: any page the user visits can call the "
            + "API as that user and read the answers, which defeats the same-origin policy entirely. ASP.NET Core refuses AllowAnyOrigin() "
            + "with AllowCredentials() at startup, which is why the always-true predicate is the form this takes in practice. Without "
            + "credentials an open policy is still worth a look: a token-only public API can live with it, but responses that depend on "
            + "the caller's network (an intranet service, a cloud metadata-style endpoint) become readable by any website. Policies "
            + "built only under IsDevelopment() are left out.",
        "builder.Services.AddCors(o => o.AddDefaultPolicy(p => p\n    .SetIsOriginAllowed(_ => true)\n    .AllowAnyHeader()\n    .AllowCredentials()));",
        "builder.Services.AddCors(o => o.AddDefaultPolicy(p => p\n    .WithOrigins(builder.Configuration.GetSection(\"Cors:Origins\").Get<string[]>()!)\n    .AllowAnyHeader()\n    .AllowCredentials()));",
        [
            "https://learn.microsoft.com/aspnet/core/security/cors",
            "https://portswigger.net/web-security/cors",
            "https://owasp.org/Top10/A05_2021-Security_Misconfiguration/",
        ],
        ["CWE-942", "CWE-346", "OWASP-A05:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    public IEnumerable<Finding> Check(SyntaxReviewContext context)
    {
        foreach (var document in context.Corpus.Documents)
        {
            var text = document.File.Text;
            if (!text.Contains("AllowAnyOrigin", StringComparison.Ordinal) && !text.Contains("SetIsOriginAllowed", StringComparison.Ordinal)
                && !text.Contains("WithOrigins", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var invocation in document.Root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (AnyOriginForm(invocation) is not { } form || DevelopmentOnly.Runs(invocation))
                {
                    continue;
                }

                var credentials = PolicyScope(invocation).DescendantNodes().OfType<InvocationExpressionSyntax>()
                    .Any(i => SyntaxHelpers.InvokedName(i) == "AllowCredentials");
                var location = document.LocationOf(CallSites.NameOf(invocation));

                // AllowAnyOrigin() and WithOrigins("*") with AllowCredentials() throw when the policy is built, so only the predicate reaches users.
                if (credentials && form.StartsWith("SetIsOriginAllowed", StringComparison.Ordinal))
                {
                    yield return Finding.At(
                        Metadata,
                        location,
                        $"{form} with AllowCredentials(): every website can send requests with the user's cookies and read the responses.",
                        "List the trusted origins with WithOrigins(...) (from configuration), or check the origin against that list in SetIsOriginAllowed.") with
                    { Severity = Severity.Error };
                }
                else if (!credentials)
                {
                    yield return Finding.At(
                        Metadata,
                        location,
                        $"{form}: every website can read this service's responses from a visitor's browser; that is safe only for a public API that relies on no cookies and no network position.",
                        "List the trusted origins with WithOrigins(...), or keep the open policy for the public endpoints only (RequireCors on them).");
                }
            }
        }
    }

    private static string? AnyOriginForm(InvocationExpressionSyntax invocation)
    {
        var arguments = invocation.ArgumentList.Arguments;
        return SyntaxHelpers.InvokedName(invocation) switch
        {
            "AllowAnyOrigin" when arguments.Count == 0 => "AllowAnyOrigin()",
            "WithOrigins" when arguments.Any(a => SyntaxHelpers.LiteralString(a.Expression) == "*") => "WithOrigins(\"*\")",
            "SetIsOriginAllowed" when arguments is [{ Expression: AnonymousFunctionExpressionSyntax { ExpressionBody: { } body } }] && SettingAssignments.IsTrue(body) => "SetIsOriginAllowed(_ => true)",
            _ => null,
        };
    }

    /// <summary>The policy an invocation builds: the lambda given to AddPolicy/AddDefaultPolicy/UseCors, or else its whole fluent chain.</summary>
    private static SyntaxNode PolicyScope(InvocationExpressionSyntax invocation)
    {
        if (invocation.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>(f => f.Parent is ArgumentSyntax) is { } policy)
        {
            return policy;
        }

        SyntaxNode chain = invocation;
        while (chain.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax outer })
        {
            chain = outer;
        }

        return chain;
    }
}
