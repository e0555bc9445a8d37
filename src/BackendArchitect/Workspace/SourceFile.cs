namespace BackendArchitect.Workspace;

/// <summary>A file read once from the workspace, with its text.</summary>
/// <param name="Path">Relative to the root, '/' separators.</param>
/// <param name="IsGenerated">EF designer files and model snapshots: read on the cheap path.</param>
public sealed record SourceFile(string Path, string FullPath, string Text, int Lines, FileKind Kind, bool IsGenerated)
{
    public string FileName => System.IO.Path.GetFileName(Path);
    public string Directory => Path.Contains('/') ? Path[..Path.LastIndexOf('/')] : ".";
}

/// <summary>What front-end a file goes to.</summary>
public enum FileKind
{
    CSharp,
    Project,
    Razor,
    RazorComponent,
    Json,
    Yaml,
    Dockerfile,
    Sql,
    Proto,
    Other,
}
