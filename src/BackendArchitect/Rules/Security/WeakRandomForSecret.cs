using System.Collections.Frozen;
using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC024: System.Random used to make a token, password, one-time code, salt or nonce.</summary>
public sealed class WeakRandomForSecret : ISyntaxRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC024",
        "weak-random-for-secret",
        "security",
        Severity.Error,
        "System.Random (new Random() or Random.Shared) produces a value that is used as a token, password, one-time code, salt or nonce.",
        "System.Random is a fast pseudo-random generator for simulations and jitter, not for secrets: its output is predictable from "
            + "a few earlier values, and new Random() is seeded from a value an attacker can narrow down. A password-reset token, a "
            + "one-time code or a generated password made with it can be guessed without brute force. RandomNumberGenerator "
            + "(GetBytes, GetInt32, GetString, GetHexString) draws from the operating system's secure generator and is as easy to use. "
            + "The rule reports a call on a Random whose result goes to a variable, member or return value named like a secret, or "
            + "that sits in a method named so (GenerateResetToken, CreateOtp).",
        "public static string GenerateOtp() => Random.Shared.Next(0, 1_000_000).ToString(\"D6\");",
        "public static string GenerateOtp() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString(\"D6\");",
        [
            "https://learn.microsoft.com/dotnet/api/system.random#remarks",
            "https://learn.microsoft.com/dotnet/api/system.security.cryptography.randomnumbergenerator",
            "https://learn.microsoft.com/dotnet/fundamentals/code-analysis/quality-rules/ca5394",
            "https://owasp.org/Top10/A02_2021-Cryptographic_Failures/",
        ],
        ["CWE-338", "CWE-330", "OWASP-A02:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    private static readonly FrozenSet<string> RandomMethods = FrozenSet.ToFrozenSet(
        ["Next", "NextBytes", "NextInt64", "NextDouble", "GetItems"], StringComparer.Ordinal);

    // Secrets a generator makes besides credentials: one-time codes, salts and nonces.
    private static readonly FrozenSet<string> GeneratedSecrets = FrozenSet.ToFrozenSet(["otp", "salt", "nonce", "totp"], StringComparer.Ordinal);

    // Primitives whose constructor takes the key itself.
    private static readonly FrozenSet<string> KeyedPrimitives = FrozenSet.ToFrozenSet(
        ["AesGcm", "AesCcm", "ChaCha20Poly1305", "HMACSHA1", "HMACSHA256", "HMACSHA384", "HMACSHA512", "HMACMD5"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> CodeKinds = FrozenSet.ToFrozenSet(
        ["otp", "verification", "confirmation", "reset", "recovery", "security", "auth", "login", "sms", "activation", "invite", "invitation"],
        StringComparer.Ordinal);

    public IEnumerable<Finding> Check(SyntaxReviewContext context)
    {
        foreach (var document in context.Corpus.Documents)
        {
            if (!document.File.Text.Contains("Random", StringComparison.Ordinal))
            {
                continue;
            }

            var generators = RandomVariables(document.Root);
            foreach (var invocation in document.Root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (SyntaxHelpers.InvokedName(invocation) is not { } method || !RandomMethods.Contains(method)
                    || !IsSystemRandom(SyntaxHelpers.Receiver(invocation), generators)
                    || (KeyBuffer(invocation, method) ?? Destination(invocation)) is not { } destination)
                {
                    continue;
                }

                yield return Finding.At(
                    Metadata,
                    document.LocationOf(invocation),
                    $"{SyntaxHelpers.Receiver(invocation)}.{method}(...) makes {destination}, but System.Random is predictable: the value can be guessed from others it produced.",
                    "Use RandomNumberGenerator (GetInt32, GetBytes, GetString or GetHexString) for anything that must not be guessed.");
            }
        }
    }

    /// <summary>Fields and locals of the file that hold a System.Random.</summary>
    private static HashSet<string> RandomVariables(SyntaxNode root)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declarator in root.DescendantNodes().OfType<VariableDeclaratorSyntax>())
        {
            var type = (declarator.Parent as VariableDeclarationSyntax)?.Type.ToString();
            var value = declarator.Initializer?.Value;
            if (type is "Random" or "System.Random" || (value is ObjectCreationExpressionSyntax { Type: var created } && created.ToString() is "Random" or "System.Random")
                || value?.ToString() is "Random.Shared" or "System.Random.Shared")
            {
                names.Add(declarator.Identifier.ValueText);
            }
        }

        foreach (var property in root.DescendantNodes().OfType<PropertyDeclarationSyntax>().Where(p => p.Type.ToString() is "Random" or "System.Random"))
        {
            names.Add(property.Identifier.ValueText);
        }

        return names;
    }

    private static bool IsSystemRandom(ExpressionSyntax? receiver, HashSet<string> generators) => receiver switch
    {
        null => false,
        ObjectCreationExpressionSyntax creation => creation.Type.ToString() is "Random" or "System.Random",
        IdentifierNameSyntax name => generators.Contains(name.Identifier.ValueText),
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var name } => generators.Contains(name.Identifier.ValueText),
        _ => receiver.ToString() is "Random.Shared" or "System.Random.Shared",
    };

    /// <summary>
    /// A buffer NextBytes fills that becomes key material: named a key or IV, or, in the same method, assigned to a
    /// cipher's Key or IV or passed to an authenticated cipher or HMAC (new AesGcm(key)).
    /// </summary>
    private static string? KeyBuffer(InvocationExpressionSyntax invocation, string method)
    {
        if (method != "NextBytes" || invocation.ArgumentList.Arguments is not [{ Expression: IdentifierNameSyntax { Identifier.ValueText: var buffer } }])
        {
            return null;
        }

        if (SecretNames.Words(buffer) is [.., "key" or "iv"])
        {
            return buffer;
        }

        var scope = invocation.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        var use = scope?.DescendantNodes().OfType<IdentifierNameSyntax>().Where(n => n.Identifier.ValueText == buffer).Select(n => n.Parent switch
        {
            AssignmentExpressionSyntax assignment when assignment.Right == n && SettingAssignments.MemberName(assignment.Left) is "Key" or "IV" => "a cipher's " + SettingAssignments.MemberName(assignment.Left),
            ArgumentSyntax { Parent.Parent: ObjectCreationExpressionSyntax { Type: var type } } when KeyedPrimitives.Contains(SyntaxHelpers.SimpleTypeName(type.ToString())) => "the key of " + SyntaxHelpers.SimpleTypeName(type.ToString()),
            _ => null,
        }).FirstOrDefault(u => u is not null);
        return use is null ? null : $"{buffer}, {use}";
    }

    /// <summary>What the random value becomes, when its name says it is a secret: "resetToken", "the result of GeneratePassword".</summary>
    private static string? Destination(InvocationExpressionSyntax invocation)
    {
        foreach (var ancestor in invocation.Ancestors())
        {
            var name = ancestor switch
            {
                VariableDeclaratorSyntax declarator => declarator.Identifier.ValueText,
                AssignmentExpressionSyntax assignment => SettingAssignments.MemberName(assignment.Left),
                PropertyDeclarationSyntax property => property.Identifier.ValueText,
                _ => null,
            };
            if (name is not null)
            {
                return IsSecretValue(name) ? name : null;
            }

            if (ancestor is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax)
            {
                var method = ancestor switch
                {
                    MethodDeclarationSyntax m => m.Identifier.ValueText,
                    LocalFunctionStatementSyntax f => f.Identifier.ValueText,
                    _ => null,
                };
                return method is not null && IsSecretValue(method) ? $"the result of {method}" : null;
            }
        }

        return null;
    }

    private static bool IsSecretValue(string name)
    {
        if (SecretNames.IsSecret(name))
        {
            return true;
        }

        var words = SecretNames.Words(name).Where(w => w is not "async").ToArray();
        return words.Length > 0
            && (GeneratedSecrets.Contains(words[^1]) || (words[^1] is "code" && words[..^1].Any(CodeKinds.Contains)));
    }
}
