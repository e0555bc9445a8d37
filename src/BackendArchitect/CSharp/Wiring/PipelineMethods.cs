using System.Collections.Frozen;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Wiring;

/// <summary>
/// The code base's own methods that take the application builder (<c>UseApiPipeline(this WebApplication app)</c>,
/// <c>Pipeline.Configure(IApplicationBuilder app)</c>, local functions of Program.cs), so the pipeline
/// reader can follow a call into them.
/// </summary>
internal sealed class PipelineMethods
{
    public static readonly FrozenSet<string> AppTypes = FrozenSet.ToFrozenSet(["IApplicationBuilder", "WebApplication"], StringComparer.Ordinal);

    private readonly Dictionary<string, List<PipelineMethod>> byName = new(StringComparer.Ordinal);

    public static PipelineMethods Build(IEnumerable<CSharpDocument> documents)
    {
        var result = new PipelineMethods();
        foreach (var doc in documents)
        {
            var text = doc.File.Text;
            if (!text.Contains("IApplicationBuilder", StringComparison.Ordinal) && !text.Contains("WebApplication", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var node in doc.Root.DescendantNodes(n => n is not ExpressionSyntax))
            {
                var (name, parameters) = node switch
                {
                    MethodDeclarationSyntax m => (m.Identifier.ValueText, m.ParameterList),
                    LocalFunctionStatementSyntax l => (l.Identifier.ValueText, l.ParameterList),
                    _ => (null, null),
                };
                if (name is null || parameters is null)
                {
                    continue;
                }

                for (var i = 0; i < parameters.Parameters.Count; i++)
                {
                    var p = parameters.Parameters[i];
                    if (p.Type is not null && AppTypes.Contains(SyntaxHelpers.SimpleTypeName(p.Type.ToString())))
                    {
                        if (!result.byName.TryGetValue(name, out var list))
                        {
                            result.byName[name] = list = [];
                        }

                        list.Add(new PipelineMethod(node, doc, parameters, i, i == 0 && p.Modifiers.Any(SyntaxKind.ThisKeyword)));
                        break;
                    }
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The method a call goes to: an extension called on the app (<paramref name="argumentIndex"/> -1) or
    /// a method that receives the app at that argument. Same-file, then same-service declarations win.
    /// </summary>
    public PipelineMethod? Resolve(string name, int argumentIndex, int argumentCount, CSharpDocument caller, Func<CSharpDocument, bool> sameService)
    {
        if (!byName.TryGetValue(name, out var candidates))
        {
            return null;
        }

        return candidates
            .Where(c => argumentIndex < 0
                ? c.IsExtension && c.ParameterCount - 1 >= argumentCount
                : c.AppParameterIndex == argumentIndex && c.ParameterCount >= argumentCount)
            .Where(c => c.Node is not LocalFunctionStatementSyntax || c.Document == caller)
            .OrderBy(c => c.Document == caller ? 0 : sameService(c.Document) ? 1 : 2)
            .ThenBy(c => c.Document.Path, StringComparer.Ordinal)
            .ThenBy(c => c.Node.SpanStart)
            .FirstOrDefault();
    }
}

/// <summary>A method or local function with an application-builder parameter at <paramref name="AppParameterIndex"/>.</summary>
internal sealed record PipelineMethod(SyntaxNode Node, CSharpDocument Document, ParameterListSyntax Parameters, int AppParameterIndex, bool IsExtension)
{
    public int ParameterCount => Parameters.Parameters.Count;

    public string AppParameterName => Parameters.Parameters[AppParameterIndex].Identifier.ValueText;

    public BlockSyntax? Body => Node switch
    {
        MethodDeclarationSyntax m => m.Body,
        LocalFunctionStatementSyntax l => l.Body,
        _ => null,
    };

    public ExpressionSyntax? ExpressionBody => Node switch
    {
        MethodDeclarationSyntax m => m.ExpressionBody?.Expression,
        LocalFunctionStatementSyntax l => l.ExpressionBody?.Expression,
        _ => null,
    };
}
