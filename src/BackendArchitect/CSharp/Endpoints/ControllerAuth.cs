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
    public static AuthRequirement Resolve(CSharpCorpus corpus, ControllerClass controller, ControllerAction action, ServiceAuthDefaults defaults, ICollection<Diagnostic> diagnostics)
    {
        var metadata = new List<AuthMetadata>();
        foreach (var placed in controller.Attributes.Concat(action.Attributes))
        {
            var m = AuthorizeAttributeReader.Read(corpus, placed.Document, placed.Attribute, placed.Where, diagnostics);
            if (m is not null)
            {
                metadata.Add(m);
            }
        }

        metadata.AddRange(defaults.Controllers);
        return AuthResolver.Resolve(metadata, defaults.Fallback);
    }
}
