using System.Text.Json;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Cli;

/// <summary>
/// Input nested far past any real file (30,000 levels) used to end the process with a stack overflow;
/// now each such file is skipped with a diagnostic and the rest of the repository is still read.
/// </summary>
public sealed class DeeplyNestedInputTests
{
    private const int Depth = 30_000;

    [Fact]
    public void Scan_skips_deeply_nested_csharp_yaml_and_project_files_and_reads_the_rest()
    {
        using var dir = new TempDirectory();
        dir.Write("Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>");
        dir.Write("Api/Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet(\"/ping\", () => \"pong\");\napp.Run();\n");
        dir.Write("Api/Deep.cs", "class Deep\n{\n    int M() => " + new string('(', Depth) + "1" + new string(')', Depth) + ";\n}\n");
        dir.Write("docker-compose.yml", "services:\n  api:\n    image: " + new string('[', Depth) + new string(']', Depth) + "\n");
        dir.Write("Tools/Tools.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n" + string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000)) + "</Project>");

        var (code, stdout, _) = CliRunner.Run("scan", dir.Path, "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var routes = json.RootElement.GetProperty("endpoints").EnumerateArray().Select(e => e.GetProperty("route").GetString()!).ToArray();
        Assert.Equal(["/ping"], routes);
        var skipped = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("message").GetString()!.StartsWith("nesting deeper than 256 levels", StringComparison.Ordinal))
            .Select(d => $"{d.GetProperty("file").GetString()}:{d.GetProperty("line").GetInt32()}")
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(["Api/Deep.cs:3", "Tools/Tools.csproj:2", "docker-compose.yml:3"], skipped);
        Assert.Equal(3, json.RootElement.GetProperty("statistics").GetProperty("skippedFiles").GetInt32());
        Assert.Contains("3 skipped: 3 nested too deep", CliRunner.Run("scan", dir.Path, "--format", "markdown").Out);
    }

    [Fact]
    public void Db_lint_skips_a_deeply_nested_ef_migration_with_a_diagnostic()
    {
        using var dir = new TempDirectory();
        dir.Write("Migrations/20240101000000_Init.cs",
            "using Microsoft.EntityFrameworkCore.Migrations;\npublic partial class Init : Migration\n{\n    protected override void Up(MigrationBuilder migrationBuilder)\n    {\n        var x = "
            + new string('(', Depth) + "1" + new string(')', Depth) + ";\n    }\n}\n");

        var (code, stdout, _) = CliRunner.Run("db", "lint", dir.Path, "--format", "json");

        Assert.Equal(0, code);
        Assert.Contains("nesting deeper than 256 levels: the migrations in it are not read", stdout);
    }
}
