using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Cli;

/// <summary>`scan --format mermaid`: one diagram per output, since a Mermaid file holds one.</summary>
public sealed class ScanMermaidTests
{
    private static readonly string Sample = Path.Combine(Paths.RepositoryRoot, "samples", "ShopBackend");

    private static readonly string Large = Paths.Fixture("data", "large-model");

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Standard_output_gets_the_flowchart_alone_and_says_how_to_get_the_er_diagram()
    {
        var (code, stdout, _) = Run("scan", Sample, "--format", "mermaid");

        Assert.Equal(0, code);
        Assert.StartsWith("flowchart LR\n    %% The ER diagram of the data model: --diagram er; both diagrams as files: --output DIR/\n", stdout);
        Assert.DoesNotContain("erDiagram", stdout);
    }

    [Fact]
    public void Diagram_er_gets_the_er_diagram_alone()
    {
        var (code, stdout, _) = Run("scan", Sample, "--format", "mermaid", "--diagram", "er");

        Assert.Equal(0, code);
        Assert.StartsWith("erDiagram\n", stdout);
        Assert.DoesNotContain("flowchart", stdout);
        Assert.Contains("Customer {", stdout);
    }

    [Fact]
    public void Diagram_er_without_entities_is_still_one_valid_diagram()
    {
        using var dir = new TempDirectory();
        dir.Write("Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet(\"/\", () => 1);\napp.Run();\n");

        var (code, stdout, _) = Run("scan", dir.Path, "--format", "mermaid", "--diagram", "er");

        Assert.Equal(0, code);
        Assert.Equal("erDiagram\n    %% No entity found.\n", stdout);
    }

    [Fact]
    public void Diagram_with_another_format_is_a_usage_error()
    {
        var (code, stdout, stderr) = Run("scan", Sample, "--format", "json", "--diagram", "er");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("architect: --diagram applies to --format mermaid only", stderr.Trim());
    }

    [Fact]
    public void A_directory_gets_flow_and_er_files_and_nothing_else()
    {
        using var dir = new TempDirectory();

        var (code, stdout, _) = Run("scan", Sample, "--format", "mermaid", "--output", dir.Path);

        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        Assert.Equal(["er.mmd", "flow.mmd"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.StartsWith("flowchart LR\n", File.ReadAllText(Path.Combine(dir.Path, "flow.mmd")));
        Assert.StartsWith("erDiagram\n", File.ReadAllText(Path.Combine(dir.Path, "er.mmd")));
    }

    [Fact]
    public void A_path_ending_in_a_slash_is_created_as_the_directory_but_not_its_parents()
    {
        using var dir = new TempDirectory();

        var made = Run("scan", Sample, "--format", "mermaid", "--diagram", "flow", "--output", Path.Combine(dir.Path, "diagrams") + "/");
        var missing = Run("scan", Sample, "--format", "mermaid", "--output", Path.Combine(dir.Path, "a", "b") + "/");

        Assert.Equal(0, made.Code);
        Assert.Equal(["flow.mmd"], Directory.GetFiles(Path.Combine(dir.Path, "diagrams")).Select(Path.GetFileName));
        Assert.Equal(2, missing.Code);
        Assert.Contains("does not exist", missing.Err);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "a")));
    }

    [Fact]
    public void A_large_model_is_split_per_context_in_a_directory_and_whole_on_standard_output()
    {
        using var dir = new TempDirectory();

        var (code, _, _) = Run("scan", Large, "--format", "mermaid", "--output", dir.Path);
        var whole = Run("scan", Large, "--format", "mermaid", "--diagram", "er");

        Assert.Equal(0, code);
        Assert.Equal(["er-BillingContext.mmd", "er-CatalogContext.mmd", "flow.mmd"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var billing = File.ReadAllText(Path.Combine(dir.Path, "er-BillingContext.mmd"));
        Assert.StartsWith("erDiagram\n", billing);
        Assert.Contains("    Invoice {\n", billing);
        Assert.DoesNotContain("Product", billing);
        Assert.StartsWith("erDiagram\n    %% Too large to read as one diagram; --output DIR/ writes it in parts (er-PART.mmd).\n", whole.Out);
        Assert.Contains("    Invoice {\n", whole.Out);
        Assert.Contains("    Product {\n", whole.Out);
    }
}
