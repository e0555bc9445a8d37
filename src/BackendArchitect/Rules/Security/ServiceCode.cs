using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using BackendArchitect.Model;

namespace BackendArchitect.Rules.Security;

/// <summary>
/// The C# a service runs: its own project and every project it references. Wiring done in a shared library
/// (an AddWebDefaults() extension) counts for the service, even where the pipeline model does not follow it.
/// </summary>
internal static class ServiceCode
{
    public static IEnumerable<CSharpDocument> Documents(CodeReviewContext context, Service service)
    {
        var projects = service.Project is null
            ? new HashSet<string>(StringComparer.Ordinal)
            : new HashSet<string>(context.Corpus.ProjectsReachableFrom(service.Project), StringComparer.Ordinal) { service.Project };
        return context.Corpus.Documents.Where(d => d.Project is { } p ? projects.Contains(p.Path) : context.Corpus.Services.ServiceOf(d) == service.Name);
    }

    /// <summary>True when any of the service's code contains one of the texts.</summary>
    public static bool Mentions(CodeReviewContext context, Service service, IReadOnlyCollection<string> texts) =>
        Documents(context, service).Any(d => texts.Any(t => d.File.Text.Contains(t, StringComparison.Ordinal)));
}
