using BackendArchitect.Model;

namespace BackendArchitect.Workspace;

/// <summary>The files of one scan root, read once, sorted by path.</summary>
public sealed class WorkspaceSnapshot(string root, IReadOnlyList<SourceFile> files, IReadOnlyList<Diagnostic> diagnostics)
{
    public string Root { get; } = root;
    public IReadOnlyList<SourceFile> Files { get; } = files;
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
    /// <summary>Files left unread (too large, binary, unreadable, links out of the root), from their diagnostics.</summary>
    public int SkippedFiles => DiagnosticCounts.SkippedFiles(Diagnostics);

    /// <summary>
    /// Files the walk found but does not read, as their kind is none the tool parses (images, keys, archives,
    /// databases), sorted; rules that judge a file by its name and place (a key under wwwroot) read these.
    /// </summary>
    public IReadOnlyList<string> UnreadPaths { get; init; } = [];

    public IEnumerable<SourceFile> OfKind(FileKind kind) => Files.Where(f => f.Kind == kind);
}
