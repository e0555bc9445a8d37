using BackendArchitect.Dataflow;
using BackendArchitect.Findings;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC015: Request data is written into HTML without encoding.</summary>
public sealed class HtmlFromRequest : ICodeRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC015",
        "html-built-from-request",
        "security",
        Severity.Error,
        "Request data is written into HTML without encoding.",
        "A value the caller controls reaches Html.Raw, an HtmlString or a Blazor MarkupString, all of which tell the view engine that the text is already safe HTML. Razor encodes everything else; these bypass it, so a script in the value runs in other users' browsers with their session (stored or reflected cross-site scripting). Let Razor encode the value, or sanitize it with an HTML sanitizer that keeps an allow-list of tags.",
        "public IActionResult Preview(string bio) =>\n    View(model: new HtmlString(\"<p>\" + bio + \"</p>\"));",
        "public IActionResult Preview(string bio) =>\n    View(model: bio); // rendered with @Model, which Razor encodes",
        ["https://learn.microsoft.com/aspnet/core/security/cross-site-scripting", "https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html"],
        ["CWE-79", "OWASP-A03:2021"])
    {
        Applicability = RuleApplicability.CSharp,
        SecuritySeverity = "6.1",
    };

    public IEnumerable<Finding> Check(CodeReviewContext context) =>
        InjectionFindings.Of(
            context,
            Metadata,
            TaintKind.Html,
            flow => $"{flow.Source} of {InjectionFindings.Reached(flow)} is written as HTML through {flow.Sink} without encoding.",
            "Let Razor encode the value (@value), or pass it through an HTML sanitizer with an allow-list of tags before marking it as HTML.");
}
