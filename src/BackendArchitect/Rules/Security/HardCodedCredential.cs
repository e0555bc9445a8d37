using System.Text.RegularExpressions;
using BackendArchitect.Config;
using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC020: a password, key or token written into the code or into appsettings.json.</summary>
public sealed partial class HardCodedCredential : ICodeRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC020",
        "hard-coded-credential",
        "security",
        Severity.Error,
        "A credential is written into the repository: a string literal in code assigned to a password, secret, token or API key, a literal signing key, or a secret-looking value in appsettings.json.",
        "Whatever is committed is readable by everyone with access to the repository, its forks, its CI logs and every build "
            + "artifact, and it stays in the history after it is deleted; a signing key in the code lets anyone mint tokens the "
            + "service accepts. Secrets belong in user secrets during development and in the environment, a vault or a key store in "
            + "production, read through configuration. The rule reports literals that look like real credentials (digits or symbols "
            + "beside letters, or random key material) under a name that holds one, literal keys given to SymmetricSecurityKey, "
            + "passwords given to NetworkCredential, connection strings with a password for a server other than this machine, and "
            + "the same in appsettings.json and its production variants. Empty values, placeholders (\"<secret>\", \"${JWT_KEY}\", "
            + "\"changeme\"), configuration key names (\"Jwt:Key\"), appsettings.Development.json and *.example files are left out.",
        "var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(\"q7F2mZ9xLr4TbW8nKc3VhY6pJd1sGe5A\"));\n\n// appsettings.json\n\"Payments\": { \"ApiKey\": \"pgw_3f9c2a7e41b84d0c9e15\" }",
        "var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(builder.Configuration[\"Jwt:Key\"]!));\n\n// appsettings.json keeps the key empty; the value comes from user secrets or the environment (Payments__ApiKey)\n\"Payments\": { \"ApiKey\": \"\" }",
        [
            "https://learn.microsoft.com/aspnet/core/security/app-secrets",
            "https://learn.microsoft.com/azure/key-vault/general/basic-concepts",
            "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html",
            "https://owasp.org/Top10/A07_2021-Identification_and_Authentication_Failures/",
        ],
        ["CWE-798", "CWE-259", "CWE-321", "OWASP-A07:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    private const string Fix = "Read it from configuration (user secrets in development, environment variables or a vault in production), and rotate the committed value.";

    public IEnumerable<Finding> Check(CodeReviewContext context)
    {
        foreach (var (literal, document) in context.Syntax.StringLiterals)
        {
            if (Holder(literal, literal.Token.ValueText) is not { } holder || DevelopmentOnly.Runs(literal))
            {
                continue;
            }

            yield return Finding.At(Metadata, document.LocationOf(literal), $"{holder} is a hard-coded credential: everyone who can read the repository has it.", Fix);
        }

        foreach (var entry in context.Model.Configuration.Where(e => e.IsSecret && IsCommittedSettings(e.File) && !IsPublicMaterial(e.Key)))
        {
            if (RawValue(context, entry) is { } raw && (CredentialValues.HasRealPassword(raw) || (!SecretMasker.LooksLikeConnectionString(raw) && CredentialValues.LooksReal(entry.Key, raw))))
            {
                yield return Finding.At(
                    Metadata,
                    new SourceLocation(entry.File, entry.Line, 1, 0, 0),
                    $"{entry.Key} in {Path.GetFileName(entry.File)} holds a real-looking credential: it is committed with the code and deployed with every build.",
                    "Leave the value empty in the committed file and supply it from user secrets, the environment or a vault; rotate the committed value.");
            }
        }
    }

    /// <summary>
    /// A public key or a certificate thumbprint (Jwt:PublicKey, Signing:CertificateThumbprint): text that looks like
    /// key material and is masked like it, but publishing it gives nobody anything. A certificate itself may be a
    /// PFX with its private key, so it stays a credential.
    /// </summary>
    private static bool IsPublicMaterial(string key)
    {
        var last = key[(key.LastIndexOf(':') + 1)..].Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        return last.Contains("publickey", StringComparison.Ordinal) || last.EndsWith("thumbprint", StringComparison.Ordinal);
    }

    /// <summary>What holds the literal when that makes it a credential: a secret-named variable, member or argument, a key, a password.</summary>
    private static string? Holder(LiteralExpressionSyntax literal, string value)
    {
        // A connection string names its own password, whatever holds it.
        if (CredentialValues.HasRealPassword(value))
        {
            return "the password in this connection string";
        }

        switch (literal.Parent)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                return Named(declarator.Identifier.ValueText, value);
            case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                return Named(property.Identifier.ValueText, value);
            case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                return Named(property.Identifier.ValueText, value);
            case AssignmentExpressionSyntax assignment when assignment.Right == literal && SettingAssignments.MemberName(assignment.Left) is { } member:
                return Named(member, value);
            case ArgumentSyntax { NameColon.Name.Identifier.ValueText: var parameter }:
                return Named(parameter, value);
            case ArgumentSyntax argument when argument.Parent?.Parent is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetBytes" } } getBytes
                && getBytes.Parent?.Parent?.Parent is ObjectCreationExpressionSyntax { Type: var keyType } && keyType.ToString().EndsWith("SymmetricSecurityKey", StringComparison.Ordinal):
                return CredentialValues.IsPlaceholder(value) ? null : "the SymmetricSecurityKey's key";
            case ArgumentSyntax argument when argument.Parent is ArgumentListSyntax { Parent: ObjectCreationExpressionSyntax { Type: var credentialType } } list
                && credentialType.ToString().EndsWith("NetworkCredential", StringComparison.Ordinal) && list.Arguments.IndexOf(argument) == 1:
                return CredentialValues.IsPlaceholder(value) ? null : "the NetworkCredential's password";
            default:
                return null;
        }
    }

    private static string? Named(string name, string value)
    {
        return SecretNames.IsSecret(name) && CredentialValues.LooksReal(name, value) ? name : null;
    }

    /// <summary>appsettings.json and its deployed variants; development, local and test files and examples are not deployed secrets.</summary>
    private static bool IsCommittedSettings(string file)
    {
        var name = Path.GetFileName(file).ToLowerInvariant();
        return !name.Contains(".development.", StringComparison.Ordinal) && !name.Contains(".local.", StringComparison.Ordinal)
            && !name.Contains(".test.", StringComparison.Ordinal) && !name.Contains(".testing.", StringComparison.Ordinal)
            && !name.Contains("example", StringComparison.Ordinal) && !name.Contains("template", StringComparison.Ordinal)
            && !name.Contains("sample", StringComparison.Ordinal) && !file.Contains("/test", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The value as written on the entry's line (the model keeps only its masked form).</summary>
    private static string? RawValue(CodeReviewContext context, ConfigEntry entry)
    {
        var file = context.Workspace.Files.FirstOrDefault(f => f.Path == entry.File);
        if (file is null)
        {
            return null;
        }

        var lines = file.Text.Split('\n');
        if (entry.Line < 1 || entry.Line > lines.Length)
        {
            return null;
        }

        var key = entry.Key[(entry.Key.LastIndexOf(':') + 1)..];
        var match = JsonPair().Matches(lines[entry.Line - 1]).FirstOrDefault(m => m.Groups["key"].Value == key);
        return match?.Groups["value"].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"""(?<key>[^""]+)""\s*:\s*""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex JsonPair();
}
