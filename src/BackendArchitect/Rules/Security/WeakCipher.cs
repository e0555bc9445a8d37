using System.Collections.Frozen;
using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC039: a cipher, mode or padding that no longer protects data (DES, RC2, ECB, RSA with PKCS#1 v1.5 encryption padding).</summary>
public sealed class WeakCipher : ISyntaxRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC039",
        "weak-cipher",
        "security",
        Severity.Warning,
        "Data is encrypted with DES or RC2, in ECB mode, or with RSA's PKCS#1 v1.5 encryption padding.",
        "DES has a 56-bit key that is searched exhaustively in hours, and RC2 is as old and as broken; both are kept in .NET only to "
            + "read old data. ECB encrypts equal blocks to equal ciphertext, so the shape of the data shows through (and blocks can be "
            + "cut and pasted between messages) whatever the cipher. RSA encryption with PKCS#1 v1.5 padding (RSAEncryptionPadding.Pkcs1, "
            + "RSACryptoServiceProvider.Encrypt(data, false), RSAPKCS1KeyExchangeFormatter) is open to padding-oracle attacks that "
            + "recover the plaintext from a service that says whether a decryption failed. Use AES-GCM (AesGcm) or AES-CBC with an "
            + "HMAC, and OAEP padding for RSA. TripleDES and CBC are not reported: they are still accepted for existing data, and CBC "
            + "is the platform's default.",
        "using var aes = Aes.Create();\naes.Mode = CipherMode.ECB;\nvar cipherText = aes.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);",
        "using var aes = new AesGcm(key, tagSizeInBytes: 16);\naes.Encrypt(nonce, data, cipherText, tag);\n\nvar wrapped = rsa.Encrypt(secret, RSAEncryptionPadding.OaepSHA256);",
        [
            "https://learn.microsoft.com/dotnet/standard/security/cryptographic-services#symmetric-encryption",
            "https://learn.microsoft.com/dotnet/fundamentals/code-analysis/quality-rules/ca5351",
            "https://learn.microsoft.com/dotnet/fundamentals/code-analysis/quality-rules/ca5358",
            "https://learn.microsoft.com/dotnet/standard/security/vulnerabilities-cbc-mode",
            "https://owasp.org/Top10/A02_2021-Cryptographic_Failures/",
        ],
        ["CWE-327", "CWE-780", "OWASP-A02:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    /// <summary>Algorithm classes whose static Create makes a broken cipher, and the providers that implement them.</summary>
    private static readonly FrozenDictionary<string, string> BrokenAlgorithms = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DES"] = "DES",
        ["RC2"] = "RC2",
        ["DESCryptoServiceProvider"] = "DES",
        ["RC2CryptoServiceProvider"] = "RC2",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Pkcs1KeyExchange = FrozenSet.ToFrozenSet(
        ["RSAPKCS1KeyExchangeFormatter", "RSAPKCS1KeyExchangeDeformatter"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> RsaEncryption = FrozenSet.ToFrozenSet(
        ["Encrypt", "Decrypt", "TryEncrypt", "TryDecrypt"], StringComparer.Ordinal);

    private const string SymmetricFix = "Use AES-GCM (AesGcm) for new data, or Aes with CBC and an HMAC over the ciphertext; keep DES, RC2 and ECB only to decrypt old data once, and re-encrypt it.";
    private const string RsaFix = "Encrypt with OAEP padding (RSAEncryptionPadding.OaepSHA256, or RSAOAEPKeyExchangeFormatter); PKCS#1 v1.5 stays only for reading old data.";

    public IEnumerable<Finding> Check(SyntaxReviewContext context)
    {
        foreach (var (creation, document) in context.Syntax.Creations)
        {
            var type = creation is ObjectCreationExpressionSyntax { Type: var written } ? UsingAliases.Resolve(creation, SyntaxHelpers.SimpleTypeName(written.ToString())) : null;
            if (type is not null && BrokenAlgorithms.TryGetValue(type, out var algorithm))
            {
                yield return Finding.At(Metadata, document.LocationOf(creation), BrokenMessage(algorithm), SymmetricFix);
            }
            else if (type is not null && Pkcs1KeyExchange.Contains(type))
            {
                yield return Finding.At(Metadata, document.LocationOf(creation), $"{type} wraps keys with PKCS#1 v1.5 padding, which a padding oracle decrypts without the private key.", RsaFix);
            }
        }

        foreach (var (invocation, document) in context.Syntax.Invocations)
        {
            if (Message(invocation) is { } found)
            {
                yield return Finding.At(Metadata, document.LocationOf(invocation), found.Message, found.Fix);
            }
        }

        // CipherMode.ECB is a value: wherever code passes or assigns it, ECB is what runs. Only files that spell it are walked.
        foreach (var document in context.Corpus.Documents)
        {
            if (!document.File.Text.Contains("ECB", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var node in document.Root.DescendantNodes().OfType<ExpressionSyntax>())
            {
                if (IsEcbValue(node) && !IsComparedOrMatched(node))
                {
                    yield return Finding.At(Metadata, document.LocationOf(node), "CipherMode.ECB encrypts equal blocks to equal ciphertext, so patterns in the data show through the encryption.", SymmetricFix);
                }
            }
        }
    }

    private static (string Message, string Fix)? Message(InvocationExpressionSyntax invocation)
    {
        var name = SyntaxHelpers.InvokedName(invocation);
        var receiver = SyntaxHelpers.Receiver(invocation);
        // Resolving the receiver through the file's aliases is paid only by the calls that create an algorithm.
        var receiverType = name is "Create" or "CreateFromName" && receiver is not null
            ? UsingAliases.Resolve(invocation, receiver is MemberAccessExpressionSyntax m ? m.Name.Identifier.ValueText : receiver.ToString())
            : null;
        switch (name)
        {
            case "Create" when receiverType is not null && BrokenAlgorithms.TryGetValue(receiverType, out var algorithm):
                return (BrokenMessage(algorithm), SymmetricFix);
            case "Create" or "CreateFromName" when receiverType is "SymmetricAlgorithm" or "CryptoConfig"
                && invocation.ArgumentList.Arguments is [{ Expression: LiteralExpressionSyntax literal }, ..]
                && BrokenAlgorithms.TryGetValue(literal.Token.ValueText, out var named):
                return (BrokenMessage(named), SymmetricFix);
            case "EncryptEcb" or "DecryptEcb":
                return ($"{name} runs the cipher in ECB mode, which encrypts equal blocks to equal ciphertext, so patterns in the data show through.", SymmetricFix);
            case not null when RsaEncryption.Contains(name) && invocation.ArgumentList.Arguments.Any(a => IsPkcs1Padding(a.Expression)):
                return ($"RSA {name} with RSAEncryptionPadding.Pkcs1 uses PKCS#1 v1.5 padding, which a padding oracle decrypts without the private key.", RsaFix);
            case "Encrypt" or "Decrypt" when invocation.ArgumentList.Arguments is [_, { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.FalseLiteralExpression } }]
                && receiver is IdentifierNameSyntax { Identifier.ValueText: var rsa } && SyntaxHelpers.IsDeclaredAs(invocation, rsa, type => type == "RSACryptoServiceProvider"):
                return ($"RSACryptoServiceProvider.{name}(data, false) uses PKCS#1 v1.5 padding instead of OAEP, which a padding oracle decrypts without the private key.", RsaFix);
            default:
                return null;
        }
    }

    private static string BrokenMessage(string algorithm) => algorithm == "DES"
        ? "DES has a 56-bit key that can be found by exhaustive search; data encrypted with it is not protected."
        : "RC2 is a broken 1980s cipher kept only for old data; data encrypted with it is not protected.";

    private static bool IsPkcs1Padding(ExpressionSyntax expression) =>
        expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Pkcs1", Expression: var type }
        && SyntaxHelpers.SimpleTypeName(type.ToString()) == "RSAEncryptionPadding";

    /// <summary>CipherMode.ECB, written through an alias (CM.ECB) or a static import (ECB).</summary>
    private static bool IsEcbValue(ExpressionSyntax node) => node switch
    {
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ECB", Expression: var type } =>
            UsingAliases.Resolve(node, SyntaxHelpers.SimpleTypeName(type.ToString())) == "CipherMode",
        IdentifierNameSyntax { Identifier.ValueText: "ECB" } when node.Parent is not MemberAccessExpressionSyntax { Name: var name } || name != node =>
            UsingAliases.StaticImports(node, "ECB").Contains("CipherMode"),
        _ => false,
    };

    /// <summary>A check against ECB (mode == CipherMode.ECB, case CipherMode.ECB:, is CipherMode.ECB) rejects it rather than uses it.</summary>
    private static bool IsComparedOrMatched(SyntaxNode node) =>
        node.Parent is BinaryExpressionSyntax binary && (binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression))
        || node.Parent is CaseSwitchLabelSyntax or ConstantPatternSyntax;
}
