using BackendArchitect.Cli.Rendering;
using Spectre.Console;

namespace BackendArchitect.Tests.Reports;

/// <summary>The terminal table: plain output for files, and the facts it shows.</summary>
public sealed class TableRendererTests
{
    private static string Plain()
    {
        using var writer = new StringWriter();
        TableRenderer.Render(SampleModel.Create(), writer, plain: true);
        return writer.ToString();
    }

    [Fact]
    public void Plain_output_has_no_ansi_escape()
    {
        Assert.DoesNotContain('\u001b', Plain());
    }

    [Fact]
    public void Plain_output_fits_in_the_default_width()
    {
        Assert.All(Plain().Split('\n'), line => Assert.True(line.Length <= TerminalWidth.Default, $"{line.Length} columns: {line}"));
    }

    [Fact]
    public void Shows_header_services_endpoints_data_model_dependencies_and_diagnostics()
    {
        var output = Plain();
        Assert.Contains("/repos/shop", output);
        Assert.Contains("12 files, 3,456 lines", output);
        Assert.Contains("Endpoints (4, 1 anonymous write)", output);
        Assert.Contains("anonymous", output);
        Assert.Contains("policies: CanRead", output);
        Assert.Contains("Data model", output);
        Assert.Contains("payments.example.com", output);
        Assert.Contains("Diagnostics (1):", output);
    }

    [Fact]
    public void Coloured_output_marks_anonymous_writes_red_reads_yellow_and_required_green()
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
        });
        console.Profile.Width = 200;
        TableRenderer.Render(SampleModel.Create(), console, plain: false);
        var lines = writer.ToString().Split('\n');

        Assert.Contains("\u001b[91manonymous", Assert.Single(lines, l => l.Contains("OrdersController.Create")));
        Assert.Contains("\u001b[93manonymous", Assert.Single(lines, l => l.Contains("HealthController.Live")));
        Assert.Contains("\u001b[32mrequired", Assert.Single(lines, l => l.Contains("OrdersController.Get")));
    }
}
