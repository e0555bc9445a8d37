using System.Collections.Immutable;
using BackendArchitect.Model;
using BackendArchitect.Workspace;

namespace BackendArchitect.Config;

/// <summary>appsettings*.json keys, Dockerfiles and docker-compose services, with secrets masked.</summary>
public static class InfrastructureReader
{
    public static (ImmutableArray<ConfigEntry> Config, ImmutableArray<ContainerImage> Containers, ImmutableArray<ComposeService> Compose) Read(WorkspaceSnapshot workspace, ICollection<Diagnostic> diagnostics) => ([], [], []);
}
