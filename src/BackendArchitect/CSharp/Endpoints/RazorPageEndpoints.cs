using BackendArchitect.Model;
using BackendArchitect.Workspace;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>Razor Pages: .cshtml files with an @page directive under a Pages folder.</summary>
public static class RazorPageEndpoints
{
    public static IEnumerable<Endpoint> Discover(CSharpCorpus corpus, WorkspaceSnapshot workspace, IReadOnlyDictionary<string, ServiceAuthDefaults> defaults, ICollection<Diagnostic> diagnostics) => [];
}
