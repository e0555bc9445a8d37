using BackendArchitect.Dataflow;
using BackendArchitect.Findings;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC014: Request data decides where a redirect sends the browser.</summary>
public sealed class OpenRedirect : ICodeRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC014",
        "open-redirect",
        "security",
        Severity.Warning,
        "Request data decides where a redirect sends the browser.",
        "Redirect, RedirectPermanent, Results.Redirect, Response.Redirect or a RedirectResult gets a URL whose start the caller controls, typically a returnUrl after sign-in. A link to the trusted site then forwards users to a look-alike that collects their password or token. LocalRedirect, Results.LocalRedirect or a Url.IsLocalUrl check keep the redirect on the site; a fixed local path with a value after it is not reported.",
        "[HttpPost(\"login\")]\npublic async Task<IActionResult> Login(LoginForm form, string returnUrl)\n{\n    await SignInAsync(form);\n    return Redirect(returnUrl);\n}",
        "[HttpPost(\"login\")]\npublic async Task<IActionResult> Login(LoginForm form, string returnUrl)\n{\n    await SignInAsync(form);\n    return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : \"/\");\n}",
        ["https://learn.microsoft.com/aspnet/core/security/preventing-open-redirects", "https://cheatsheetseries.owasp.org/cheatsheets/Unvalidated_Redirects_and_Forwards_Cheat_Sheet.html"],
        ["CWE-601", "OWASP-A01:2021"])
    {
        Applicability = RuleApplicability.CSharp,
        SecuritySeverity = "6.1",
    };

    public IEnumerable<Finding> Check(CodeReviewContext context) =>
        InjectionFindings.Of(
            context,
            Metadata,
            TaintKind.Redirect,
            flow => $"{flow.Source} of {InjectionFindings.Reached(flow)} decides where {flow.Sink} sends the browser.",
            "Use LocalRedirect (Results.LocalRedirect), or check the URL with Url.IsLocalUrl and fall back to a fixed page.");
}
