using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Cli;

public sealed class ScanCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void A_missing_path_is_a_one_line_message_and_exit_code_2()
    {
        var (code, stdout, stderr) = Run("scan", "/no/such/place", "--format", "json");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("architect: path not found: /no/such/place", stderr.Trim());
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var (code, _, stderr) = Run("scan", ".", "--format", "yaml");

        Assert.Equal(2, code);
        Assert.Contains("yaml", stderr);
    }

    [Fact]
    public void Json_output_is_byte_identical_across_runs()
    {
        using var dir = new TempDirectory();
        dir.Write("Program.cs", "var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\napp.MapGet(\"/ping\", () => \"pong\");\napp.Run();\n");
        dir.Write("Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>");

        var first = Run("scan", dir.Path, "--format", "json");
        var second = Run("scan", dir.Path, "--format", "json");

        Assert.Equal(0, first.Code);
        Assert.Equal(first.Out, second.Out);
        Assert.Contains("\"schemaVersion\": \"1.0\"", first.Out);
        Assert.Contains("\"name\": \"Api\"", first.Out);
    }

    [Fact]
    public void Output_goes_only_to_the_named_file()
    {
        using var dir = new TempDirectory();
        dir.Write("src/Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\n");
        var target = Path.Combine(dir.Path, "out", "model.json");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var before = Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories).Order().ToArray();

        var (code, stdout, _) = Run("scan", Path.Combine(dir.Path, "src"), "--format", "json", "--output", target);

        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("{", File.ReadAllText(target));
        var after = Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories).Order().ToArray();
        Assert.Equal(before.Append(target).Order(), after);
    }

    [Fact]
    public void Output_into_a_missing_directory_is_an_input_error_that_writes_nothing()
    {
        using var dir = new TempDirectory();
        dir.Write("Program.cs", "class P {}");

        var (code, _, stderr) = Run("scan", dir.Path, "--format", "json", "--output", Path.Combine(dir.Path, "nope", "x.json"));

        Assert.Equal(2, code);
        Assert.Contains("does not exist", stderr);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "nope")));
    }

    [Fact]
    public void Broken_code_gives_partial_results_and_a_diagnostic_not_a_crash()
    {
        using var dir = new TempDirectory();
        dir.Write("Broken.cs", "public class Broken { void M( { \n");
        dir.Write("Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\n");

        var (code, stdout, _) = Run("scan", dir.Path, "--format", "json");

        Assert.Equal(0, code);
        Assert.Contains("Broken.cs", stdout);
        Assert.Contains("C# syntax error", stdout);
    }

    [Fact]
    public void Output_to_a_device_writes_to_the_device_and_leaves_it_a_device()
    {
        using var dir = new TempDirectory();
        dir.Write("Program.cs", "class P {}");

        var (code, _, _) = Run("scan", dir.Path, "--format", "json", "--output", "/dev/null");

        Assert.Equal(0, code);
        Assert.Equal(0, new FileInfo("/dev/null").Length);
        Assert.Empty(Directory.GetFiles("/dev", "null.tmp-*"));
    }
}
