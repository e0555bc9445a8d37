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

    public static TheoryData<string> SourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var root in new[] { Paths.Fixtures, Path.Combine(Paths.RepositoryRoot, "samples") })
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(Paths.RepositoryRoot, file));
            }
        }

        return data;
    }

    // Lines are masked one by one where that gives what masking the whole file does; every line of every
    // C#, JSON and YAML fixture is compared with the whole-file masking.
    [Theory]
    [MemberData(nameof(SourceFiles))]
    public void Masking_the_lines_shown_gives_the_lines_of_the_whole_file_masked(string relative)
    {
        var text = File.ReadAllText(Path.Combine(Paths.RepositoryRoot, relative));
        var whole = Snippets.MaskedLines(relative, text);

        var some = Snippets.MaskedLines(relative, text, [.. Enumerable.Range(1, whole.Length + 1)]);

        Assert.Equal(whole.Select((line, i) => (i + 1, line)), some.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public void A_line_inside_a_verbatim_sql_string_is_masked_by_the_column_named_lines_above()
    {
        const string code = "class M\r\n{\r\n    void Up(B b) => b.Sql(@\"INSERT INTO users (name, password)\r\n        VALUES ('admin',\r\n                'orchid-lake-42')\");\r\n    string s = \"password\";\r\n}\r\n";
        var whole = Snippets.MaskedLines("M.cs", code);

        var line5 = Snippets.MaskedLines("M.cs", code, [5, 6, 99]);

        Assert.DoesNotContain("orchid-lake-42", line5[5]);
        Assert.Equal(whole[4], line5[5]);
        Assert.Equal(whole[5], line5[6]);
        Assert.False(line5.ContainsKey(99));
    }
}
