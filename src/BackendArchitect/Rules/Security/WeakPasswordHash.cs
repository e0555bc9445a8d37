using System.Collections.Frozen;
using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC023: a password hashed with a fast digest (MD5, SHA-1, one round of SHA-2) or with too few PBKDF2 iterations.</summary>
public sealed class WeakPasswordHash : ISyntaxRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC023",
        "weak-password-hash",
        "security",
        Severity.Error,
        "A password is hashed with MD5, SHA-1 or a single SHA-2 digest, or derived with PBKDF2 (Rfc2898DeriveBytes, KeyDerivation.Pbkdf2) at fewer than 10,000 iterations.",
        "When the user table leaks, the password hashes are all that stands between the attacker and the users' passwords, which "
            + "people reuse elsewhere. MD5, SHA-1 and SHA-256 are built to be fast: a single graphics card tries billions of guesses "
            + "a second against them, so most human passwords fall within hours, salted or not. Password hashing needs a slow, salted "
            + "function: ASP.NET Core Identity's PasswordHasher<T> (PBKDF2 with 100,000 iterations), Rfc2898DeriveBytes.Pbkdf2 with "
            + "a current iteration count (OWASP recommends 600,000 for SHA-256), bcrypt or Argon2. The rule reports digests of a "
            + "value named password, passwd, pwd or passphrase; hashing tokens and API keys, which are random, is fine and not "
            + "reported. PBKDF2 with a literal iteration count below 10,000, or Rfc2898DeriveBytes' 1,000-iteration default, is a "
            + "warning.",
        "var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password)));",
        "var hasher = new PasswordHasher<User>();\nuser.PasswordHash = hasher.HashPassword(user, password);\n\n// or\nvar hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA256, 32);",
        [
            "https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html",
            "https://learn.microsoft.com/aspnet/core/security/data-protection/consumer-apis/password-hashing",
            "https://learn.microsoft.com/dotnet/api/system.security.cryptography.rfc2898derivebytes.pbkdf2",
            "https://owasp.org/Top10/A02_2021-Cryptographic_Failures/",
        ],
        ["CWE-916", "CWE-328", "CWE-759", "OWASP-A02:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    private const int MinimumIterations = 10_000;

    private static readonly FrozenSet<string> Digests = FrozenSet.ToFrozenSet(
        ["MD5", "SHA1", "SHA256", "SHA384", "SHA512", "SHA3_256", "SHA3_384", "SHA3_512"], StringComparer.Ordinal);

    public IEnumerable<Finding> Check(SyntaxReviewContext context)
    {
        foreach (var document in context.Corpus.Documents)
        {
            var text = document.File.Text;
            if (!text.Contains("Hash", StringComparison.Ordinal) && !text.Contains("Rfc2898", StringComparison.Ordinal) && !text.Contains("Pbkdf2", StringComparison.Ordinal))
            {
                continue;
            }

            var hashers = DigestVariables(document.Root);
            foreach (var node in document.Root.DescendantNodes())
            {
                var finding = node switch
                {
                    InvocationExpressionSyntax invocation => DigestOfPassword(invocation, hashers) ?? Pbkdf2Call(invocation),
                    ObjectCreationExpressionSyntax creation => Rfc2898Creation(creation),
                    _ => null,
                };
                if (finding is { } f)
                {
                    yield return Finding.At(Metadata, document.LocationOf(node), f.Message,
                        "Hash passwords with PasswordHasher<T>, or Rfc2898DeriveBytes.Pbkdf2 with a random salt and at least 600,000 iterations of SHA-256 (or bcrypt/Argon2).")
                        with
                    { Severity = f.Severity };
                }
            }
        }
    }

    private static (string Message, Severity Severity)? DigestOfPassword(InvocationExpressionSyntax invocation, Dictionary<string, string> hashers)
    {
        var method = SyntaxHelpers.InvokedName(invocation);
        var receiver = SyntaxHelpers.Receiver(invocation);
        var algorithm = (method, receiver) switch
        {
            ("HashData", { } r) when Digests.Contains(LastName(r)) => LastName(r),
            ("ComputeHash", IdentifierNameSyntax { Identifier.ValueText: var name }) when hashers.TryGetValue(name, out var digest) => digest,
            ("ComputeHash", InvocationExpressionSyntax created) => DigestCreated(created),
            _ => null,
        };
        if (algorithm is null || invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression is not { } input || PasswordIn(input) is not { } password)
        {
            return null;
        }

        var weakness = algorithm is "MD5" or "SHA1" ? "a broken digest" : "a single fast digest";
        return ($"{password} is hashed with {algorithm}, {weakness}: a leaked hash is brute-forced at billions of guesses a second.", Severity.Error);
    }

    private static (string Message, Severity Severity)? Pbkdf2Call(InvocationExpressionSyntax invocation)
    {
        if (SyntaxHelpers.InvokedName(invocation) != "Pbkdf2")
        {
            return null;
        }

        var arguments = invocation.ArgumentList.Arguments;
        var receiver = SyntaxHelpers.Receiver(invocation)?.ToString();
        var iterations = receiver is "KeyDerivation"
            ? arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "iterationCount") ?? (arguments.Count > 3 ? arguments[3] : null)
            : arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "iterations") ?? (arguments.Count > 2 ? arguments[2] : null);
        return receiver is "KeyDerivation" or "Rfc2898DeriveBytes" && Count(iterations?.Expression) is { } count && count < MinimumIterations
            ? ($"PBKDF2 with {count:N0} iterations: a leaked hash is guessed {MinimumIterations / Math.Max(count, 1):N0}+ times faster than at the minimum, and OWASP recommends 600,000.", Severity.Warning)
            : null;
    }

    private static (string Message, Severity Severity)? Rfc2898Creation(ObjectCreationExpressionSyntax creation)
    {
        if (creation.Type.ToString() is not ("Rfc2898DeriveBytes" or "System.Security.Cryptography.Rfc2898DeriveBytes") || creation.ArgumentList is not { } list)
        {
            return null;
        }

        if (list.Arguments.Count == 2)
        {
            return ("new Rfc2898DeriveBytes(password, salt) uses 1,000 iterations of SHA-1, far below what slows down a guessing attack.", Severity.Warning);
        }

        return list.Arguments.Count >= 3 && Count(list.Arguments[2].Expression) is { } count && count < MinimumIterations
            ? ($"Rfc2898DeriveBytes with {count:N0} iterations is far below what slows down a guessing attack (OWASP recommends 600,000 for SHA-256).", Severity.Warning)
            : null;
    }

    /// <summary>The digest algorithm of <c>SHA256.Create()</c> or <c>MD5.Create()</c>.</summary>
    private static string? DigestCreated(InvocationExpressionSyntax created) =>
        SyntaxHelpers.InvokedName(created) == "Create" && SyntaxHelpers.Receiver(created) is { } type && Digests.Contains(LastName(type)) ? LastName(type) : null;

    /// <summary>Locals and fields of the file that hold a digest: <c>using var sha = SHA256.Create();</c>, <c>new SHA1Managed()</c>.</summary>
    private static Dictionary<string, string> DigestVariables(SyntaxNode root)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var declarator in root.DescendantNodes().OfType<VariableDeclaratorSyntax>())
        {
            var algorithm = declarator.Initializer?.Value switch
            {
                InvocationExpressionSyntax created => DigestCreated(created),
                ObjectCreationExpressionSyntax { Type: var type } => type.ToString() switch
                {
                    "MD5CryptoServiceProvider" => "MD5",
                    "SHA1Managed" or "SHA1CryptoServiceProvider" => "SHA1",
                    "SHA256Managed" => "SHA256",
                    "SHA512Managed" => "SHA512",
                    _ => null,
                },
                _ => null,
            };
            if (algorithm is not null)
            {
                result[declarator.Identifier.ValueText] = algorithm;
            }
        }

        return result;
    }

    /// <summary>The password-named value the hashed input is built from (<c>Encoding.UTF8.GetBytes(password + salt)</c>), or null.</summary>
    private static string? PasswordIn(ExpressionSyntax input) =>
        input.DescendantNodesAndSelf()
            .Select(n => n switch
            {
                IdentifierNameSyntax i when i.Parent is not MemberAccessExpressionSyntax { Name: var name } || name == i => i.Identifier.ValueText,
                _ => null,
            })
            .FirstOrDefault(n => n is not null && SecretNames.IsPassword(n));

    private static int? Count(ExpressionSyntax? expression) =>
        expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.NumericLiteralExpression) && literal.Token.Value is int value ? value : null;

    private static string LastName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        IdentifierNameSyntax i => i.Identifier.ValueText,
        _ => expression.ToString(),
    };
}
