using System.Collections.Immutable;

namespace BackendArchitect.Model;

/// <summary>Everything a scan read from a repository. Immutable; every list is sorted for stable output.</summary>
public sealed record SystemModel
{
    public const string CurrentSchemaVersion = "1.0";

    public string SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string Root { get; init; }
    public ImmutableArray<Service> Services { get; init; } = [];
    public ImmutableArray<Endpoint> Endpoints { get; init; } = [];
    public ImmutableArray<Middleware> Middleware { get; init; } = [];
    public ImmutableArray<Registration> Registrations { get; init; } = [];
    public ImmutableArray<AuthenticationScheme> AuthenticationSchemes { get; init; } = [];
    public ImmutableArray<NamedPolicy> Policies { get; init; } = [];
    public ImmutableArray<HealthCheck> HealthChecks { get; init; } = [];
    public ImmutableArray<HttpDependency> HttpClients { get; init; } = [];
    public ImmutableArray<MessageChannel> MessageChannels { get; init; } = [];
    public ImmutableArray<Cache> Caches { get; init; } = [];
    public ImmutableArray<DataContext> DataContexts { get; init; } = [];
    public ImmutableArray<Entity> Entities { get; init; } = [];
    public ImmutableArray<EndpointLink> Links { get; init; } = [];
    public ImmutableArray<ConfigEntry> Configuration { get; init; } = [];
    public ImmutableArray<ContainerImage> Containers { get; init; } = [];
    public ImmutableArray<ComposeService> ComposeServices { get; init; } = [];
    public ScanStatistics Statistics { get; init; } = new(0, 0, 0, 0);
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];
}

/// <summary>How much was read: files and lines read, C# source files among them, files skipped.</summary>
public sealed record ScanStatistics(int Files, long Lines, int SourceFiles, int SkippedFiles);
