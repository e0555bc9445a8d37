using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC034: an anonymous sign-in, password-reset or second-factor endpoint that neither a rate limiter nor an account lockout slows down.</summary>
public sealed class LoginWithoutRateLimit : ICodeRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC034",
        "login-without-rate-limit",
        "security",
        Severity.Warning,
        "An anonymous POST that checks a password, a reset request or a second-factor code, in a service with no rate limiter and a handler without lockout.",
        "A sign-in endpoint that answers as fast as it is asked lets a script try leaked passwords against every account (credential "
            + "stuffing) or guess one account's password; a six-digit second-factor or reset code falls to a million tries, and a "
            + "forgot-password endpoint becomes a way to flood inboxes. Either slow the caller down with a rate limiter (ASP.NET Core's "
            + "AddRateLimiter/UseRateLimiter with [EnableRateLimiting] or a global limiter, or AspNetCoreRateLimit's IP and client limits) "
            + "or lock the account after failures (SignInManager's lockoutOnFailure: true, AccessFailedAsync). The rule reports only "
            + "when it sees the handler check the credential and finds neither: no limiter anywhere in the service, no lockout, attempt "
            + "counter, throttle or captcha in the code the handler reaches. MapIdentityApi's endpoints lock out on their own.",
        "[AllowAnonymous]\n[HttpPost(\"login\")]\npublic async Task<IActionResult> Login(LoginRequest request)\n{\n    var result = await signIn.PasswordSignInAsync(request.Email, request.Password, false, lockoutOnFailure: false);\n    return result.Succeeded ? Ok() : Unauthorized();\n}",
        "builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter(\"login\", l => { l.PermitLimit = 5; l.Window = TimeSpan.FromMinutes(1); }));\napp.UseRateLimiter();\n\n[AllowAnonymous]\n[EnableRateLimiting(\"login\")]\n[HttpPost(\"login\")]\npublic async Task<IActionResult> Login(LoginRequest request)\n{\n    var result = await signIn.PasswordSignInAsync(request.Email, request.Password, false, lockoutOnFailure: true);\n    return result.Succeeded ? Ok() : Unauthorized();\n}",
        [
            "https://learn.microsoft.com/aspnet/core/performance/rate-limit",
            "https://learn.microsoft.com/aspnet/core/security/authentication/accconfirm#account-lockout",
            "https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html#protect-against-automated-attacks",
            "https://owasp.org/Top10/A07_2021-Identification_and_Authentication_Failures/",
        ],
        ["CWE-307", "CWE-799", "OWASP-A07:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    // Code that shows the service limits request rates, whether or not the pipeline model follows it:
    // ASP.NET Core's limiter, AspNetCoreRateLimit (IpRateLimitMiddleware, UseIpRateLimiting) and home-made middleware.
    private static readonly string[] RateLimiting = ["RateLimit", "Throttl"];

    // What the handler's code does to slow down guessing, besides lockoutOnFailure.
    // TwoFactor(Authenticator)SignInAsync record a failed code with AccessFailedAsync themselves.
    private static readonly string[] GuessingDefences = ["AccessFailedAsync", "TwoFactorSignInAsync", "TwoFactorAuthenticatorSignInAsync", "Lockout", "LockedOut", "Throttl", "RateLimit", "Attempt", "Captcha", "captcha", "Brute"];

    public IEnumerable<Finding> Check(CodeReviewContext context)
    {
        var limited = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var endpoint in context.Model.Endpoints)
        {
            if (endpoint.Auth.Required != false || endpoint.Method != "POST" || !EndpointFacts.IsHttpEndpoint(endpoint)
                || endpoint.Handler.StartsWith("MapIdentityApi", StringComparison.Ordinal) || DevelopmentOnly.Under(endpoint.Condition)
                || Purpose(endpoint) is not { } purpose || context.Links.For(endpoint) is not { } linked)
            {
                continue;
            }

            var code = new[] { linked.Handler.Node }.Concat(linked.Methods.Select(m => m.Unit.Node)).ToList();
            var text = string.Concat(code.Select(n => n.ToString()));
            if (!code.Any(purpose.IsCheckedIn) || GuessingDefences.Any(d => text.Contains(d, StringComparison.Ordinal)) || code.Any(LocksOut))
            {
                continue;
            }

            if (!limited.TryGetValue(endpoint.Service, out var serviceLimited))
            {
                serviceLimited = limited[endpoint.Service] = LimitsRates(context, endpoint.Service);
            }

            if (!serviceLimited)
            {
                yield return Finding.At(
                    Metadata,
                    endpoint.Location,
                    $"{EndpointFacts.Describe(endpoint)} {purpose.Does} for anonymous callers with no rate limit and no lockout: a script can try {purpose.Guesses} as fast as the service answers.",
                    "Add a rate limiter (builder.Services.AddRateLimiter + app.UseRateLimiter(), [EnableRateLimiting(\"login\")] on this endpoint) partitioned by client IP, and lock accounts after failures (lockoutOnFailure: true).");
            }
        }
    }

    /// <summary>
    /// What an endpoint guards, and how to tell that its code checks it: a call named like a check (or, for a reset, like
    /// one) that is given the secret, or an equality test on it. A log call that mentions the password is no check.
    /// </summary>
    private sealed record Target(string Does, string Guesses, string[] Secret, bool AnyCallOnTheSecret)
    {
        private static readonly string[] CheckVerbs = ["password", "sign", "signin", "login", "logon", "verify", "validate", "authenticate", "check", "match", "matches", "compare", "equals", "redeem"];

        public bool IsCheckedIn(SyntaxNode code) =>
            code.DescendantNodesAndSelf().Any(node => node switch
            {
                InvocationExpressionSyntax call when SyntaxHelpers.InvokedName(call) is { } name => Calls(name, call.ArgumentList),
                BinaryExpressionSyntax test when test.IsKind(SyntaxKind.EqualsExpression) || test.IsKind(SyntaxKind.NotEqualsExpression) =>
                    Mentions(test.Left) || Mentions(test.Right),
                _ => false,
            });

        private bool Calls(string name, ArgumentListSyntax arguments)
        {
            var words = SecretNames.Words(name);
            return AnyCallOnTheSecret
                ? words.Any(Secret.Contains)
                : words.Any(CheckVerbs.Contains) && (words.Any(Secret.Contains) || arguments.Arguments.Any(a => Mentions(a.Expression)));
        }

        private bool Mentions(ExpressionSyntax expression) =>
            expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => SecretNames.Words(i.Identifier.ValueText).Any(Secret.Contains));
    }

    private static readonly Target SignIn = new("checks a password", "passwords for every account", ["password", "passwd", "pwd", "credentials", "pin"], false);
    private static readonly Target SecondFactor = new("checks a second-factor code", "every code", ["code", "otp", "totp", "token"], false);
    private static readonly Target Recovery = new("starts or completes a password reset", "reset codes or flood inboxes", ["reset", "password", "recover", "recovery"], true);

    /// <summary>What a credential endpoint guards, from the words of its route and handler name; null for every other endpoint.</summary>
    private static Target? Purpose(Endpoint endpoint)
    {
        var words = " " + string.Join(' ', SecretNames.Words($"{endpoint.Route} {endpoint.Handler}")) + " ";
        bool Says(string[] phrases) => phrases.Any(p => words.Contains($" {p} ", StringComparison.Ordinal));
        return Says(SecondFactorWords) ? SecondFactor
            : Says(RecoveryWords) ? Recovery
            : Says(SignInWords) && !Says(NotSignInWords) ? SignIn
            : null;
    }

    /// <summary>A SignInManager call that locks the account out after failures, or whose lockout flag is not a literal false.</summary>
    private static bool LocksOut(SyntaxNode code) =>
        code.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(i => SyntaxHelpers.InvokedName(i) switch
        {
            "PasswordSignInAsync" => LockoutArgument(i, 3) is not { } flag || !SettingAssignments.IsFalse(flag),
            "CheckPasswordSignInAsync" => LockoutArgument(i, 2) is not { } flag || !SettingAssignments.IsFalse(flag),
            _ => false,
        });

    private static ExpressionSyntax? LockoutArgument(InvocationExpressionSyntax invocation, int position)
    {
        var arguments = invocation.ArgumentList.Arguments;
        return arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "lockoutOnFailure")?.Expression
            ?? (arguments.Count > position && arguments[position].NameColon is null ? arguments[position].Expression : null);
    }

    /// <summary>Any limiter in the service: ASP.NET Core's (policies or middleware), a third-party or home-made one.</summary>
    private static bool LimitsRates(CodeReviewContext context, string serviceName) =>
        context.Model.Policies.Any(p => p.Service == serviceName && p.Kind == CSharp.Wiring.PolicyReader.RateLimit)
        || context.Model.Middleware.Any(m => m.Service == serviceName && RateLimiting.Any(r => m.Name.Contains(r, StringComparison.Ordinal)))
        || context.Model.Services.FirstOrDefault(s => s.Name == serviceName) is not { } service
        || ServiceCode.Mentions(context, service, RateLimiting);

    private static readonly string[] SignInWords = ["login", "log in", "logon", "log on", "signin", "sign in", "authenticate", "token"];

    // Token routes that take no password: refreshing, revoking or checking a token already issued, device registration.
    private static readonly string[] NotSignInWords = ["refresh", "revoke", "clear", "validate", "introspect", "external", "logout", "register", "device", "push"];

    private static readonly string[] SecondFactorWords = ["two factor", "2 fa", "mfa", "otp", "totp", "verify code", "recovery code"];

    private static readonly string[] RecoveryWords = ["forgot password", "reset password", "password reset", "recover password", "password recovery", "forgot"];
}
