using BackendArchitect.Findings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC032: an XML reader or document set up to process DTDs or resolve external entities.</summary>
public sealed class XmlExternalEntities : ISyntaxRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC032",
        "xml-external-entities",
        "security",
        Severity.Error,
        "XML parsing explicitly set to process DTDs (DtdProcessing.Parse, ProhibitDtd = false) or to resolve external resources (XmlResolver = new XmlUrlResolver()).",
        "A DTD in an uploaded or received XML document can declare entities that read local files (file:///etc/passwd, the "
            + "service's configuration), call internal URLs from the server (SSRF) or expand into gigabytes (billion laughs). .NET "
            + "ignores or prohibits DTDs and resolves nothing by default, so this only happens when code opts in: "
            + "DtdProcessing.Parse lets entities expand, and an XmlUrlResolver lets them fetch files and URLs. Parse together with a "
            + "resolver, or a resolver on XmlDocument, is an error; Parse alone (entity expansion, no external fetch) is a warning.",
        "var settings = new XmlReaderSettings\n{\n    DtdProcessing = DtdProcessing.Parse,\n    XmlResolver = new XmlUrlResolver(),\n};\nusing var reader = XmlReader.Create(upload, settings);",
        "var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit };\nusing var reader = XmlReader.Create(upload, settings);",
        [
            "https://learn.microsoft.com/dotnet/standard/data/xml/security-considerations",
            "https://learn.microsoft.com/dotnet/fundamentals/code-analysis/quality-rules/ca3075",
            "https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html#net",
            "https://owasp.org/Top10/A05_2021-Security_Misconfiguration/",
        ],
        ["CWE-611", "CWE-776", "OWASP-A05:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    public IEnumerable<Finding> Check(SyntaxReviewContext context)
    {
        foreach (var document in context.Corpus.Documents)
        {
            var text = document.File.Text;
            if (!text.Contains("DtdProcessing", StringComparison.Ordinal) && !text.Contains("XmlUrlResolver", StringComparison.Ordinal) && !text.Contains("ProhibitDtd", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (assignment, member) in SettingAssignments.In(document.Root))
            {
                var resolver = SetsUrlResolver(Siblings(assignment));
                var finding = member switch
                {
                    "DtdProcessing" when SettingAssignments.FlagNames(assignment.Right).Contains("Parse") => resolver
                        ? ("DtdProcessing.Parse with an XmlUrlResolver: a document's entities can read local files and call internal URLs from the server.", Severity.Error)
                        : ("DtdProcessing.Parse: a document's DTD is processed, so its entities expand (billion laughs) and any resolver set later fetches them.", Severity.Warning),
                    "ProhibitDtd" when SettingAssignments.IsFalse(assignment.Right) => ("ProhibitDtd = false: a document's DTD is processed, so its entities expand and resolve.", Severity.Warning),
                    "XmlResolver" when IsUrlResolver(assignment.Right) && !Siblings(assignment).Any(IsDtdParse) =>
                        ("XmlResolver = new XmlUrlResolver(): external entities and DTDs named by the document are fetched from files and URLs.", Severity.Error),
                    _ => ((string, Severity)?)null,
                };
                if (finding is { } f)
                {
                    yield return Finding.At(Metadata, document.LocationOf(assignment), f.Item1,
                        "Keep the defaults (DtdProcessing.Prohibit or Ignore, XmlResolver = null); if a DTD is required, set XmlResolver = null and a MaxCharactersFromEntities limit.")
                        with
                    { Severity = f.Item2 };
                }
            }
        }
    }

    /// <summary>The assignments made to the same object: its initializer, or the statements of the same block.</summary>
    private static IEnumerable<AssignmentExpressionSyntax> Siblings(AssignmentExpressionSyntax assignment) =>
        assignment.Parent is InitializerExpressionSyntax initializer
            ? initializer.Expressions.OfType<AssignmentExpressionSyntax>()
            : assignment.FirstAncestorOrSelf<BlockSyntax>()?.Statements.OfType<ExpressionStatementSyntax>().Select(s => s.Expression).OfType<AssignmentExpressionSyntax>() ?? [];

    private static bool SetsUrlResolver(IEnumerable<AssignmentExpressionSyntax> siblings) =>
        siblings.Any(s => SettingAssignments.MemberName(s.Left) == "XmlResolver" && IsUrlResolver(s.Right));

    private static bool IsDtdParse(AssignmentExpressionSyntax assignment) =>
        SettingAssignments.MemberName(assignment.Left) == "DtdProcessing" && SettingAssignments.FlagNames(assignment.Right).Contains("Parse");

    private static bool IsUrlResolver(ExpressionSyntax value) =>
        value is ObjectCreationExpressionSyntax { Type: var type } && type.ToString().EndsWith("XmlUrlResolver", StringComparison.Ordinal);
}
