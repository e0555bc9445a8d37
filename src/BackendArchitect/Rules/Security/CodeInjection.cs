using BackendArchitect.Dataflow;
using BackendArchitect.Findings;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC016: Request data is compiled, evaluated or loaded as code.</summary>
public sealed class CodeInjection : ICodeRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC016",
        "code-injection",
        "security",
        Severity.Error,
        "Request data is compiled, evaluated or loaded as code.",
        "A value the caller controls reaches CSharpScript.EvaluateAsync or RunAsync (Roslyn scripting), or names the assembly Assembly.LoadFrom or LoadFile loads. The caller then runs code of their choosing inside the service, with all of its access. Evaluate only fixed scripts, and choose assemblies from a list the server owns.",
        "app.MapPost(\"/rules/evaluate\", async (string expression) =>\n    await CSharpScript.EvaluateAsync<decimal>(expression));",
        "app.MapPost(\"/rules/evaluate\", (RuleInput input) =>\n    PricingRules.Evaluate(input.RuleName, input.Amount)); // a fixed set of rules, chosen by name",
        ["https://cheatsheetseries.owasp.org/cheatsheets/Injection_Prevention_Cheat_Sheet.html", "https://cwe.mitre.org/data/definitions/94.html"],
        ["CWE-94", "CWE-470", "OWASP-A03:2021"])
    {
        Applicability = RuleApplicability.CSharp,
        SecuritySeverity = "9.8",
    };

    public IEnumerable<Finding> Check(CodeReviewContext context) =>
        InjectionFindings.Of(
            context,
            Metadata,
            TaintKind.Code,
            flow => $"{flow.Source} of {InjectionFindings.Reached(flow)} is run as code by {flow.Sink}.",
            "Never evaluate or load code named by a request: map the request to one of a fixed set of operations the server defines.");
}
