using System.Text.Json;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Cli;

public sealed class DbSchemaCommandTests
{
    private static string[] Tables(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("tables").EnumerateObject().Select(t => t.Value.GetProperty("name").GetString()!)];
    }

    [Fact]
    public void A_multi_database_folder_says_which_database_it_shows_and_why_and_how_to_see_another()
    {
        var folder = Paths.Fixture("migrations", "multi-database");

        var (code, _, stderr) = CliRunner.Run("db", "schema", folder, "--format", "json");

        Assert.Equal(0, code);
        Assert.Equal(
            "architect: schema of the folder passed: its postgres files, 3 migrations (golang-migrate) read as PostgreSQL, as its file names say (x.postgres.up.sql). The folder also holds files for mysql; --dialect mysql selects them.",
            stderr.Trim());
    }

    [Fact]
    public void Dialect_picks_that_databases_files_for_the_schema()
    {
        var folder = Paths.Fixture("migrations", "multi-database");

        var (code, stdout, stderr) = CliRunner.Run("db", "schema", folder, "--dialect", "mysql", "--format", "json");

        Assert.Equal(0, code);
        Assert.StartsWith("architect: schema of the folder passed: its mysql files, 3 migrations (golang-migrate) read as MySQL, as its file names say", stderr);
        Assert.DoesNotContain("also found", stderr);
        using var doc = JsonDocument.Parse(stdout);
        var createdAt = doc.RootElement.GetProperty("tables").GetProperty("networks").GetProperty("columns").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "created_at");
        Assert.Equal("datetime", createdAt.GetProperty("type").GetString());
    }

    [Fact]
    public void An_ssdt_project_is_one_schema_of_all_its_files_and_db_lint_reads_the_same_tables()
    {
        var project = Paths.Fixture("migrations", "ssdt");

        var schema = CliRunner.Run("db", "schema", project, "--format", "json");
        var lint = CliRunner.Run("db", "lint", project, "--format", "json");

        Assert.Equal(0, schema.Code);
        Assert.Equal("architect: schema of the folder passed: 5 files (ssdt) read as SQL Server, as the SSDT project Shop.Database.sqlproj says.", schema.Err.Trim());
        Assert.Equal(["Sales.Invoices", "dbo.Customers", "dbo.Orders"], Tables(schema.Out).Order(StringComparer.Ordinal));
        using var findings = JsonDocument.Parse(lint.Out);
        var missingKeys = findings.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("code").GetString() == "SCH001")
            .Select(f => f.GetProperty("file").GetString()!)
            .ToArray();
        Assert.Equal(["Sales/Tables/Invoices.sql"], missingKeys);
        Assert.Equal(0, findings.RootElement.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public void An_empty_folder_is_an_empty_schema_with_a_message_as_db_lint_does()
    {
        using var dir = new TempDirectory();

        var schema = CliRunner.Run("db", "schema", dir.Path, "--format", "json");
        var lint = CliRunner.Run("db", "lint", dir.Path);

        Assert.Equal(0, schema.Code);
        Assert.Equal(0, lint.Code);
        Assert.Empty(Tables(schema.Out));
        Assert.Equal($"architect: no migrations or SQL files found under {dir.Path}", schema.Err.Trim());
        Assert.Equal(lint.Err.Trim(), schema.Err.Trim());
    }
}
