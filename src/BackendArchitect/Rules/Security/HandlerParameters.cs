using BackendArchitect.CSharp;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>Finds the declaration of an endpoint's bound parameter, so a finding about it points at the parameter.</summary>
public static class HandlerParameters
{
    /// <summary>
    /// The parameter of that name declared at or after the endpoint's line in its file (a controller action's own
    /// line, a lambda on the mapping line), else the first one of that name in the file (a method group further down);
    /// null when the handler lives in another file.
    /// </summary>
    public static (CSharpDocument Document, ParameterSyntax Parameter)? Find(CSharpCorpus corpus, Endpoint endpoint, string name)
    {
        var document = corpus.Documents.FirstOrDefault(d => d.Path == endpoint.File);
        if (document is null)
        {
            return null;
        }

        var candidates = document.Root.DescendantNodes().OfType<ParameterSyntax>().Where(p => p.Identifier.ValueText == name).ToArray();
        var best = candidates.FirstOrDefault(p => document.LineOf(p) >= endpoint.Line) ?? candidates.FirstOrDefault();
        return best is null ? null : (document, best);
    }
}
