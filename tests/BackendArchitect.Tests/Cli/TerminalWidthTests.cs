using BackendArchitect.Cli.Rendering;

namespace BackendArchitect.Tests.Cli;

/// <summary>Which width the table fits: the terminal's, else COLUMNS, else the default.</summary>
public sealed class TerminalWidthTests
{
    [Fact]
    public void A_terminal_uses_its_own_width_whatever_COLUMNS_says()
    {
        Assert.Equal(97, TerminalWidth.Resolve(redirected: false, windowWidth: 97, columns: "200"));
    }

    [Fact]
    public void A_pipe_or_file_uses_COLUMNS()
    {
        Assert.Equal(200, TerminalWidth.Resolve(redirected: true, windowWidth: 97, columns: "200"));
        Assert.Equal(80, TerminalWidth.Resolve(redirected: true, windowWidth: null, columns: "80"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wide")]
    [InlineData("-5")]
    [InlineData("12")]
    public void Without_a_usable_COLUMNS_a_pipe_gets_the_default(string? columns)
    {
        Assert.Equal(TerminalWidth.Default, TerminalWidth.Resolve(redirected: true, windowWidth: null, columns));
    }

    [Fact]
    public void A_terminal_that_reports_no_width_falls_back_like_a_pipe()
    {
        Assert.Equal(150, TerminalWidth.Resolve(redirected: false, windowWidth: 0, columns: "150"));
    }
}
