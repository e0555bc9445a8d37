using System.Collections.Immutable;
using BackendArchitect.Model;

namespace BackendArchitect.CSharp;

/// <summary>
/// Combines an endpoint's authorization metadata the way ASP.NET Core's authorization middleware
/// does: any allow-anonymous wins; otherwise all authorize data applies together; with neither,
/// the fallback policy applies. Something unreadable makes the answer unknown, not a guess.
/// </summary>
public static class AuthResolver
{
    public static AuthRequirement Resolve(IEnumerable<AuthMetadata> endpointMetadata, AuthMetadata? fallback)
    {
        var all = endpointMetadata.ToList();
        var anonymous = all.Where(m => m.Kind == AuthMetadataKind.AllowAnonymous).ToList();
        var authorize = all.Where(m => m.Kind == AuthMetadataKind.Authorize).ToList();
        var unknown = all.Where(m => m.Kind == AuthMetadataKind.Unknown).ToList();

        if (anonymous.Count > 0)
        {
            // [AllowAnonymous] bypasses every authorize requirement on the endpoint; the sources still
            // list what it overrides, because that is what a reviewer needs to see.
            return Build(false, [], all);
        }

        if (authorize.Count > 0)
        {
            return Build(true, authorize, all);
        }

        if (unknown.Count > 0)
        {
            return Build(null, [], all);
        }

        if (fallback is not null)
        {
            return fallback.Kind switch
            {
                AuthMetadataKind.Authorize => Build(true, [fallback], [fallback]),
                AuthMetadataKind.Unknown => Build(null, [], [fallback]),
                _ => Build(false, [], [fallback]),
            };
        }

        return Build(false, [], all);
    }

    private static AuthRequirement Build(bool? required, List<AuthMetadata> applied, List<AuthMetadata> sources) =>
        new(
            required,
            Distinct(applied.SelectMany(a => a.Policies)),
            Distinct(applied.SelectMany(a => a.Roles)),
            Distinct(applied.SelectMany(a => a.Schemes)),
            [.. sources.Select(s => new AuthSource(KindName(s), s.Detail, s.File, s.Line))]);

    private static ImmutableArray<string> Distinct(IEnumerable<string> values) =>
        [.. values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string KindName(AuthMetadata m) => m.Kind switch
    {
        AuthMetadataKind.Authorize => "authorize",
        AuthMetadataKind.AllowAnonymous => "allow-anonymous",
        _ => "unknown",
    };
}
