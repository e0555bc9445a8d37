using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using BackendArchitect.Findings;

namespace BackendArchitect.Reports.Findings;

/// <summary>
/// Stable identities for findings, so code scanning tools can tell a new finding from one that moved:
/// a hash of the rule code, the file, the offending line's text (whitespace collapsed) and the message,
/// never the line number. Identical findings in one file get ":2", ":3"... in report order.
/// </summary>
public static class Fingerprints
{
    /// <summary>The SARIF partialFingerprints key; the version changes only if the recipe does.</summary>
    public const string Key = "architect/v1";

    /// <summary>One fingerprint per finding, in the same order.</summary>
    public static ImmutableArray<string> Of(IReadOnlyList<Finding> findings)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<string>(findings.Count);
        foreach (var finding in findings)
        {
            var hash = Hash(finding);
            var n = seen.TryGetValue(hash, out var count) ? count + 1 : 1;
            seen[hash] = n;
            result.Add(n == 1 ? hash : hash + ":" + n);
        }

        return result.MoveToImmutable();
    }

    private static string Hash(Finding f)
    {
        var text = string.Join('\0', "v1", f.Code, f.File, Normalize(f.Snippet), Normalize(f.Message));
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(bytes, 0, 16);
    }

    private static string Normalize(string? text) =>
        text is null ? "" : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
