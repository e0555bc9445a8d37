using System.Globalization;

namespace BackendArchitect.Cli.Rendering;

/// <summary>The width terminal output fits: the terminal's own, else the COLUMNS variable, else <see cref="Default"/>.</summary>
public static class TerminalWidth
{
    /// <summary>The width of output that goes to a pipe or a file when COLUMNS does not say otherwise.</summary>
    public const int Default = 120;

    /// <summary>Narrower than this no table reads; such a COLUMNS value is taken for a mistake.</summary>
    public const int Narrowest = 40;

    /// <summary>The width for this process's standard output.</summary>
    public static int Current() => Resolve(Console.IsOutputRedirected, WindowWidth(), Environment.GetEnvironmentVariable("COLUMNS"));

    /// <summary>
    /// A terminal's own width wins; a pipe or a file has none, so COLUMNS (which shells set, and which a
    /// user can export for `architect scan | less`) decides, else the default.
    /// </summary>
    public static int Resolve(bool redirected, int? windowWidth, string? columns)
    {
        if (!redirected && windowWidth >= Narrowest)
        {
            return windowWidth.Value;
        }

        return int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= Narrowest
            ? Math.Min(value, 1000)
            : Default;
    }

    private static int? WindowWidth()
    {
        try
        {
            return Console.IsOutputRedirected ? null : Console.WindowWidth;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
