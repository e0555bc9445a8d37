using BackendArchitect.Findings;
using BackendArchitect.Model;

namespace BackendArchitect.Rules.Schema;

/// <summary>SCH014: a text column named like a password, secret, API key or token, with nothing in its name saying it is hashed or encrypted.</summary>
public sealed class PlaintextSecretColumn : ISchemaRule
{
    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pwd", "passphrase", "secret", "apikey", "token", "pin",
    };

    /// <summary>Secret words found even inside one unsplit word, as unquoted camelCase names fold to (passwordresettoken).</summary>
    private static readonly string[] EmbeddedSecretWords = ["password", "passwd", "apikey", "privatekey"];

    /// <summary>Words that say the value is protected or derived (password_hash, token_digest, encrypted_secret, salt).</summary>
    private static readonly HashSet<string> ProtectedWords = new(StringComparer.Ordinal)
    {
        "hash", "hashed", "digest", "encrypted", "enc", "encryption", "cipher", "ciphertext", "crypt", "salt", "bcrypt", "argon2",
        "scrypt", "pbkdf2", "hmac", "sha256", "sha512", "protected", "sealed", "wrapped",
    };

    /// <summary>Last words that describe a secret instead of holding it (token_type, password_hint, secret_version).</summary>
    private static readonly HashSet<string> MetadataWords = new(StringComparer.Ordinal)
    {
        "type", "kind", "id", "hint", "policy", "prefix", "suffix", "last4", "length", "version", "algorithm", "algo", "scheme",
        "name", "label", "count", "expiry", "expires", "status", "format", "ref", "reference", "path", "url", "uri", "vault",
        "date", "time", "timestamp", "utc", "attempts", "enabled", "required", "changed",
    };

    /// <summary>Tokens that address a device for a push service (APNs, FCM) rather than grant access to this system.</summary>
    private static readonly HashSet<string> PushWords = new(StringComparer.Ordinal) { "push", "apns", "fcm", "gcm" };

    public RuleMetadata Metadata { get; } = new(
        "SCH014",
        "plaintext-secret-column",
        "security",
        Severity.Warning,
        "A text column is named like a password, secret, API key or token, and nothing in its name says it is hashed or encrypted.",
        "A password, API key or session/reset token stored as readable text is exposed to everyone who can read the table, its "
            + "backups, replicas, logs and dumps, and one SQL injection or leaked backup hands over every account. Passwords belong "
            + "in a slow salted hash (Argon2id, scrypt, bcrypt, PBKDF2); tokens and API keys the server only compares should be "
            + "stored as a hash (SHA-256 of a high-entropy value is enough); secrets the server must read back need encryption with "
            + "a key kept outside the database. The rule reads the column name: password, passwd, pwd, secret, api_key, token... "
            + "in a text/varchar/char column, unless a word such as hash, digest, encrypted or salt says otherwise, or the name "
            + "describes the secret rather than holding it (token_type, password_hint, last_password_change_date), the token is a "
            + "push-service device address (push_token), or the code says the value is protected: the entity property of that name "
            + "(in a class named like the table) is documented or attributed as a hash or ciphertext, or is assigned from a "
            + "hashing or encrypting call (PasswordHasher.HashPassword, Encrypt, IDataProtector.Protect). db lint reads that "
            + "code when it is in the folder linted.",
        "CREATE TABLE users (\n    id bigint PRIMARY KEY,\n    email text NOT NULL,\n    password varchar(255) NOT NULL\n);",
        "CREATE TABLE users (\n    id bigint PRIMARY KEY,\n    email text NOT NULL,\n    password_hash text NOT NULL\n);",
        [
            "https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html",
            "https://cwe.mitre.org/data/definitions/256.html",
            "https://cwe.mitre.org/data/definitions/312.html",
            "https://owasp.org/Top10/A02_2021-Cryptographic_Failures/",
        ],
        ["CWE-256", "CWE-312", "OWASP-A02:2021"]);

    public IEnumerable<Finding> Check(SchemaLintContext context)
    {
        foreach (var table in context.Schema.Tables.Values)
        {
            foreach (var column in table.Columns)
            {
                if (IsText(column) && LooksLikePlaintextSecret(column.Name) && context.Code.Evidence(table.Name, column.Name) is null)
                {
                    yield return SchemaFindings.At(
                        Metadata,
                        context,
                        column.Origin,
                        $"Column {SchemaFindings.ColumnName(table, column)} looks like a secret stored as readable text.",
                        "Store a salted password hash (Argon2id/bcrypt) or a token digest, or encrypt the value, and name the column after it (password_hash).");
                }
            }
        }
    }

    private static bool IsText(Column column)
    {
        var type = column.Type.ToLowerInvariant();
        var first = type.Split('(', ' ')[0];
        return type.StartsWith("character", StringComparison.Ordinal)
            || first is "text" or "varchar" or "char" or "citext" or "nvarchar" or "nchar" or "tinytext" or "mediumtext" or "longtext" or "clob" or "string";
    }

    private static bool LooksLikePlaintextSecret(string name)
    {
        var words = IdentifierWords.Of(name).ToList();
        var joined = string.Concat(words);
        var secret = words.Any(SecretWords.Contains) || EmbeddedSecretWords.Any(w => joined.Contains(w, StringComparison.Ordinal));
        if (!secret || words.Any(ProtectedWords.Contains) || joined.Contains("hash", StringComparison.Ordinal) || joined.Contains("encrypt", StringComparison.Ordinal))
        {
            return false;
        }

        return !MetadataWords.Contains(words[^1])
            && !(words.Count > 1 && words[^2] is "expires" && words[^1] is "at")
            && !(words[^1] == "token" && words.Any(PushWords.Contains));
    }
}
