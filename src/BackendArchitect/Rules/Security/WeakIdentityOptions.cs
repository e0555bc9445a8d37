using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC029: ASP.NET Core Identity set up to accept short passwords or unlimited sign-in guesses.</summary>
public sealed class WeakIdentityOptions : ISyntaxRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC029",
        "weak-identity-options",
        "security",
        Severity.Warning,
        "Identity options that weaken sign-in: Password.RequiredLength below 8, lockout off for new users or after more than 10 failures, or a password sign-in with lockoutOnFailure: false.",
        "Length is what makes a password hard to guess; NIST and OWASP ask for at least 8 characters (15 without a second factor). "
            + "Account lockout is what stops an online guessing attack against one account: with Lockout.AllowedForNewUsers = false, "
            + "a high MaxFailedAccessAttempts, or PasswordSignInAsync / CheckPasswordSignInAsync called with lockoutOnFailure: false "
            + "(the scaffolded default), an attacker can try passwords without limit. Code under IsDevelopment() is left out.",
        "builder.Services.AddIdentity<User, IdentityRole>(o =>\n{\n    o.Password.RequiredLength = 4;\n    o.Lockout.AllowedForNewUsers = false;\n});\n\nvar result = await signInManager.PasswordSignInAsync(email, password, remember, lockoutOnFailure: false);",
        "builder.Services.AddIdentity<User, IdentityRole>(o =>\n{\n    o.Password.RequiredLength = 12;\n    o.Lockout.MaxFailedAccessAttempts = 5;\n});\n\nvar result = await signInManager.PasswordSignInAsync(email, password, remember, lockoutOnFailure: true);",
        [
            "https://learn.microsoft.com/aspnet/core/security/authentication/identity-configuration",
            "https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html#implement-proper-password-strength-controls",
            "https://pages.nist.gov/800-63-3/sp800-63b.html#memsecret",
            "https://owasp.org/Top10/A07_2021-Identification_and_Authentication_Failures/",
        ],
        ["CWE-521", "CWE-307", "OWASP-A07:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    public IEnumerable<Finding> Check(SyntaxReviewContext context)
    {
        foreach (var document in context.Corpus.Documents)
        {
            var text = document.File.Text;
            if (!text.Contains("RequiredLength", StringComparison.Ordinal) && !text.Contains("Lockout", StringComparison.Ordinal)
                && !text.Contains("lockoutOnFailure", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (assignment, member) in SettingAssignments.In(document.Root))
            {
                var target = SettingAssignments.TargetName(assignment);
                var message = (target, member) switch
                {
                    ("Password" or "PasswordOptions", "RequiredLength") when Number(assignment.Right) is < 8 and var length =>
                        $"Password.RequiredLength = {length}: passwords this short are guessed quickly; ask for at least 8 characters (15 without a second factor).",
                    ("Lockout" or "LockoutOptions", "AllowedForNewUsers") when SettingAssignments.IsFalse(assignment.Right) =>
                        "Lockout.AllowedForNewUsers = false: new accounts are never locked out, so their passwords can be guessed without limit.",
                    ("Lockout" or "LockoutOptions", "MaxFailedAccessAttempts") when Number(assignment.Right) is > 10 and var attempts =>
                        $"Lockout.MaxFailedAccessAttempts = {attempts}: an attacker gets {attempts} guesses per lockout period on every account.",
                    _ => null,
                };
                if (message is not null && !DevelopmentOnly.Runs(assignment))
                {
                    yield return Finding.At(Metadata, document.LocationOf(assignment), message, "Keep Identity's defaults (lockout after 5 failures) and require at least 8 characters.");
                }
            }

            foreach (var invocation in document.Root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (SyntaxHelpers.InvokedName(invocation) is "PasswordSignInAsync" or "CheckPasswordSignInAsync"
                    && LockoutArgument(invocation) is { } lockout && SettingAssignments.IsFalse(lockout.Expression) && !DevelopmentOnly.Runs(invocation))
                {
                    yield return Finding.At(
                        Metadata,
                        document.LocationOf(lockout),
                        $"{SyntaxHelpers.InvokedName(invocation)}(..., lockoutOnFailure: false): failed passwords never lock the account, so it can be guessed without limit.",
                        "Pass lockoutOnFailure: true, so Identity's lockout (5 failures by default) applies to this sign-in.");
                }
            }
        }
    }

    /// <summary>The lockoutOnFailure argument: named, or the last of PasswordSignInAsync's four and CheckPasswordSignInAsync's three.</summary>
    private static ArgumentSyntax? LockoutArgument(InvocationExpressionSyntax invocation)
    {
        var arguments = invocation.ArgumentList.Arguments;
        var named = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "lockoutOnFailure");
        if (named is not null)
        {
            return named;
        }

        var position = SyntaxHelpers.InvokedName(invocation) == "PasswordSignInAsync" ? 3 : 2;
        return arguments.Count == position + 1 ? arguments[position] : null;
    }

    private static int? Number(ExpressionSyntax value) =>
        value is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.NumericLiteralExpression) && literal.Token.Value is int n ? n : null;
}
