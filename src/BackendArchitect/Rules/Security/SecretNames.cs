using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace BackendArchitect.Rules.Security;

/// <summary>
/// Names of code (locals, members, log placeholders) that hold a credential itself: <c>password</c>,
/// <c>request.NewPassword</c>, <c>accessToken</c>, <c>apiKey</c>, <c>cardNumber</c>. Names about a credential
/// are not: <c>PasswordHash</c>, <c>TokenType</c>, <c>UseResetPassword</c>, <c>TruncatedSecret</c>, <c>cancellationToken</c>.
/// </summary>
internal static partial class SecretNames
{
    private static readonly FrozenSet<string> LastWords = FrozenSet.ToFrozenSet(
        ["password", "passwd", "pwd", "passphrase", "secret", "token", "cvv", "cvc"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> LastPairs = FrozenSet.ToFrozenSet(
        ["api key", "apikey", "private key", "privatekey", "secret key", "card number", "signing key", "encryption key"], StringComparer.Ordinal);

    // Words before the secret that make the name a flag, a derived value or a non-secret token kind.
    private static readonly FrozenSet<string> NotTheSecret = FrozenSet.ToFrozenSet(
        [
            "use", "uses", "has", "is", "require", "requires", "should", "can", "allow", "enable", "enabled", "truncated", "masked",
            "hashed", "hash", "redacted", "cancellation", "continuation", "page", "next", "paging", "sync", "resume", "change",
        ],
        StringComparer.Ordinal);

    /// <summary>True when the name denotes the credential value.</summary>
    public static bool IsSecret(string name)
    {
        var words = Words(name);
        if (words.Length == 0)
        {
            return false;
        }

        var secretLast = LastWords.Contains(words[^1])
            || (words.Length >= 2 && LastPairs.Contains(words[^2] + " " + words[^1]))
            || LastPairs.Contains(words[^1]);
        return secretLast && !words[..^1].Any(NotTheSecret.Contains);
    }

    /// <summary>True when the name denotes a password a person chose (low entropy, unlike a generated token or key).</summary>
    public static bool IsPassword(string name)
    {
        var words = Words(name);
        return words.Length > 0 && (words[^1] is "password" or "passwd" or "pwd" or "passphrase") && !words[..^1].Any(NotTheSecret.Contains);
    }

    /// <summary>Lower-case words of a camelCase, PascalCase, snake_case or kebab-case name.</summary>
    public static string[] Words(string name) =>
        [.. Word().Matches(name).Select(m => m.Value.ToLowerInvariant())];

    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")]
    private static partial Regex Word();
}
