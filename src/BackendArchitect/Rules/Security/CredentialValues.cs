using System.Text.RegularExpressions;
using BackendArchitect.Config;

namespace BackendArchitect.Rules.Security;

/// <summary>
/// Whether a literal is a usable credential rather than a stand-in for one: not empty, not a placeholder
/// ("&lt;secret&gt;", "${JWT_KEY}", "changeme"), not the name of a configuration key or header ("Jwt:Key",
/// "X-API-KEY"), and shaped like a password or key (digits or symbols beside letters, or random-looking).
/// </summary>
internal static partial class CredentialValues
{
    private static readonly string[] PlaceholderWords =
        ["your", "changeme", "change-me", "change_me", "replace", "example", "placeholder", "dummy", "sample", "xxx", "todo", "fake", "insert", "enter"];

    /// <summary>True when the value of a setting or member named <paramref name="name"/> looks like a usable credential.</summary>
    /// <remarks>
    /// A value that repeats the name's own secret word ("pm-1234-input-password" under InputPassword, "refresh_token") is
    /// a key, flag or claim name, not the secret.
    /// </remarks>
    public static bool LooksReal(string name, string value)
    {
        var v = value.Trim();
        if (v.Length < 6 || v.Any(char.IsWhiteSpace) || IsPlaceholder(v) || v.Contains("://", StringComparison.Ordinal) || ConfigKeyPath().IsMatch(v))
        {
            return false;
        }

        if (SecretMasker.LooksLikeSecretValue(v))
        {
            return true;
        }

        if (SecretNames.Words(name) is [.., var word] && v.Contains(word, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var letters = v.Any(char.IsLetter);
        var digits = v.Any(char.IsDigit);
        var symbols = v.Any(c => !char.IsLetterOrDigit(c) && c is not '-' and not '_' and not '.');
        return letters && (digits || symbols);
    }

    public static bool IsPlaceholder(string value)
    {
        var v = value.Trim();
        if (v.Length == 0 || v[0] is '<' or '{' or '[' or '$' or '%' or '#' or '@' || v[^1] is '>' or '}')
        {
            return true;
        }

        var distinct = v.Where(char.IsLetterOrDigit).Distinct().Count();
        return distinct <= 1 || PlaceholderWords.Any(w => v.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The password of a connection string, unless it is a placeholder or the server is this machine (a local development database).</summary>
    public static bool HasRealPassword(string connectionString)
    {
        if (!SecretMasker.LooksLikeConnectionString(connectionString) || LocalServer().IsMatch(connectionString))
        {
            return false;
        }

        var password = PasswordPart().Match(connectionString);
        return password.Success && password.Groups[1].Value.Trim() is { Length: > 0 } p && !IsPlaceholder(p) && !p.Contains("{0}", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_.]*((:|__)[A-Za-z0-9_.]+)+$")]
    private static partial Regex ConfigKeyPath();

    [GeneratedRegex(@"(?i)(?:^|;)\s*(?:password|pwd|accountkey|sharedaccesskey)\s*=\s*([^;]*)")]
    private static partial Regex PasswordPart();

    [GeneratedRegex(@"(?i)(?:server|host|data source|address|addr)\s*=\s*(?:tcp:)?(?:localhost|127\.0\.0\.1|\(localdb\)|\.|\[::1\])(?:[,;:\\]|$)")]
    private static partial Regex LocalServer();
}
