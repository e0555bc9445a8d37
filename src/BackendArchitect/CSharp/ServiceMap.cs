using BackendArchitect.Model;

namespace BackendArchitect.CSharp;

/// <summary>The services of a workspace and which service each project's code runs in.</summary>
public sealed class ServiceMap(
    IReadOnlyList<Service> services,
    IReadOnlyDictionary<string, string> serviceByProjectPath,
    IReadOnlyDictionary<string, IReadOnlyList<CSharpDocument>> documentsByService,
    string fallbackName)
{
    public static ServiceMap Empty { get; } = new([], new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<CSharpDocument>>(), "app");

    public IReadOnlyList<Service> Services { get; } = services;

    /// <summary>The name used for code that no service owns (a loose folder of files, a library nobody references).</summary>
    public string FallbackName { get; } = fallbackName;

    /// <summary>The service a document's code runs in.</summary>
    public string ServiceOf(CSharpDocument document)
    {
        if (document.Project is not null && serviceByProjectPath.TryGetValue(document.Project.Path, out var name))
        {
            return name;
        }

        // Loose files with no project belong to the only service there is; a project that no
        // service references (a worker, a tool) keeps its own name.
        if (document.Project is not null)
        {
            return document.Project.Name;
        }

        return Services.Count == 1 ? Services[0].Name : FallbackName;
    }

    /// <summary>The documents of a service's own project (where its host is built and wired).</summary>
    public IReadOnlyList<CSharpDocument> DocumentsOf(string service) =>
        documentsByService.TryGetValue(service, out var docs) ? docs : [];
}
