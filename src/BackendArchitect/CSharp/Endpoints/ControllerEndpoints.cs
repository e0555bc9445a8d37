using BackendArchitect.Model;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>MVC and API controllers: attribute routes, conventional routes, authorization.</summary>
public static class ControllerEndpoints
{
    public static IEnumerable<Endpoint> Discover(CSharpCorpus corpus, IReadOnlyDictionary<string, ServiceAuthDefaults> defaults, ICollection<Diagnostic> diagnostics) => [];
}
