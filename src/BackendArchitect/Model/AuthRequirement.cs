using System.Collections.Immutable;

namespace BackendArchitect.Model;

/// <summary>
/// The effective authorization of an endpoint. <see cref="Required"/> is null when the scan cannot
/// tell (custom filters, conditional code, unresolved values).
/// </summary>
public sealed record AuthRequirement(
    bool? Required,
    ImmutableArray<string> Policies,
    ImmutableArray<string> Roles,
    ImmutableArray<string> Schemes,
    ImmutableArray<AuthSource> Sources)
{
    public static AuthRequirement Unknown { get; } = new(null, [], [], [], []);
}

/// <summary>One piece of authorization metadata and where it came from.</summary>
/// <param name="Kind">authorize, allow-anonymous, fallback-policy, global-filter, require-authorization, unknown.</param>
/// <param name="Detail">What was written, e.g. <c>[Authorize(Roles = "Admin")] on class OrdersController</c>.</param>
public sealed record AuthSource(string Kind, string Detail, string File, int Line);
