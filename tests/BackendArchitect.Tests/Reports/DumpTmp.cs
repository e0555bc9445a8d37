namespace BackendArchitect.Tests.Reports;

public sealed class DumpTmp
{
    [Fact]
    public void Dump()
    {
        using var w = new StringWriter();
        BackendArchitect.Cli.Rendering.TableRenderer.Render(SampleModel.Create(), w, plain: true);
        File.WriteAllText("/tmp/ir/table.txt", w.ToString());
        File.WriteAllText("/tmp/ir/md.md", BackendArchitect.Reports.MarkdownReport.Render(SampleModel.Create()));
        File.WriteAllText("/tmp/ir/mermaid.mmd", BackendArchitect.Reports.MermaidReport.Render(SampleModel.Create()));
        File.WriteAllText("/tmp/ir/json.json", BackendArchitect.Reports.JsonReport.Render(SampleModel.Create()));
    }
}
