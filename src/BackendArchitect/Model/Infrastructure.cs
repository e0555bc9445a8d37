using System.Collections.Immutable;

namespace BackendArchitect.Model;

/// <summary>A key read from an appsettings file; secret values are masked.</summary>
public sealed record ConfigEntry(string File, int Line, string Key, string? Value, bool IsSecret);

/// <summary>A Dockerfile: its stages' base images and exposed ports.</summary>
public sealed record ContainerImage(string File, ImmutableArray<string> BaseImages, ImmutableArray<string> ExposedPorts, string? Entrypoint);

/// <summary>A docker-compose service; environment values that look secret are masked.</summary>
/// <param name="Build">The build context, as written.</param>
/// <param name="Dockerfile">The Dockerfile named by <c>build.dockerfile</c> (relative to the context), or null for the default.</param>
public sealed record ComposeService(
    string File,
    int Line,
    string Name,
    string? Image,
    string? Build,
    ImmutableArray<string> Ports,
    ImmutableArray<string> DependsOn,
    ImmutableArray<KeyValuePair<string, string?>> Environment,
    string? Dockerfile = null);
