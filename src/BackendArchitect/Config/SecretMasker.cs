using System.Text.RegularExpressions;

namespace BackendArchitect.Config;

/// <summary>
/// Masks secrets in every output: at most the first and last character of a secret survive.
/// Connection strings keep their harmless parts (host, database) and lose passwords and keys.
/// </summary>
public static partial class SecretMasker
{
    private const string Stars = "****";

    /// <summary>Key names that hold secrets (password, secret, token, api key, connection string...).</summary>
    public static bool IsSecretKey(string key)
    {
        var k = key.ToLowerInvariant().Replace("_", "").Replace("-", "").Replace(".", "").Replace(":", "");
        return SecretKeyWords.Any(k.Contains);
    }

    private static readonly string[] SecretKeyWords =
    [
        "password", "passwd", "pwd", "secret", "token", "apikey", "accesskey", "privatekey", "clientsecret",
        "connectionstring", "credential", "signingkey", "encryptionkey", "sas", "accountkey", "license",
    ];

    /// <summary>Masks a whole value: "s3cr3t" becomes "s****t"; short values become "****".</summary>
    public static string Mask(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value ?? "";
        }

        return value.Length <= 6 ? Stars : $"{value[0]}{Stars}{value[^1]}";
    }

    /// <summary>Masks the sensitive parts of a value: key=value pairs of a connection string, or the whole value.</summary>
    public static string MaskValue(string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value ?? "";
        }

        if (LooksLikeConnectionString(value))
        {
            return MaskConnectionString(value);
        }

        if (IsSecretKey(key) || LooksLikeCredentialUrl(value))
        {
            return LooksLikeCredentialUrl(value) ? CredentialInUrl().Replace(value, m => m.Groups[1].Value + Stars + "@") : Mask(value);
        }

        return value;
    }

    public static bool LooksLikeConnectionString(string value) =>
        value.Contains('=') && value.Contains(';') && ConnectionPart().IsMatch(value);

    /// <summary>Keeps server, database and options; masks password, key, token and signature parts.</summary>
    public static string MaskConnectionString(string value) =>
        SensitivePart().Replace(value, m => m.Groups[1].Value + "=" + Mask(m.Groups[2].Value));

    private static bool LooksLikeCredentialUrl(string value) => CredentialInUrl().IsMatch(value);

    [GeneratedRegex(@"(?i)\b(server|host|data source|database|initial catalog|user id|username|uid|password|pwd|port|endpoint|accountname)\s*=")]
    private static partial Regex ConnectionPart();

    [GeneratedRegex(@"(?i)\b(password|pwd|accountkey|sharedaccesskey|key|token|secret|signature|sig)\s*=\s*([^;]*)")]
    private static partial Regex SensitivePart();

    [GeneratedRegex(@"(\w+://[^:/@\s]+:)[^@\s]+@")]
    private static partial Regex CredentialInUrl();
}
