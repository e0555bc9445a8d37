using System.Collections.Immutable;
using BackendArchitect.Model;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// ASP.NET Core binds a handler parameter from the container when its type is registered there (minimal APIs
/// always, controllers since .NET 7), whatever its name looks like. Once the wiring is read, parameters that name
/// names alone took for a body are corrected: DbContexts, typed HttpClients and registered services.
/// </summary>
public static class ContainerBoundParameters
{
    public static IEnumerable<Endpoint> Apply(IEnumerable<Endpoint> endpoints, IEnumerable<Registration> registrations, IEnumerable<HttpDependency> httpClients, IEnumerable<DataContext> contexts)
    {
        var registered = registrations.SelectMany(r => new[] { r.ServiceType, r.ImplementationType })
            .Concat(httpClients.Select(c => c.ClientType))
            .Concat(contexts.Select(c => c.Name))
            .OfType<string>()
            .Select(SyntaxHelpers.SimpleTypeName)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            if (!endpoint.Parameters.Any(p => p.Source == "body" && registered.Contains(SyntaxHelpers.SimpleTypeName(p.Type.TrimEnd('?')))))
            {
                yield return endpoint;
                continue;
            }

            ImmutableArray<Parameter> parameters = [.. endpoint.Parameters.Select(p =>
                p.Source == "body" && registered.Contains(SyntaxHelpers.SimpleTypeName(p.Type.TrimEnd('?'))) ? p with { Source = "services" } : p)];
            yield return endpoint with { Parameters = parameters };
        }
    }
}
