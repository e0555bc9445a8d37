using System.Text.Json;
using BackendArchitect.Tests.Support;
using Microsoft.Data.Sqlite;

namespace BackendArchitect.Tests.Live;

public sealed class DbCommandTests
{
    internal static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Db_schema_replays_a_migration_folder_in_name_order()
    {
        var (code, stdout, stderr) = Run("db", "schema", Paths.Fixture("live", "postgres-shop"), "--format", "json");

        Assert.Equal(0, code);
        Assert.Equal("architect: schema of the folder passed: 4 migrations (numbered) read as PostgreSQL, as the folder's name says.", stderr.Trim());
        using var json = JsonDocument.Parse(stdout);
        var tables = json.RootElement.GetProperty("tables");
        // 003 renames products to items and drops scratch: both only hold when the files ran in order.
        Assert.True(tables.TryGetProperty("items", out _));
        Assert.False(tables.TryGetProperty("products", out _));
        Assert.False(tables.TryGetProperty("scratch", out _));
    }

    [Theory]
    [InlineData("mermaid", "erDiagram\n")]
    [InlineData("dot", "digraph schema {\n")]
    [InlineData("markdown", "# Database schema\n")]
    [InlineData("table", "Schema: 7 tables")]
    public void Db_schema_writes_each_format_to_the_output_file(string format, string start)
    {
        using var temp = new TempDirectory();
        var output = Path.Combine(temp.Path, "schema.out");

        var (code, stdout, _) = Run("db", "schema", Paths.Fixture("live", "postgres-shop"), "--format", format, "--output", output);

        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        Assert.StartsWith(start, File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Db_inspect_reads_a_sqlite_file()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "app.db");
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE widgets (id INTEGER PRIMARY KEY, name TEXT NOT NULL);";
            command.ExecuteNonQuery();
        }

        var (code, stdout, stderr) = Run("db", "inspect", "--connection", "Data Source=" + path, "--format", "mermaid");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("    widgets {\n        integer id PK\n        text name\n    }\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_failure_is_one_masked_line_and_exit_code_2()
    {
        var (code, stdout, stderr) = Run("db", "inspect", "--connection", "Host=127.0.0.1;Port=1;Username=app;Password=correct-horse-battery;Database=shop;Timeout=2");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("architect: could not read the PostgreSQL database (", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("correct-horse-battery", stderr, StringComparison.Ordinal);
        Assert.Contains("Database=shop", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_in_a_postgres_url_is_masked_too()
    {
        var (code, _, stderr) = Run("db", "schema", "--connection", "postgresql://app:correct-horse@127.0.0.1:1/shop", "--provider", "postgres");

        Assert.Equal(2, code);
        Assert.DoesNotContain("correct-horse", stderr, StringComparison.Ordinal);
        Assert.Contains("postgresql://app:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Db_schema_needs_paths_or_a_connection_but_not_both()
    {
        Assert.Equal(2, Run("db", "schema").Code);
        var (code, _, stderr) = Run("db", "schema", Paths.Fixture("live", "postgres-shop"), "--connection", "x.db");
        Assert.Equal(2, code);
        Assert.Contains("one of the two", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Db_inspect_requires_a_connection()
    {
        var (code, _, stderr) = Run("db", "inspect");

        Assert.Equal(2, code);
        Assert.Contains("--connection", stderr, StringComparison.Ordinal);
    }
}
