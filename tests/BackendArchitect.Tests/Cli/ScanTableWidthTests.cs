using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Cli;

/// <summary>The scan table through a real pipe: it fits COLUMNS, one line per endpoint where the route allows.</summary>
public sealed class ScanTableWidthTests
{
    private const int Services = 5;
    private const int EndpointsPerService = 12;

    /// <summary>Many services with long names and long routes, the shape that gave empty and letter-wide columns.</summary>
    private static TempDirectory ManyServices()
    {
        var dir = new TempDirectory();
        for (var s = 0; s < Services; s++)
        {
            var name = $"Bitwarden.Service{s}.Server";
            dir.Write($"src/{name}/{name}.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>");
            var maps = string.Concat(Enumerable.Range(0, EndpointsPerService).Select(i =>
                $"app.MapPost(\"/organizations/{{organizationId}}/users/{{organizationUserId}}/enroll-{i}\", () => 1).RequireAuthorization();\n"));
            dir.Write($"src/{name}/Program.cs", "var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\n" + maps + "app.Run();\n");
        }

        return dir;
    }

    private static string ScanThroughPipe(string root, string columns)
    {
        var (code, stdout, stderr) = CliRunner.RunProgram(["scan", root], new Dictionary<string, string> { ["COLUMNS"] = columns });
        Assert.True(code == 0, stderr);
        return stdout;
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    [InlineData(200)]
    public void Every_line_fits_COLUMNS_and_no_column_is_empty(int width)
    {
        using var dir = ManyServices();
        var lines = ScanThroughPipe(dir.Path, width.ToString(System.Globalization.CultureInfo.InvariantCulture)).TrimEnd('\n').Split('\n');

        Assert.All(lines, line => Assert.True(line.Length <= width, $"{line.Length} columns: {line}"));
        var header = Assert.Single(lines, l => l.StartsWith("| Method", StringComparison.Ordinal) || l.StartsWith("| Service", StringComparison.Ordinal) && l.Contains("| Method", StringComparison.Ordinal));
        Assert.All(header.Split('|')[1..^1], cell => Assert.NotEqual("", cell.Trim()));
        var rows = lines.Where(l => l.Contains("| POST", StringComparison.Ordinal)).ToArray();
        Assert.Equal(Services * EndpointsPerService, rows.Length);
        Assert.All(rows, row => Assert.Contains("required", row));
    }

    [Fact]
    public void At_120_columns_each_endpoint_takes_about_one_line()
    {
        using var dir = ManyServices();
        var lines = ScanThroughPipe(dir.Path, "120").Split('\n');

        var endpoints = Services * EndpointsPerService;
        var start = Array.FindIndex(lines, l => l.Contains("Endpoints (", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, start + 4, l => l.StartsWith("+-", StringComparison.Ordinal));
        Assert.InRange(end - start - 4, endpoints, endpoints * 3 / 2);
        Assert.Contains(lines, l => l.Contains("/organizations/{organizationId}/users/{organizationUserId}/enroll-11", StringComparison.Ordinal));
    }
}
