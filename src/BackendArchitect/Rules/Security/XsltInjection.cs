using BackendArchitect.CSharp;
using BackendArchitect.Dataflow;
using BackendArchitect.Findings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC017: a request chooses the XSLT stylesheet a transform loads, or scripts are enabled for a stylesheet the code does not fix.</summary>
public sealed class XsltInjection : ICodeRule
{
    /// <summary>Roots a stylesheet path may start from and still be the application's own file.</summary>
    private static readonly HashSet<string> ApplicationRoots = new(StringComparer.Ordinal)
    {
        "ContentRootPath", "WebRootPath", "BaseDirectory", "GetCurrentDirectory", "CurrentDirectory",
    };

    public RuleMetadata Metadata { get; } = new(
        "SEC017",
        "xslt-injection",
        "security",
        Severity.Error,
        "Request data chooses the stylesheet XslCompiledTransform loads, or a stylesheet the code does not fix is loaded with scripts enabled.",
        "An XSLT stylesheet is a program: document() reads files and URLs from the server, and with XsltSettings.EnableScript "
            + "(or XsltSettings.TrustedXslt) an msxsl:script block runs C# inside the service. A stylesheet whose path, URI or "
            + "text the caller supplies, or an uploaded one, lets the caller read local files, call internal URLs and, with "
            + "scripts on, run code. Load only the application's own stylesheets, chosen from a fixed set, and keep the default "
            + "XsltSettings (no scripts, no document()); scripts enabled on a stylesheet that comes from a variable are a warning, "
            + "since whoever sets that value runs code.",
        "app.MapPost(\"/reports/render\", (string stylesheet, string xml) =>\n{\n    var transform = new XslCompiledTransform();\n    transform.Load(stylesheet, XsltSettings.TrustedXslt, new XmlUrlResolver());\n    ...\n});",
        "static readonly Dictionary<string, string> Stylesheets = new() { [\"invoice\"] = \"Transforms/invoice.xslt\" };\n\napp.MapPost(\"/reports/render\", (string report, string xml) =>\n{\n    if (!Stylesheets.TryGetValue(report, out var path)) return Results.NotFound();\n    var transform = new XslCompiledTransform();\n    transform.Load(path); // default XsltSettings: no scripts, no document()\n    ...\n});",
        [
            "https://learn.microsoft.com/dotnet/standard/data/xml/xslt-security-considerations",
            "https://learn.microsoft.com/dotnet/api/system.xml.xsl.xsltsettings",
            "https://owasp.org/www-community/attacks/XSLT_Injection",
        ],
        ["CWE-91", "CWE-94", "OWASP-A03:2021"])
    {
        Applicability = RuleApplicability.CSharp,
        SecuritySeverity = "8.8",
    };

    public IEnumerable<Finding> Check(CodeReviewContext context)
    {
        var flows = InjectionFindings.Of(
            context,
            Metadata,
            TaintKind.Xslt,
            flow => $"{flow.Source} of {InjectionFindings.Reached(flow)} chooses the XSLT stylesheet that {flow.Sink} loads; its document() calls read server files and URLs, and scripts, when enabled, run code.",
            "Load only the application's own stylesheets, picked from a fixed set by name, and keep the default XsltSettings.").ToList();
        var reached = flows.Select(f => (f.File, f.Line)).ToHashSet();
        return flows.Concat(ScriptsEnabled(context).Where(f => !reached.Contains((f.File, f.Line))));
    }

    /// <summary>Load(stylesheet, settings, resolver) where the settings enable scripts and the stylesheet is not the application's own constant file.</summary>
    private IEnumerable<Finding> ScriptsEnabled(CodeReviewContext context)
    {
        foreach (var document in context.Corpus.Documents)
        {
            if (!document.File.Text.Contains("XsltSettings", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var load in document.Root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (SyntaxHelpers.InvokedName(load) != "Load" || load.ArgumentList.Arguments is not [var stylesheet, var settings, ..]
                    || !EnablesScripts(settings.Expression, load) || IsApplicationConstant(stylesheet.Expression, load, 0) || DevelopmentOnly.Runs(load))
                {
                    continue;
                }

                var location = load.Expression is MemberAccessExpressionSyntax member
                    ? document.LocationOf(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(member.Name.SpanStart, load.Span.End))
                    : document.LocationOf(load);
                yield return Finding.At(
                    Metadata,
                    location,
                    $"The stylesheet '{stylesheet.Expression}' is loaded with scripts enabled ({settings.Expression}): whoever decides that value runs C# in the service through msxsl:script.",
                    "Keep the default XsltSettings (scripts and document() off); if a stylesheet truly needs script, load only a constant file the application ships.")
                    with
                { Severity = Severity.Warning };
            }
        }
    }

    /// <summary>XsltSettings.TrustedXslt, new XsltSettings(_, true), new XsltSettings { EnableScript = true }, or a local set up so in the same method.</summary>
    private static bool EnablesScripts(ExpressionSyntax settings, SyntaxNode at)
    {
        switch (settings)
        {
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "TrustedXslt" }:
                return true;
            case BaseObjectCreationExpressionSyntax creation:
                return creation.ArgumentList?.Arguments is [_, { Expression: var script }] && script.IsKind(SyntaxKind.TrueLiteralExpression)
                    || creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>().Any(IsEnableScript) == true;
            case IdentifierNameSyntax { Identifier.ValueText: var name }:
                var scope = at.FirstAncestorOrSelf<MemberDeclarationSyntax>();
                return scope is not null && scope.DescendantNodes().Any(node => node switch
                {
                    VariableDeclaratorSyntax { Initializer.Value: var value } declarator when declarator.Identifier.ValueText == name => EnablesScripts(value, at),
                    AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax owner } } assignment when owner.Identifier.ValueText == name => IsEnableScript(assignment),
                    _ => false,
                });
            default:
                return false;
        }
    }

    private static bool IsEnableScript(AssignmentExpressionSyntax assignment) =>
        SettingAssignments.MemberName(assignment.Left) == "EnableScript" && assignment.Right.IsKind(SyntaxKind.TrueLiteralExpression);

    /// <summary>A literal, a constant, or a path built only from them and the application's own folders (ContentRootPath, AppContext.BaseDirectory).</summary>
    private static bool IsApplicationConstant(ExpressionSyntax expression, SyntaxNode at, int depth) => depth < 4 && expression switch
    {
        LiteralExpressionSyntax => true,
        InterpolatedStringExpressionSyntax interpolated => interpolated.Contents.OfType<InterpolationSyntax>().All(i => IsApplicationConstant(i.Expression, at, depth)),
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } binary => IsApplicationConstant(binary.Left, at, depth) && IsApplicationConstant(binary.Right, at, depth),
        ParenthesizedExpressionSyntax parenthesized => IsApplicationConstant(parenthesized.Expression, at, depth),
        MemberAccessExpressionSyntax member => ApplicationRoots.Contains(member.Name.Identifier.ValueText) || IsConstant(member.Name.Identifier.ValueText, at, depth),
        IdentifierNameSyntax identifier => IsConstant(identifier.Identifier.ValueText, at, depth),
        InvocationExpressionSyntax invocation => SyntaxHelpers.InvokedName(invocation) is { } name
            && (ApplicationRoots.Contains(name) || name is "Combine" or "Create" or "Join" or "GetFullPath")
            && invocation.ArgumentList.Arguments.All(a => IsApplicationConstant(a.Expression, at, depth)),
        _ => false,
    };

    /// <summary>A const field or local of that name in the same file, or a local initialised from application constants.</summary>
    private static bool IsConstant(string name, SyntaxNode at, int depth) =>
        at.SyntaxTree.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>().Any(d =>
            d.Identifier.ValueText == name && d.Initializer?.Value is { } value
            && (d.Parent?.Parent is FieldDeclarationSyntax field && field.Modifiers.Any(m => m.IsKind(SyntaxKind.ConstKeyword) || m.IsKind(SyntaxKind.ReadOnlyKeyword))
                || d.Parent?.Parent is LocalDeclarationStatementSyntax)
            && !value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == name)
            && IsApplicationConstant(value, d, depth + 1));
}
