using BackendArchitect.Model;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>Minimal APIs (MapGet/MapPost/... and MapGroup), SignalR hubs and gRPC services.</summary>
public static class MinimalApiEndpoints
{
    public static IEnumerable<Endpoint> Discover(CSharpCorpus corpus, IReadOnlyDictionary<string, ServiceAuthDefaults> defaults, ICollection<Diagnostic> diagnostics) => [];
}
