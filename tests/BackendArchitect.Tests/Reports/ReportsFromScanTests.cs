using BackendArchitect.Cli.Rendering;
using BackendArchitect.Reports;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Reports;

/// <summary>Every report rendered from a real scan: deterministic, and never showing a raw secret.</summary>
public sealed class ReportsFromScanTests
{
    private static readonly string Root = Paths.Fixture("config", "secrets");

    private static IEnumerable<(string Format, string Text)> RenderAll()
    {
        var model = ScanEngine.Scan(Root);
        using var table = new StringWriter();
        TableRenderer.Render(model, table, plain: true);
        return
        [
            ("json", JsonReport.Render(model)),
            ("markdown", MarkdownReport.Render(model)),
            ("mermaid", MermaidReport.Flowchart(model) + MermaidReport.EntityDiagram(model)),
            ("table", table.ToString()),
        ];
    }

    [Fact]
    public void Two_scans_render_byte_identical_reports()
    {
        Assert.Equal(RenderAll().ToList(), RenderAll().ToList());
    }

    [Fact]
    public void No_report_shows_a_raw_secret()
    {
        string[] secrets =
        [
            "Sup3rS3cretPw!", "RedisPa55word", "RabbitPa55", "ThisIsTheJwtSigningKeyValue1234567890", "sk_test_51HxStripeDevKeyValue",
            "ComposeSqlPw99", "ComposeJwtKeyValue123456", "ComposeSaPw77", "UrlPw4242", "ComposeDefaultPw55",
        ];
        foreach (var (format, text) in RenderAll())
        {
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{format} output shows {secret}");
            }
        }
    }

    [Fact]
    public void Compose_infrastructure_appears_in_the_diagram()
    {
        var mermaid = MermaidReport.Flowchart(ScanEngine.Scan(Root));
        Assert.Contains("compose_db[(\"db (mcr.microsoft.com/mssql/server:2022-latest)\")]", mermaid);
        Assert.Contains("compose_api -.-> compose_db", mermaid);
        Assert.Contains("compose_cache -.-> compose_db", mermaid);
    }
}
