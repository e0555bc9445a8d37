using BackendArchitect.Workspace;

namespace BackendArchitect.Scanning;

/// <summary>Options for one scan.</summary>
public sealed record ScanOptions
{
    public WorkspaceOptions Workspace { get; init; } = new();
}
