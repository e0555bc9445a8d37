using BackendArchitect.Model;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>FastEndpoints endpoint classes (Configure() with Get/Post/...).</summary>
public static class FastEndpointsEndpoints
{
    public static IEnumerable<Endpoint> Discover(CSharpCorpus corpus, IReadOnlyDictionary<string, ServiceAuthDefaults> defaults, ICollection<Diagnostic> diagnostics) => [];
}
