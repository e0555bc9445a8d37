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
        var last = LastSegment().Match(key.ToLowerInvariant()).Value.Replace("_", "").Replace("-", "");

        // "TokenLifetimeMinutes", "ApiKeyHeaderName", "PasswordMinLength": settings about a secret, not one.
        if (NonSecretSuffixes.Any(last.EndsWith))
        {
            return false;
        }

        // "Jwt:Key", "Stripe:WebhookKey", "JWT__KEY": a last segment that is or ends in "key" names key
        // material; "KeyPrefix" or "Keys" do not.
        return SecretKeyWords.Any(k.Contains) || last.EndsWith("key", StringComparison.Ordinal) || last.EndsWith("pass", StringComparison.Ordinal);
    }

    private static readonly string[] SecretKeyWords =
    [
        "password", "passwd", "pwd", "secret", "token", "apikey", "accesskey", "privatekey", "clientsecret",
        "connectionstring", "credential", "signingkey", "encryptionkey", "sas", "accountkey", "license",
    ];

    private static readonly string[] NonSecretSuffixes =
    [
        "publickey", "partitionkey", "sortkey", "routingkey", "primarykey", "foreignkey", "lifetime", "minutes", "seconds",
        "hours", "days", "expiry", "expiration", "expires", "timeout", "length", "endpoint", "url", "uri", "path", "file",
        "enabled", "issuer", "audience", "headername", "name", "type",
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

    /// <summary>
    /// Masks the sensitive parts of a value: key=value pairs of a connection string, credentials of a
    /// URL, the whole value under a secret key or when it is a secret by its shape, and otherwise any
    /// secret inside it (<see cref="MaskText"/>).
    /// </summary>
    public static string MaskValue(string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value ?? "";
        }

        if (LooksLikeConnectionString(value))
        {
            return MaskText(MaskConnectionString(value));
        }

        if (LooksLikeCredentialUrl(value))
        {
            return MaskText(value);
        }

        return IsSecretKey(key) || LooksLikeSecretValue(value) ? Mask(value) : MaskText(value);
    }

    /// <summary>
    /// Masks the secrets inside free text (a source line, a command, a message) and keeps the rest:
    /// URL credentials and secret query parameters, password pairs of connection strings, known token
    /// shapes, chat webhooks, private key blocks and long random-looking runs.
    /// </summary>
    public static string MaskText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var masked = SecretShapes.MaskPrivateKeyBlocks(text);
        masked = CredentialInUrl().Replace(masked, m => m.Groups[1].Value + Stars + "@");
        masked = SecretQueryParameter().Replace(masked, m => IsSecretKey(m.Groups[2].Value) || IsSignatureParameter(m.Groups[2].Value) ? m.Groups[1].Value + Mask(m.Groups[3].Value) : m.Value);
        masked = PasswordPair().Replace(masked, m => m.Groups[1].Value + Mask(m.Groups[2].Value));
        masked = SecretShapes.MaskWebhooks(masked);
        masked = SecretShapes.MaskTokens(masked);
        return KeyCharRun().Replace(masked, m => SecretEntropy.LooksRandom(m.ValueSpan) ? Mask(m.Value) : m.Value);
    }

    public static bool LooksLikeConnectionString(string value) =>
        value.Contains('=') && value.Contains(';') && ConnectionPart().IsMatch(value);

    /// <summary>Keeps server, database and options; masks password, key, token and signature parts.</summary>
    public static string MaskConnectionString(string value) =>
        SensitivePart().Replace(value, m => m.Groups[1].Value + "=" + Mask(m.Groups[2].Value));

    /// <summary>
    /// Masks a value stored under a connection-string key: credentials in a URL, sensitive pairs of
    /// a key=value string, and anything else whole (it may be a bare key or token).
    /// </summary>
    public static string MaskConnectionValue(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value ?? "";
        }

        if (LooksLikeCredentialUrl(value))
        {
            return MaskText(value);
        }

        // Key=value pairs keep their harmless parts; a base64 key ("...==") is not pairs and is masked whole.
        if (value.Split(';', ',').Any(part => KeyValuePart().IsMatch(part)))
        {
            return MaskText(MaskConnectionString(value));
        }

        // "localhost:6379" or "redis-1:6379,redis-2:6379" names hosts only; anything else may be a bare key.
        return HostList().IsMatch(value) ? value : Mask(value);
    }

    /// <summary>
    /// Values that are secrets whatever their key: PEM private keys, known token shapes (JSON web
    /// tokens, GitHub, AWS, Stripe, Slack, Google, Azure...) and random-looking key material.
    /// </summary>
    public static bool LooksLikeSecretValue(string value) =>
        value.Contains("PRIVATE KEY-----", StringComparison.Ordinal) || SecretShapes.IsToken(value) || SecretEntropy.LooksRandom(value);

    // Azure SAS "sig", AWS presigned "X-Amz-Signature" and "X-Amz-Credential" carry the credential itself.
    private static bool IsSignatureParameter(string name) =>
        name.Equals("sig", StringComparison.OrdinalIgnoreCase) || name.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase) || name.Equals("key", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeCredentialUrl(string value) => CredentialInUrl().IsMatch(value);

    [GeneratedRegex(@"^[A-Za-z0-9.\-]+(:\d{1,5})?(\s*,\s*[A-Za-z0-9.\-]+(:\d{1,5})?)*$")]
    private static partial Regex HostList();

    [GeneratedRegex(@"^\s*[A-Za-z][A-Za-z0-9 _.\-]*\s*=\s*[^=\s]")]
    private static partial Regex KeyValuePart();

    [GeneratedRegex(@"[a-z0-9_\-]+$")]
    private static partial Regex LastSegment();

    [GeneratedRegex(@"(?i)\b(server|host|data source|database|initial catalog|user id|username|uid|password|pwd|port|endpoint|accountname)\s*=")]
    private static partial Regex ConnectionPart();

    // A password may contain ',' (Redis style "host,password=x,ssl=true" then masks the rest too: safe).
    [GeneratedRegex(@"(?i)\b(password|pwd|accountkey|sharedaccesskey|key|token|secret|signature|sig)\s*=\s*([^;]*)")]
    private static partial Regex SensitivePart();

    // A bounded scheme that starts a word: "\w+://" would retry a long word from every position (quadratic on a 4 MB line).
    [GeneratedRegex(@"(?<![A-Za-z0-9+.\-])([A-Za-z][A-Za-z0-9+.\-]{1,30}://[^:/@\s]+:)[^@\s]+@")]
    private static partial Regex CredentialInUrl();

    // A value followed by '*' was masked already (a connection string's pair): masking it again would lose its ends.
    [GeneratedRegex(@"([?&]([A-Za-z][A-Za-z0-9_\-]*)=)([^&#\s'""`<>*]+)(?![*])")]
    private static partial Regex SecretQueryParameter();

    // Only names that always hold a credential (free text has "key = 1" and "token = null" too), written as
    // a connection string writes them: "Password=x", not the code assignment "builder.Password = value".
    [GeneratedRegex(@"(?i)((?<![.\w])(?:password|pwd|passwd|accountkey|sharedaccesskey|sharedaccesssignature)=)([^;'""`\s,)&*]+)(?![*])")]
    private static partial Regex PasswordPair();

    [GeneratedRegex(@"[A-Za-z0-9+/=_\-]{20,}")]
    private static partial Regex KeyCharRun();
}
