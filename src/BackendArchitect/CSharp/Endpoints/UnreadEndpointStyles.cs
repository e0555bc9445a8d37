using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// Endpoint styles the scan recognises but does not read (OData routing, gRPC code-first, Azure Functions HTTP
/// triggers): one diagnostic per service and style, at its first use, so that a
/// short endpoint list is not mistaken for a complete one.
/// </summary>
public static class UnreadEndpointStyles
{
    /// <summary>Text every use of a style contains; documents without any are not parsed for this.</summary>
    private static readonly string[] Markers = ["AddOData", "ODataController", "AddCodeFirstGrpc", "HttpTrigger"];

    public static void Report(CSharpCorpus corpus, ICollection<Diagnostic> diagnostics)
    {
        var seen = new HashSet<(string Service, string Style)>();
        foreach (var doc in corpus.Documents.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            if (!Markers.Any(m => doc.File.Text.Contains(m, StringComparison.Ordinal)))
            {
                continue;
            }

            var service = corpus.Services.ServiceOf(doc);
            foreach (var node in doc.Root.DescendantNodes())
            {
                if (Style(node) is { } style && seen.Add((service, style.Key)))
                {
                    diagnostics.Add(new Diagnostic(doc.Path, doc.LineOf(node), style.Message));
                }
            }
        }
    }

    /// <summary>The style a node uses, or null.</summary>
    private static (string Key, string Message)? Style(SyntaxNode node)
    {
        switch (node)
        {
            case InvocationExpressionSyntax invocation when SyntaxHelpers.InvokedName(invocation) == "AddOData":
                return ("odata", OData);
            case BaseListSyntax bases when bases.Types.Any(t => SyntaxHelpers.SimpleTypeName(t.Type.ToString()) == "ODataController"):
                return ("odata", OData);
            case InvocationExpressionSyntax invocation when SyntaxHelpers.InvokedName(invocation) == "AddCodeFirstGrpc":
                return ("grpc-code-first", "gRPC code-first services (AddCodeFirstGrpc) are not read: their endpoints are missing");
            case AttributeSyntax attribute when SyntaxHelpers.AttributeName(attribute) == "HttpTrigger":
                return ("functions", "Azure Functions HTTP triggers ([HttpTrigger]) are not read: their endpoints are missing");
            default:
                return null;
        }
    }

    private const string OData = "OData routing (AddOData, ODataController) is not read: OData endpoints may be missing or listed without their OData routes";
}
