using System.Collections.Concurrent;
using System.Text;
using BackendArchitect.Model;

namespace BackendArchitect.Workspace;

/// <summary>
/// Enumerates the files under a root once: honours .gitignore, skips build output and binaries,
/// never follows links out of the root, and reads every wanted file exactly once.
/// </summary>
public static class WorkspaceLoader
{
    /// <summary>Walks and reads the root; <paramref name="cancellation"/> stops both (the walk between directories, readers between files).</summary>
    public static WorkspaceSnapshot Load(string root, WorkspaceOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        options ??= new WorkspaceOptions();
        var fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        var diagnostics = new ConcurrentBag<Diagnostic>();
        var files = new ConcurrentBag<SourceFile>();
        var unread = new List<string>();

        if (File.Exists(fullRoot))
        {
            // A single file: the root is its directory, and only that file is read.
            var dir = Path.GetDirectoryName(fullRoot)!;
            var name = Path.GetFileName(fullRoot);
            var kind = FileClassifier.Classify(name) ?? FileKind.Other;
            progress?.Report("Reading 1 files");
            if (Read(fullRoot, name, kind, options, diagnostics) is { } file)
            {
                files.Add(file);
            }

            fullRoot = dir;
        }
        else
        {
            // Files are read while the walk goes on: listing directories and matching .gitignore rules
            // is one thread's work, so reading and decoding would otherwise wait for all of it.
            using var candidates = new BlockingCollection<Candidate>();
            var reading = Task.Run(() => Parallel.ForEach(
                Partitioner.Create(candidates.GetConsumingEnumerable(), EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { CancellationToken = cancellation },
                c =>
                {
                    if (Read(c.Full, c.Relative, c.Kind, options, diagnostics) is { } file)
                    {
                        files.Add(file);
                    }
                }));
            var found = 0;
            try
            {
                Walk(fullRoot, fullRoot, "", [], options, c => { found++; candidates.Add(c); }, unread.Add, diagnostics, cancellation);
                progress?.Report($"Reading {found} files");
            }
            finally
            {
                candidates.CompleteAdding();

                // The readers are done with the collection before it is disposed, even when the walk failed.
                Task.WaitAny(reading);
            }

            reading.GetAwaiter().GetResult();
        }

        var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        return new WorkspaceSnapshot(fullRoot, ordered, [.. diagnostics]) { UnreadPaths = [.. unread.Order(StringComparer.Ordinal)] };
    }

    private static void Walk(
        string root,
        string directory,
        string relative,
        List<GitIgnore> ignores,
        WorkspaceOptions options,
        Action<Candidate> found,
        Action<string> unread,
        ConcurrentBag<Diagnostic> diagnostics,
        CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var active = ignores;
        if (options.HonourGitIgnore)
        {
            var gitignore = Path.Combine(directory, ".gitignore");
            if (File.Exists(gitignore))
            {
                try
                {
                    var parsed = new GitIgnore(relative, File.ReadAllLines(gitignore));
                    if (parsed.HasRules)
                    {
                        active = [.. ignores, parsed];
                    }
                }
                catch (IOException e)
                {
                    diagnostics.Add(new Diagnostic(Join(relative, ".gitignore"), 0, $"could not read .gitignore: {e.Message}"));
                }
            }
        }

        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(directory).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new Diagnostic(relative.Length == 0 ? "." : relative, 0, $"could not list directory: {e.Message}"));
            return;
        }

        foreach (var entry in entries)
        {
            var rel = Join(relative, entry.Name);
            var isDirectory = entry is DirectoryInfo;
            if (isDirectory && options.SkippedDirectories.Contains(entry.Name))
            {
                continue;
            }

            if (IsIgnored(active, rel, isDirectory))
            {
                continue;
            }

            if (entry.LinkTarget is not null)
            {
                // Links are followed only when they stay inside the root, and never for directories
                // (a directory link can loop or re-read the same tree).
                var target = entry.ResolveLinkTarget(returnFinalTarget: true);
                if (isDirectory || target is null || !IsInside(root, target.FullName))
                {
                    diagnostics.Add(new Diagnostic(rel, 0, "skipped a link that points outside the root or to a directory", DiagnosticSeverity.Info) { Skipped = FileSkip.Link });
                    continue;
                }
            }

            if (isDirectory)
            {
                Walk(root, entry.FullName, rel, active, options, found, unread, diagnostics, cancellation);
                continue;
            }

            var kind = FileClassifier.Classify(entry.Name);
            if (kind is null)
            {
                unread(rel);
                continue;
            }

            found(new Candidate(entry.FullName, rel, kind.Value));
        }
    }

    private static SourceFile? Read(string full, string relative, FileKind kind, WorkspaceOptions options, ConcurrentBag<Diagnostic> diagnostics)
    {
        try
        {
            var info = new FileInfo(full);
            if (info.Length > options.MaxFileBytes)
            {
                diagnostics.Add(new Diagnostic(relative, 0, $"skipped: {info.Length / 1024} KiB is over the {options.MaxFileBytes / 1024} KiB limit", DiagnosticSeverity.Info) { Skipped = FileSkip.TooLarge });
                return null;
            }

            // An empty file is not opened: a named pipe (or socket) in the tree also reports length 0,
            // and opening one waits for a writer that never comes; it reads as the empty file it looks like.
            var bytes = info.Length == 0 ? [] : File.ReadAllBytes(full);
            if (LooksBinary(bytes))
            {
                diagnostics.Add(new Diagnostic(relative, 0, "skipped: binary content", DiagnosticSeverity.Info) { Skipped = FileSkip.Binary });
                return null;
            }

            var text = Decode(bytes);
            return new SourceFile(relative, full, text, CountLines(text), kind, FileClassifier.IsGenerated(Path.GetFileName(relative)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new Diagnostic(relative, 0, $"could not read: {e.Message}") { Skipped = FileSkip.Unreadable });
            return null;
        }
    }

    private static string Decode(byte[] bytes)
    {
        // UTF-8 with or without BOM covers source trees; a UTF-16 BOM is honoured too.
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return Encoding.UTF8.GetString(bytes, offset, bytes.Length - offset);
    }

    private static bool LooksBinary(byte[] bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return false;
        }

        var n = Math.Min(bytes.Length, 8000);
        return Array.IndexOf(bytes, (byte)0, 0, n) >= 0;
    }

    private static int CountLines(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var count = text.AsSpan().Count('\n');
        return text[^1] == '\n' ? count : count + 1;
    }

    private static bool IsIgnored(List<GitIgnore> ignores, string relative, bool isDirectory)
    {
        bool? result = null;
        foreach (var ignore in ignores)
        {
            var local = ignore.BaseDirectory.Length == 0 ? relative : relative[(ignore.BaseDirectory.Length + 1)..];
            var m = ignore.Match(local, isDirectory);
            if (m is not null)
            {
                result = m;
            }
        }

        return result == true;
    }

    private static bool IsInside(string root, string path)
    {
        var full = Path.GetFullPath(path);
        return full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static string Join(string relative, string name) => relative.Length == 0 ? name : relative + "/" + name;

    private sealed record Candidate(string Full, string Relative, FileKind Kind);
}
