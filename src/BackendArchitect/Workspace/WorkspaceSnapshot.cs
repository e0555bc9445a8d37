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

    public IEnumerable<SourceFile> OfKind(FileKind kind) => Files.Where(f => f.Kind == kind);
}
