using BackendArchitect.Model;
using BackendArchitect.Reports;

namespace BackendArchitect.Cli.Commands;

/// <summary>
/// `scan --format mermaid`: a Mermaid file holds one diagram, so standard output or a file gets the
/// one --diagram names (flow by default), and a directory gets flow.mmd and er.mmd, the latter split
/// into er-PART.mmd files when the model is large.
/// </summary>
public static class MermaidOutput
{
    public static int Write(SystemModel model, string? diagram, string? output, TextWriter stdout, TextWriter stderr)
    {
        if (output is not null && IsDirectory(output))
        {
            return WriteDirectory(model, diagram, output, stdout, stderr);
        }

        var text = diagram == "er"
            ? Note(EntityDiagramOrEmpty(model), EntityDiagramParts(model).Count > 1
                ? "Too large to read as one diagram; --output DIR/ writes it in parts (er-PART.mmd)."
                : null)
            : Note(MermaidReport.Flowchart(model), model.Entities.IsEmpty
                ? null
                : "The ER diagram of the data model: --diagram er; both diagrams as files: --output DIR/");
        return OutputWriter.Write(text, output, stdout, stderr);
    }

    private static int WriteDirectory(SystemModel model, string? diagram, string output, TextWriter stdout, TextWriter stderr)
    {
        var full = Path.GetFullPath(output);
        var parent = Path.GetDirectoryName(full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        if (!Directory.Exists(full))
        {
            // Only the named directory is created, never a chain of them: a typo should not scatter folders.
            if (parent is null || !Directory.Exists(parent))
            {
                stderr.WriteLine($"architect: the directory of --output does not exist: {parent}");
                return CliApp.UsageError;
            }

            Directory.CreateDirectory(full);
        }

        var files = new List<(string Name, string Text)>();
        if (diagram is null or "flow")
        {
            files.Add(("flow.mmd", MermaidReport.Flowchart(model)));
        }

        if (diagram is null or "er")
        {
            var parts = EntityDiagramParts(model);
            files.AddRange(parts.Count == 1
                ? [("er.mmd", parts[0].Diagram)]
                : parts.Select(p => ($"er-{FileName(p.Part)}.mmd", p.Diagram)));
        }

        foreach (var (name, text) in files)
        {
            var code = OutputWriter.Write(text, Path.Combine(full, name), stdout, stderr);
            if (code != CliApp.Ok)
            {
                return code;
            }
        }

        return CliApp.Ok;
    }

    private static bool IsDirectory(string output) =>
        output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar) || Directory.Exists(output);

    /// <summary>Never empty: without entities, one valid diagram that says so.</summary>
    private static IReadOnlyList<(string Part, string Diagram)> EntityDiagramParts(SystemModel model) =>
        MermaidReport.EntityDiagramParts(model) is { Count: > 0 } parts ? parts : [("", EntityDiagramOrEmpty(model))];

    private static string EntityDiagramOrEmpty(SystemModel model) =>
        MermaidReport.EntityDiagram(model) ?? "erDiagram\n    %% No entity found.\n";

    /// <summary>A comment line after the diagram's first line, where Mermaid accepts it.</summary>
    private static string Note(string diagram, string? note)
    {
        if (note is null)
        {
            return diagram;
        }

        var end = diagram.IndexOf('\n', StringComparison.Ordinal) + 1;
        return diagram[..end] + "    %% " + note + "\n" + diagram[end..];
    }

    /// <summary>A part's name as a file name: letters, digits, '.', '-' and '_' kept, the rest '_'.</summary>
    private static string FileName(string part) =>
        new([.. part.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]);
}
