using System.Text.Json;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Cli;

public sealed class DbLintCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Lints_a_migration_folder_and_fails_on_the_threshold()
    {
        var folder = Paths.Fixture("rules", "sql", "MIG001-index-on-existing-table");

        var (code, stdout, _) = Run("db", "lint", folder, "--format", "json", "--fail-on", "warning");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(stdout);
        var codes = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToArray();
        Assert.Contains("MIG001", codes);
    }

    [Fact]
    public void A_clean_schema_exits_zero_even_with_fail_on_note()
    {
        var (code, stdout, _) = Run("db", "lint", Paths.Fixture("rules", "sql", "clean-schema"), "--format", "sarif", "--fail-on", "note");

        Assert.Equal(0, code);
        using var sarif = JsonDocument.Parse(stdout);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Equal(0, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void A_missing_path_is_a_usage_error()
    {
        var (code, stdout, stderr) = Run("db", "lint", "/no/such/migrations");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("path not found", stderr);
    }

    [Fact]
    public void Invalid_sql_is_reported_as_a_diagnostic_and_the_rest_is_linted()
    {
        using var dir = new TempDirectory();
        dir.Write("V1__init.sql", "CREATE TABLE events (id integer, payload json);\n");
        dir.Write("V2__broken.sql", "ALTER TABLE events ADD COLUMN ;\nCREATE INDEX ix_events_id ON events (id);\n");

        var (code, stdout, _) = Run("db", "lint", dir.Path, "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var codes = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToArray();
        Assert.Contains("SCH001", codes);
        Assert.NotEqual(0, json.RootElement.GetProperty("diagnostics").GetArrayLength());
    }
}
