namespace BackendArchitect.Config;

/// <summary>
/// Recognises generated key material with no vendor prefix (AWS secret keys, base64 signing keys,
/// random passwords): long runs of the base64/base64url alphabet that mix upper case, lower case
/// and digits, switch between them as often as random text does, and carry high entropy.
/// </summary>
public static class SecretEntropy
{
    /// <summary>Shorter runs are too often ordinary words or ids to judge by randomness.</summary>
    public const int MinLength = 20;

    /// <summary>True when the whole token looks randomly generated.</summary>
    /// <remarks>
    /// Each requirement removes a family of look-alikes: the three character classes rule out hex
    /// digests, GUIDs (ids, not secrets) and upper-case constants; the alphabet rules out host names,
    /// versions and type names (they hold '.'), URLs and routes (':' '{'); the class switches rule out
    /// identifiers and paths made of words ("src/Orders/OrderService2"), where letters of one case run long,
    /// and the separator count rules out words joined by '_', '-' or '/'.
    /// </remarks>
    public static bool LooksRandom(ReadOnlySpan<char> token)
    {
        if (token.Length < MinLength)
        {
            return false;
        }

        bool upper = false, lower = false, digit = false;
        var switches = 0;
        var separators = 0;
        var previous = Class(token[0]);
        Span<int> counts = stackalloc int[128];
        foreach (var c in token)
        {
            if (c >= 128 || !IsKeyChar(c))
            {
                return false;
            }

            counts[c]++;
            separators += c is '_' or '-' or '/' ? 1 : 0;
            var current = Class(c);
            upper |= current == 'U';
            lower |= current == 'L';
            digit |= current == 'D';
            if (current != previous)
            {
                switches++;
                previous = current;
            }
        }

        // Words joined by separators ("Explain_of_an_unknown_rule_2", "src/Orders/V2") switch class at every
        // joint; random base64 has a separator in about one character of thirty.
        if (!(upper && lower && digit) || separators * 8 > token.Length)
        {
            return false;
        }

        // Random base64 changes class at about two of three characters; words and camel case at one in five.
        var switchRate = (double)switches / (token.Length - 1);
        return switchRate >= 0.4 && Entropy(counts, token.Length) >= 3.6;
    }

    /// <summary>Characters of base64, base64url and their padding.</summary>
    public static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '_' or '-';

    private static char Class(char c) => char.IsAsciiLetterUpper(c) ? 'U' : char.IsAsciiLetterLower(c) ? 'L' : char.IsAsciiDigit(c) ? 'D' : 'S';

    private static double Entropy(Span<int> counts, int length)
    {
        var bits = 0.0;
        foreach (var count in counts)
        {
            if (count > 0)
            {
                var p = (double)count / length;
                bits -= p * Math.Log2(p);
            }
        }

        return bits;
    }
}
