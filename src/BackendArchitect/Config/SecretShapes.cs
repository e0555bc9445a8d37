using System.Text.RegularExpressions;

namespace BackendArchitect.Config;

/// <summary>
/// The catalogue of credential formats recognised by their shape alone: a vendor prefix with the
/// length and alphabet that vendor issues, so prose that merely mentions a prefix ("ghp_", "sk_live_")
/// is not a match.
/// </summary>
public static partial class SecretShapes
{
    /// <summary>True when the whole value is one known credential token.</summary>
    public static bool IsToken(string value)
    {
        var match = Token().Match(value);
        return match.Success && match.Index == 0 && match.Length == value.Length;
    }

    /// <summary>Masks every known credential token inside a text, keeping the text around it.</summary>
    public static string MaskTokens(string text) =>
        Token().Replace(text, m => SecretMasker.Mask(m.Value));

    /// <summary>Masks the private part of chat webhooks (the channel path after /services/).</summary>
    public static string MaskWebhooks(string text) =>
        SlackWebhook().Replace(text, m => m.Groups[1].Value + SecretMasker.Mask(m.Groups[2].Value));

    /// <summary>Masks the bodies of PEM private key blocks, whether on several lines or with escaped newlines.</summary>
    public static string MaskPrivateKeyBlocks(string text) =>
        PrivateKeyBlock().Replace(text, m => m.Groups[1].Value + "****" + m.Groups[3].Value);

    // One alternative per vendor format (fixed prefix, then the issued alphabet and length):
    // GitHub classic and fine-grained tokens; GitLab; AWS access key ids; Stripe secret and restricted
    // keys (live and test: a test key still authenticates) and webhook secrets, not publishable pk_ keys;
    // Slack bot/user/app tokens; Google API keys and OAuth client secrets; Azure AD client secrets
    // ("Q~" marks them); SendGrid; npm; OpenAI-style sk- keys; JSON web tokens.
    [GeneratedRegex(
        @"(?<![A-Za-z0-9_\-])(?:"
        + @"gh[pousr]_[A-Za-z0-9]{36,255}"
        + @"|github_pat_[A-Za-z0-9_]{50,255}"
        + @"|glpat-[A-Za-z0-9_\-]{20,}"
        + @"|(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}"
        + @"|(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}"
        + @"|whsec_[A-Za-z0-9+/=]{24,}"
        + @"|xox[abposre]-[A-Za-z0-9\-]{10,}"
        + @"|xapp-\d-[A-Za-z0-9\-]{10,}"
        + @"|AIza[A-Za-z0-9_\-]{35}"
        + @"|GOCSPX-[A-Za-z0-9_\-]{20,}"
        + @"|[A-Za-z0-9_\-.]{3}\dQ~[A-Za-z0-9_\-.~]{31,34}"
        + @"|SG\.[A-Za-z0-9_\-]{16,32}\.[A-Za-z0-9_\-]{16,64}"
        + @"|npm_[A-Za-z0-9]{36}"
        + @"|sk-(?:proj-|svcacct-|ant-)?[A-Za-z0-9_\-]{32,}"
        + @"|eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}"
        + @")(?![A-Za-z0-9_\-])")]
    private static partial Regex Token();

    [GeneratedRegex(@"(https://hooks\.slack\.com/(?:services|workflows|triggers)/)([A-Za-z0-9/_\-]{8,})")]
    private static partial Regex SlackWebhook();

    [GeneratedRegex(@"(-----BEGIN [A-Z ]*PRIVATE KEY-----)(.*?)(-----END [A-Z ]*PRIVATE KEY-----|$)", RegexOptions.Singleline)]
    private static partial Regex PrivateKeyBlock();
}
