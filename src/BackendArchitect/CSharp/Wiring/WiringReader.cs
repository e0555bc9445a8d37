namespace BackendArchitect.CSharp.Wiring;

/// <summary>Middleware order, DI registrations, auth schemes, policies, health checks, HttpClients, buses and caches.</summary>
public static class WiringReader
{
    public static WiringFacts Read(CSharpCorpus corpus, ICollection<Diagnostic> diagnostics) => WiringFacts.Empty;
}
