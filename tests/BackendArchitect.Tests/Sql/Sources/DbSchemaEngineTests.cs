using BackendArchitect.Reports.Schema;
using BackendArchitect.Scanning;
using BackendArchitect.Sql.Live;
using BackendArchitect.Tests.Support;
using Microsoft.Data.Sqlite;

namespace BackendArchitect.Tests.Sql.Sources;

public sealed class DbSchemaEngineTests
{
    [Fact]
    public void Replay_of_the_sample_is_the_schema_and_the_messages_db_schema_prints()
    {
        var sample = Path.Combine(Paths.RepositoryRoot, "samples", "ShopBackend", "db", "migrations");

        var result = DbSchemaEngine.Replay([sample], null);
        var (code, stdout, stderr) = CliRunner.Run("db", "schema", sample, "--format", "json");

        Assert.Equal(0, code);
        Assert.NotEmpty(result.Schema.Tables);
        Assert.Equal(stdout, SchemaJson.Render(result.Schema));
        Assert.Equal(stderr, string.Concat(result.Messages.Select(m => "architect: " + m + Environment.NewLine)));
    }

    [Fact]
    public void Replay_of_a_missing_path_is_an_input_error_before_any_path_is_read()
    {
        var missing = Path.Combine(Paths.Fixtures, "no-such-folder");

        var error = Assert.Throws<InputException>(() => DbSchemaEngine.Replay([Paths.Fixture("live", "postgres-shop"), missing], null));

        Assert.Equal($"no such file or directory: {missing}", error.Message);
    }

    [Fact]
    public void Replay_of_a_folder_without_migrations_is_an_empty_schema_and_says_so()
    {
        using var dir = new TempDirectory();

        var result = DbSchemaEngine.Replay([dir.Path], null);

        Assert.Empty(result.Schema.Tables);
        Assert.Equal($"no migrations or SQL files found under {dir.Path}", Assert.Single(result.Messages));
    }

    [Fact]
    public void Inspect_reads_a_sqlite_file_named_by_its_provider()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "app.db");
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE widgets (id INTEGER PRIMARY KEY);";
            command.ExecuteNonQuery();
        }

        var result = DbSchemaEngine.Inspect("Data Source=" + path, "sqlite");

        Assert.Equal(["widgets"], result.Schema.Tables.Keys);
        Assert.Empty(result.Messages);
    }

    [Fact]
    public void Inspect_of_a_database_that_does_not_answer_is_an_input_error_naming_the_provider_asked_for()
    {
        var error = Assert.Throws<InputException>(() => DbSchemaEngine.Inspect("Host=127.0.0.1;Port=1;Username=app;Password=correct-horse-battery;Database=shop;Timeout=2", "postgresql"));

        Assert.StartsWith("could not read the PostgreSQL database (", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("correct-horse-battery", error.Message, StringComparison.Ordinal);
        Assert.IsType<LiveSchemaException>(error.InnerException);
    }
}
