using BackendArchitect.Model;

namespace BackendArchitect.Reports;

/// <summary>The system model as a Markdown document a team would commit.</summary>
public static class MarkdownReport
{
    public static string Render(SystemModel model) => $"# {Path.GetFileName(model.Root)}\n";
}
