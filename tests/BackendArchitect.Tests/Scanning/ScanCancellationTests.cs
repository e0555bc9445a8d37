using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Scanning;

/// <summary>A host's cancellation (Ctrl-C, an MCP request) stops a scan at the next file or phase, with nothing partial returned.</summary>
public sealed class ScanCancellationTests
{
    private static TempDirectory Service(int files)
    {
        var dir = new TempDirectory();
        dir.Write("Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>");
        dir.Write("Api/Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet(\"/ping\", () => 1);\napp.Run();\n");
        for (var i = 0; i < files; i++)
        {
            dir.Write($"Api/Controllers/C{i}Controller.cs", $"[ApiController]\n[Route(\"c{i}\")]\npublic class C{i}Controller : ControllerBase\n{{\n    [HttpGet] public int Get() => {i};\n}}\n");
        }

        return dir;
    }

    [Fact]
    public void A_cancelled_token_stops_the_scan_before_it_reads()
    {
        using var dir = Service(3);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ScanEngine.Scan(dir.Path, cancellation: cancelled.Token));
    }

    [Fact]
    public void Cancelling_while_the_scan_parses_stops_it_there()
    {
        using var dir = Service(40);
        using var cancellation = new CancellationTokenSource();
        var phases = new List<string>();
        // Progress is reported synchronously at each phase; cancelling when parsing starts is a request
        // that arrives mid-scan, after the files were read.
        var progress = new SynchronousProgress(phase =>
        {
            phases.Add(phase);
            if (phase.StartsWith("Parsing", StringComparison.Ordinal))
            {
                cancellation.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() => ScanEngine.Scan(dir.Path, progress: progress, cancellation: cancellation.Token));
        Assert.DoesNotContain(phases, p => p.StartsWith("Reading endpoints", StringComparison.Ordinal));
    }

    [Fact]
    public void An_uncancelled_token_changes_nothing()
    {
        using var dir = Service(3);
        using var live = new CancellationTokenSource();

        var model = ScanEngine.Scan(dir.Path, cancellation: live.Token);

        Assert.Equal(4, model.Endpoints.Length);
    }

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
