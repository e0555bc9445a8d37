using BackendArchitect.Findings;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Findings;

/// <summary>Snippets are cut when long, so a generated or minified line is never printed whole.</summary>
public sealed class SnippetsTests
{
    [Fact]
    public void A_long_line_is_cut_with_a_visible_marker()
    {
        var cut = Snippets.Cap(new string('x', 1000));

        Assert.StartsWith(new string('x', Snippets.MaxLength) + " … (760 more characters)", cut);
        Assert.Equal("short line", Snippets.Cap("  short line  "));
    }

    // 4 MB, just under the 4 MiB file limit above which the file is skipped and nothing of it is shown.
    [Fact]
    public void A_four_megabyte_sql_line_is_never_printed_whole()
    {
        using var dir = new TempDirectory();
        dir.Write("V1__big.sql", "CREATE TABLE big (id integer, payload text DEFAULT '" + new string('a', 4_000_000) + "');\n");

        foreach (var format in new[] { "console", "json", "sarif", "markdown" })
        {
            var (_, stdout, _) = CliRunner.Run("db", "lint", dir.Path, "--format", format);

            Assert.Contains("more characters)", stdout);
            Assert.DoesNotContain(new string('a', Snippets.MaxLength + 1), stdout);
        }
    }
}
