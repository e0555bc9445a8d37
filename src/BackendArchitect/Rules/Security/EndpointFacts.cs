using System.Text.RegularExpressions;
using BackendArchitect.Model;

namespace BackendArchitect.Rules.Security;

/// <summary>What the access-control rules ask of an endpoint and its service.</summary>
public static partial class EndpointFacts
{
    /// <summary>
    /// Routes that must be reachable without a session: signing in or up, tokens, password recovery, confirmations,
    /// external sign-in callbacks, health probes. Reporting them as anonymous would be noise.
    /// </summary>
    public static bool IsAuthenticationFlow(Endpoint endpoint) =>
        AuthenticationFlowSegment().IsMatch(endpoint.Route) || endpoint.Handler.StartsWith("MapIdentityApi", StringComparison.Ordinal);

    /// <summary>
    /// Routes other systems call with their own proof instead of a user session (webhooks, payment notifications,
    /// provider callbacks): anonymous by design, their signature check is another rule's business.
    /// </summary>
    public static bool IsInboundCallback(Endpoint endpoint) => InboundCallbackSegment().IsMatch(endpoint.Route);

    /// <summary>
    /// The authorization an [AllowAnonymous] on this endpoint overrides: the [Authorize] or RequireAuthorization()
    /// of its controller, group or its own, as the sources list them; empty when nothing required it. FastEndpoints'
    /// secured-by-default is not such a requirement: AllowAnonymous() is how that framework opens an endpoint.
    /// </summary>
    public static IReadOnlyList<Model.AuthSource> OverriddenAuthorization(Endpoint endpoint) =>
        ExplicitlyAnonymous(endpoint)
            ? [.. endpoint.Auth.Sources.Where(s => s.Kind == "authorize" && !CSharp.Endpoints.FastEndpointsEndpoints.IsDefaultSecurity(s))]
            : [];

    /// <summary>True when anything in the service authenticates callers: a scheme, or an endpoint that requires it.</summary>
    public static bool ServiceAuthenticates(SystemModel model, string service) =>
        model.AuthenticationSchemes.Any(s => s.Service == service) || model.Endpoints.Any(e => e.Service == service && e.Auth.Required == true);

    /// <summary>True when an [AllowAnonymous] (or AllowAnonymous()) says the endpoint is meant to be open.</summary>
    public static bool ExplicitlyAnonymous(Endpoint endpoint) => endpoint.Auth.Sources.Any(s => s.Kind == "allow-anonymous");

    /// <summary>Endpoint kinds whose method is an HTTP method a caller picks (not hubs, gRPC calls or proxied routes).</summary>
    public static bool IsHttpEndpoint(Endpoint endpoint) =>
        endpoint.Kind is EndpointKinds.Controller or EndpointKinds.Minimal or EndpointKinds.RazorPage or EndpointKinds.FastEndpoints;

    /// <summary>
    /// POST, PUT, PATCH and DELETE. A conventional MVC route that accepts any method (ANY) is left out: its actions are
    /// usually pages fetched with GET, and what they change is not told by the route.
    /// </summary>
    public static bool IsExplicitWrite(Endpoint endpoint) => endpoint.Method is "POST" or "PUT" or "PATCH" or "DELETE";

    /// <summary>PUT, PATCH and DELETE: they change or remove what exists, which an anonymous caller is almost never meant to.</summary>
    public static bool ChangesExisting(Endpoint endpoint) => endpoint.Method is "PUT" or "PATCH" or "DELETE";

    /// <summary>
    /// True when a role or policy of the effective authorization names staff rather than any signed-in user (Admin,
    /// Support, Warehouse, an internal service): such callers may reach every row and every admin page.
    /// </summary>
    public static bool IsPrivileged(Endpoint endpoint) =>
        endpoint.Auth.Roles.Concat(endpoint.Auth.Policies).Any(r => PrivilegedName().IsMatch(r));

    /// <summary>"POST /api/orders".</summary>
    public static string Describe(Endpoint endpoint) => $"{endpoint.Method} {endpoint.Route}";

    [GeneratedRegex(@"(?i)admin|staff|support|manager|operator|employee|internal|backoffice|back-office|superuser|moderator|system|service|warehouse|ops\b")]
    private static partial Regex PrivilegedName();

    [GeneratedRegex(@"(?ix)(?:^|[/._-])(?:web-?hooks?|hooks?|callbacks?|ipn|notifications?-?(?:handler|listener)?|stripe|paypal|twilio|github|slack)(?:$|[/.?{_-])")]
    private static partial Regex InboundCallbackSegment();

    [GeneratedRegex(@"(?ix)(?:^|[/._-])(?:(?:pre-?)?log-?in|log-?on|sign-?in|sign-?up|register|registration|token|tokens|refresh|forgot|reset|reset-?password|forgot-?password|confirm|confirm-?email|verify|verification|log-?out|sign-?out|callback|signin-\w+|oauth2?|openid|connect|\.well-known|external-?login|two-?factor|2fa|mfa|otp|health|healthz|ready|readiness|liveness|alive|ping)(?:$|[/.?{_-])")]
    private static partial Regex AuthenticationFlowSegment();
}
