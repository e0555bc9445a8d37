namespace BackendArchitect.Workspace;

/// <summary>Limits and switches for reading a workspace.</summary>
public sealed record WorkspaceOptions
{
    /// <summary>Files larger than this are skipped with a diagnostic.</summary>
    public long MaxFileBytes { get; init; } = 4 * 1024 * 1024;

    public bool HonourGitIgnore { get; init; } = true;

    /// <summary>Directory names never entered.</summary>
    public IReadOnlySet<string> SkippedDirectories { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", ".git", ".vs", ".idea", ".vscode", "node_modules", "TestResults", "artifacts", "packages", ".nuget",
    };
}
