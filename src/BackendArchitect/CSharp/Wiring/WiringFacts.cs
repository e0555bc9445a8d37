using System.Collections.Immutable;
using BackendArchitect.Model;

namespace BackendArchitect.CSharp.Wiring;

/// <summary>What a service's startup code wires up.</summary>
public sealed record WiringFacts(
    ImmutableArray<Middleware> Middleware,
    ImmutableArray<Registration> Registrations,
    ImmutableArray<AuthenticationScheme> AuthenticationSchemes,
    ImmutableArray<NamedPolicy> Policies,
    ImmutableArray<HealthCheck> HealthChecks,
    ImmutableArray<HttpDependency> HttpClients,
    ImmutableArray<MessageChannel> MessageChannels,
    ImmutableArray<Cache> Caches)
{
    public static WiringFacts Empty { get; } = new([], [], [], [], [], [], [], []);
}
