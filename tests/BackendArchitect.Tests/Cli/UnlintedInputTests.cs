using System.Text.Json;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Cli;

/// <summary>A migration left unread (too large, binary) used to pass --fail-on as if it were clean.</summary>
public sealed class UnlintedInputTests
{
    private static TempDirectory MigrationsWithSkippedFiles()
    {
        var dir = new TempDirectory();
        dir.Write("V1__init.sql", "CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);\n");
        dir.Write("V2__seed.sql", "INSERT INTO accounts (name) VALUES " + string.Join(",", Enumerable.Repeat("('x')", 900_000)) + ";\n");
        dir.WriteBytes("V3__dump.sql", [0x50, 0x47, 0x44, 0x4D, 0x50, 0x00, 0x01, 0x00, 0x02]);
        dir.WriteBytes("appsettings.json", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]);
        return dir;
    }

    [Theory]
    [InlineData("error")]
    [InlineData("note")]
    public void Fail_on_fails_when_a_migration_could_not_be_linted(string threshold)
    {
        using var dir = MigrationsWithSkippedFiles();

        var (code, stdout, _) = CliRunner.Run("db", "lint", dir.Path, "--format", "json", "--fail-on", threshold);

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(stdout);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(0, summary.GetProperty("findings").GetInt32());
        Assert.Equal(2, summary.GetProperty("notLinted").GetInt32());
        Assert.Equal(3, summary.GetProperty("skippedFiles").GetInt32());
        var errors = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("severity").GetString() == "error")
            .Select(d => d.GetProperty("file").GetString()!)
            .ToArray();
        Assert.Equal(["V2__seed.sql", "V3__dump.sql"], errors);
    }

    [Fact]
    public void Without_fail_on_the_run_succeeds_and_the_summary_says_what_was_skipped_and_why()
    {
        using var dir = MigrationsWithSkippedFiles();

        var (code, stdout, _) = CliRunner.Run("db", "lint", dir.Path);

        Assert.Equal(0, code);
        Assert.EndsWith(
            "No findings in the files linted; 3 input diagnostics; 2 files not linted (1 over the size limit, 1 binary); 1 other file skipped (1 binary).",
            stdout.ReplaceLineEndings(" ").TrimEnd());
    }

    [Fact]
    public void A_skipped_file_that_is_not_a_migration_does_not_fail_the_run()
    {
        using var dir = new TempDirectory();
        dir.Write("V1__init.sql", "CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);\n");
        dir.WriteBytes("appsettings.json", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]);

        var (code, stdout, _) = CliRunner.Run("db", "lint", dir.Path, "--format", "markdown", "--fail-on", "note");

        Assert.Equal(0, code);
        Assert.Contains("No findings; 1 input diagnostic; 1 other file skipped (1 binary).", stdout);
    }
}
