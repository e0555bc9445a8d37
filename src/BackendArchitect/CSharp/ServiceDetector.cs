using BackendArchitect.Model;
using BackendArchitect.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp;

/// <summary>
/// Finds web entry points: projects on the Web SDK, or code that builds a WebApplication or web
/// host. Library projects belong to the services that reference them.
/// </summary>
public static class ServiceDetector
{
    private static readonly string[] HostMarkers =
    [
        "WebApplication.CreateBuilder", "WebApplication.CreateSlimBuilder", "WebApplication.CreateEmptyBuilder",
        "ConfigureWebHostDefaults", "WebHost.CreateDefaultBuilder",
    ];

    public static ServiceMap Detect(CSharpCorpus corpus, WorkspaceSnapshot workspace)
    {
        var rootName = Path.GetFileName(workspace.Root.TrimEnd('/', '\\'));
        var fallback = string.IsNullOrEmpty(rootName) ? "app" : rootName;
        var docsByProject = corpus.Documents.GroupBy(d => d.Project?.Path ?? "").ToDictionary(g => g.Key, g => g.ToList());
        var services = new List<Service>();
        var serviceByProject = new Dictionary<string, string>(StringComparer.Ordinal);
        var docsByService = new Dictionary<string, IReadOnlyList<CSharpDocument>>(StringComparer.Ordinal);

        foreach (var project in corpus.Projects)
        {
            if (project.IsTestProject)
            {
                continue;
            }

            var docs = docsByProject.GetValueOrDefault(project.Path) ?? [];

            // Off the Web SDK, only a program's own start builds a service: a class library's hosting
            // helper (an extension that calls WebApplication.CreateBuilder for its callers) does not.
            var entry = FindEntryPoint(project.IsWebSdk ? docs : docs.Where(IsProgramStart));
            if (!project.IsWebSdk && entry is null)
            {
                continue;
            }

            entry ??= docs.FirstOrDefault(d => d.File.FileName == "Program.cs") ?? docs.FirstOrDefault(d => d.File.FileName == "Startup.cs");
            var name = UniqueName(project.Name, services);
            services.Add(new Service(name, project.Directory, project.Path, project.TargetFramework, entry is null ? null : new SourceLocation(entry.Path, 1)));
            serviceByProject[project.Path] = name;
            docsByService[name] = docs;
        }

        // Loose code with no project file (a folder of sources): one service if it builds a host.
        if (docsByProject.TryGetValue("", out var loose))
        {
            var entry = FindEntryPoint(loose);
            if (entry is not null)
            {
                var name = UniqueName(fallback, services);
                services.Add(new Service(name, ".", null, null, new SourceLocation(entry.Path, 1)));
                docsByService[name] = loose;
            }
        }

        // A library belongs to the first service that references it, directly or not: services that
        // look like test hosts last, then by name.
        var known = corpus.Projects.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var service in services.Where(s => s.Project is not null).OrderBy(s => LooksLikeTestHost(s) ? 1 : 0).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            serviceByProject.TryAdd(service.Project!, service.Name);
            foreach (var path in corpus.ProjectsReachableFrom(service.Project!).Where(known.Contains))
            {
                serviceByProject.TryAdd(path, service.Name);
            }
        }

        return new ServiceMap(services.OrderBy(s => s.Name, StringComparer.Ordinal).ToArray(), serviceByProject, docsByService, fallback);
    }

    /// <summary>A host named or placed like a test host that no test package or name rule caught.</summary>
    private static bool LooksLikeTestHost(Service service) =>
        service.Name.Contains("Test", StringComparison.OrdinalIgnoreCase) || service.Path.Contains("test", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A file that builds a web host where a program starts (Program.cs, or a file with a Main method), read
    /// from its text before parsing: a test's own <c>WebApplication.CreateBuilder()</c> inside a test method
    /// does not count.
    /// </summary>
    internal static bool BuildsHostAtEntryPoint(SourceFile file) =>
        (file.FileName == "Program.cs" || file.Text.Contains(" Main(", StringComparison.Ordinal))
        && HostMarkers.Any(m => file.Text.Contains(m, StringComparison.Ordinal));

    /// <summary>Top-level statements or a Main method: where a program starts.</summary>
    private static bool IsProgramStart(CSharpDocument doc) =>
        doc.Root is CompilationUnitSyntax unit
        && (unit.Members.Any(m => m is GlobalStatementSyntax)
            || unit.DescendantNodes(n => n is not BaseMethodDeclarationSyntax).OfType<MethodDeclarationSyntax>().Any(m => m.Identifier.ValueText == "Main" && m.Modifiers.Any(SyntaxKind.StaticKeyword)));

    private static CSharpDocument? FindEntryPoint(IEnumerable<CSharpDocument> docs) =>
        docs.OrderBy(d => d.File.FileName == "Program.cs" ? 0 : 1).ThenBy(d => d.Path, StringComparer.Ordinal)
            .FirstOrDefault(d => HostMarkers.Any(m => d.File.Text.Contains(m, StringComparison.Ordinal)));

    private static string UniqueName(string name, List<Service> services)
    {
        var candidate = name;
        for (var i = 2; services.Any(s => s.Name == candidate); i++)
        {
            candidate = $"{name}-{i}";
        }

        return candidate;
    }
}
