using System.Collections.Immutable;

namespace BackendArchitect.CSharp;

/// <summary>
/// One piece of authorization metadata attached to an endpoint, as ASP.NET Core would see it in
/// the endpoint's metadata: an [Authorize]/RequireAuthorization, an [AllowAnonymous]/AllowAnonymous(),
/// or something that may change authorization but cannot be read statically.
/// </summary>
public sealed record AuthMetadata(
    AuthMetadataKind Kind,
    ImmutableArray<string> Policies,
    ImmutableArray<string> Roles,
    ImmutableArray<string> Schemes,
    string Detail,
    string File,
    int Line)
{
    public static AuthMetadata Authorize(string detail, string file, int line, IEnumerable<string>? policies = null, IEnumerable<string>? roles = null, IEnumerable<string>? schemes = null) =>
        new(AuthMetadataKind.Authorize, [.. policies ?? []], [.. roles ?? []], [.. schemes ?? []], detail, file, line);

    public static AuthMetadata AllowAnonymous(string detail, string file, int line) =>
        new(AuthMetadataKind.AllowAnonymous, [], [], [], detail, file, line);

    public static AuthMetadata Unknown(string detail, string file, int line) =>
        new(AuthMetadataKind.Unknown, [], [], [], detail, file, line);
}

public enum AuthMetadataKind
{
    Authorize,
    AllowAnonymous,
    Unknown,
}

/// <summary>
/// What a service's wiring adds to authorization: metadata applied to every controller action
/// (a global AuthorizeFilter, MapControllers().RequireAuthorization()), to every Razor page, and the
/// fallback policy that applies to endpoints with no authorization metadata at all.
/// </summary>
public sealed record ServiceAuthDefaults(
    string Service,
    ImmutableArray<AuthMetadata> Controllers,
    ImmutableArray<AuthMetadata> RazorPages,
    AuthMetadata? Fallback)
{
    /// <summary>Metadata on <c>MapRazorComponents&lt;App&gt;()</c> (RequireAuthorization/AllowAnonymous), applied to every routable component.</summary>
    public ImmutableArray<AuthMetadata> RazorComponents { get; init; } = [];

    /// <summary>Metadata on <c>MapReverseProxy()</c>, applied to every proxy route.</summary>
    public ImmutableArray<AuthMetadata> Proxy { get; init; } = [];

    public static ServiceAuthDefaults None(string service) => new(service, [], [], null);
}
