using BackendArchitect.CSharp.Auth;
using BackendArchitect.Model;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// Effective authorization of a controller action: authorization attributes on the controller,
/// its base classes (MVC reads them inherited) and the action, plus the service's controller-wide
/// defaults, resolved against the fallback policy.
/// </summary>
public static class ControllerAuth
{
    /// <summary>Authorization metadata of the controller class and its base classes, read once per controller.</summary>
    public static IReadOnlyList<AuthMetadata> ClassMetadata(CSharpCorpus corpus, ControllerClass controller, ICollection<Diagnostic> diagnostics) =>
        Read(corpus, controller.Attributes, diagnostics);

    public static AuthRequirement Resolve(CSharpCorpus corpus, IReadOnlyList<AuthMetadata> classMetadata, ControllerAction action, ServiceAuthDefaults defaults, ICollection<Diagnostic> diagnostics)
    {
        var metadata = new List<AuthMetadata>(classMetadata);
        metadata.AddRange(Read(corpus, action.Attributes, diagnostics));
        metadata.AddRange(defaults.Controllers);
        return AuthResolver.Resolve(metadata, defaults.Fallback);
    }

    private static List<AuthMetadata> Read(CSharpCorpus corpus, IEnumerable<PlacedAttribute> attributes, ICollection<Diagnostic> diagnostics)
    {
        var result = new List<AuthMetadata>();
        foreach (var placed in attributes)
        {
            var m = AuthorizeAttributeReader.Read(corpus, placed.Document, placed.Attribute, placed.Where, diagnostics);
            if (m is not null)
            {
                result.Add(m);
            }
        }

        return result;
    }
}
