using BackendArchitect.Reports;

namespace BackendArchitect.Tests.Reports;

/// <summary>The Markdown report: endpoint rows, the anonymous-writes list, escaping, diagrams and sections.</summary>
public sealed class MarkdownReportTests
{
    private static readonly string Output = MarkdownReport.Render(SampleModel.Create());

    [Fact]
    public void Title_is_the_root_folder_name()
    {
        Assert.StartsWith("# shop\n", Output);
    }

    [Fact]
    public void Endpoints_are_rows_with_auth_handler_and_source()
    {
        Assert.Contains("### Orders.Api", Output);
        Assert.Contains(
            "| GET | `/api/orders/{id}` | required (policies: CanRead; roles: Admin, Clerk) | `OrdersController.Get` | `src/Orders.Api/Controllers/OrdersController.cs:12` |",
            Output);
        Assert.Contains("| POST | `/api/orders` | anonymous | `OrdersController.Create` | `src/Orders.Api/Controllers/OrdersController.cs:31` |", Output);
        Assert.Contains("| DELETE | `/api/orders/{id}` | unknown |", Output);
    }

    [Fact]
    public void Pipes_in_cells_are_escaped()
    {
        Assert.Contains("`/api/health\\|live`", Output);
    }

    [Fact]
    public void Anonymous_writes_are_listed_and_anonymous_reads_are_not()
    {
        var section = Section("## Reachable anonymously");
        Assert.Contains("`POST /api/orders` (Orders.Api)", section);
        Assert.DoesNotContain("/api/health", section);
        Assert.DoesNotContain("DELETE", section);
    }

    [Fact]
    public void Middleware_is_numbered_in_pipeline_order()
    {
        Assert.Contains("1. `UseAuthentication` (`src/Orders.Api/Program.cs:20`)\n2. `UseAuthorization`", Output);
    }

    [Fact]
    public void Diagrams_are_in_mermaid_fences()
    {
        Assert.Contains("```mermaid\nflowchart LR\n", Output);
        Assert.Contains("```mermaid\nerDiagram\n", Output);
    }

    [Fact]
    public void Every_section_a_reviewer_expects_is_present()
    {
        string[] headings =
        [
            "## Services", "## Endpoints", "## Reachable anonymously", "## Middleware order", "## Dependencies",
            "## Architecture diagram", "## Data model", "## Configuration", "## Containers", "### Compose services", "## Diagnostics",
        ];
        foreach (var heading in headings)
        {
            Assert.Contains("\n" + heading + "\n", Output);
        }

        Assert.Contains("| data context | Shop-Db.Context | SqlServer |", Output);
        Assert.Contains("`ConnectionStrings:Default` | `Server=db;Password=S****!` | yes |", Output);
        Assert.Contains("1 diagnostic:", Output);
    }

    [Fact]
    public void Only_the_first_fifty_diagnostics_are_listed()
    {
        var model = SampleModel.Create() with
        {
            Diagnostics = [.. Enumerable.Range(1, 60).Select(i => new BackendArchitect.Model.Diagnostic("a.cs", i, $"problem {i}"))],
        };
        var output = MarkdownReport.Render(model);
        Assert.Contains("60 diagnostics; the first 50:", output);
        Assert.Contains("`a.cs:50`", output);
        Assert.DoesNotContain("`a.cs:51`", output);
    }

    [Fact]
    public void Versioned_endpoints_show_their_versions()
    {
        var sample = SampleModel.Create();
        var versioned = sample with { Endpoints = [.. sample.Endpoints.Select(e => e.Method == "DELETE" ? e with { ApiVersions = ["1.0", "2.0"] } : e)] };
        Assert.Contains("| DELETE | `/api/orders/{id}` (v1.0, v2.0) | unknown |", MarkdownReport.Render(versioned));
    }

    [Fact]
    public void No_all_clear_while_authorization_is_unknown_or_files_were_skipped()
    {
        var sample = SampleModel.Create();
        var withoutWrites = sample with { Endpoints = [.. sample.Endpoints.Where(e => e.Method != "POST")], Diagnostics = [] };
        var output = MarkdownReport.Render(withoutWrites);
        Assert.DoesNotContain("is reachable without authentication", output);
        Assert.Contains("not an all-clear: 1 endpoint with unknown authorization, 1 skipped file mean", output);
        Assert.DoesNotContain("every file was read", output);
        Assert.Contains("None, but 1 file was skipped.", output);
    }

    [Fact]
    public void All_clear_only_when_everything_was_read_and_known()
    {
        var sample = SampleModel.Create();
        var clean = sample with
        {
            Endpoints = [.. sample.Endpoints.Where(e => e.Method != "POST" && e.Auth.Required is not null)],
            Diagnostics = [],
            Statistics = sample.Statistics with { SkippedFiles = 0 },
        };
        var output = MarkdownReport.Render(clean);
        Assert.Contains("No endpoint that changes state is reachable without authentication.", output);
        Assert.Contains("None: every file was read.", output);
    }

    private static string Section(string heading)
    {
        var start = Output.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, heading + " missing");
        var end = Output.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? Output[start..] : Output[start..end];
    }
}
