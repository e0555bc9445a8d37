using System.Collections.Immutable;
using BackendArchitect.Model;
using BackendArchitect.Workspace;

namespace BackendArchitect.Config;

/// <summary>appsettings*.json keys, Dockerfiles and docker-compose services, with secrets masked.</summary>
public static class InfrastructureReader
{
    public static (ImmutableArray<ConfigEntry> Config, ImmutableArray<ContainerImage> Containers, ImmutableArray<ComposeService> Compose) Read(WorkspaceSnapshot workspace, ICollection<Diagnostic> diagnostics)
    {
        var config = new List<ConfigEntry>();
        var containers = new List<ContainerImage>();
        var compose = new List<ComposeService>();
        foreach (var file in workspace.Files)
        {
            switch (file.Kind)
            {
                case FileKind.Json when AppSettingsReader.IsAppSettings(file):
                    config.AddRange(AppSettingsReader.Read(file, diagnostics));
                    break;
                case FileKind.Dockerfile when DockerfileReader.Read(file, diagnostics) is { } image:
                    containers.Add(image);
                    break;
                case FileKind.Yaml when ComposeReader.IsComposeFile(file):
                    compose.AddRange(ComposeReader.Read(file, diagnostics));
                    break;
            }
        }

        return ([.. config], [.. containers], [.. compose]);
    }
}
