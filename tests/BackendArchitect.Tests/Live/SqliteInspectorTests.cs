using BackendArchitect.Sql;
using BackendArchitect.Sql.Live;
using BackendArchitect.Tests.Support;
using Microsoft.Data.Sqlite;

namespace BackendArchitect.Tests.Live;

/// <summary>Live introspection of real SQLite files built by running the fixture migrations.</summary>
public sealed class SqliteInspectorTests
{
    private static string BuildDatabase(TempDirectory temp, IReadOnlyList<string> files)
    {
        var path = Path.Combine(temp.Path, "notes.db");
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        connection.Open();
        foreach (var file in files)
        {
            using var command = connection.CreateCommand();
            command.CommandText = File.ReadAllText(file);
            command.ExecuteNonQuery();
        }

        return path;
    }

    [Fact]
    public void Inspecting_a_migrated_sqlite_file_gives_the_schema_the_migrations_replay_to()
    {
        using var temp = new TempDirectory();
        var files = MigrationFiles.Discover(Paths.Fixture("live", "sqlite-notes"));
        var path = BuildDatabase(temp, files);

        var replayed = MigrationFiles.Replay(files);
        var live = SqliteInspector.Read(path);

        Assert.Equal(SqlDialect.Sqlite, replayed.Dialect);
        Assert.Empty(replayed.Diagnostics);
        // Unnamed constraints have no stored name in SQLite (the fixture renames a table that has some).
        SetDiff.AssertSame(SchemaCanonicalText.Lines(replayed.Schema, constraintNames: false).ToList(), SchemaCanonicalText.Lines(live, constraintNames: false).ToList(), "live schema (found) and replayed migrations (expected)");
    }

    [Fact]
    public void Inspection_reads_keys_indexes_and_checks_from_the_file()
    {
        using var temp = new TempDirectory();
        var path = BuildDatabase(temp, MigrationFiles.Discover(Paths.Fixture("live", "sqlite-notes")));

        var schema = SqliteInspector.Read(path);

        Assert.Equal(["folders", "notes", "tags", "users"], schema.Tables.Keys.AsEnumerable());
        Assert.Equal("autoincrement", schema.Tables["users"].FindColumn("id", StringComparer.OrdinalIgnoreCase)!.Identity);
        Assert.Equal(["notebook_id", "seq"], schema.Tables["notes"].PrimaryKey!.Columns.AsEnumerable());
        var folders = schema.Tables["folders"];
        Assert.Equal(["owner_id", "title DESC"], folders.Indexes.Single(i => i.Name == "notebooks_owner_idx").Columns.AsEnumerable());
        Assert.Equal("notebooks_owner_title_key", folders.Uniques.Single().Name);
        Assert.Single(folders.Checks);
        Assert.Equal("SET NULL", schema.Tables["notes"].ForeignKeys.Single(f => f.Name == "notes_notebook_fk").OnDelete);
        Assert.NotNull(schema.Tables["notes"].Indexes.Single(i => i.Name == "notes_unrated_idx").Where);
        Assert.Equal("recent_notes", schema.Views.Values.Single().Name);
    }

    [Fact]
    public void Inspection_opens_the_file_read_only()
    {
        using var temp = new TempDirectory();
        var path = BuildDatabase(temp, MigrationFiles.Discover(Paths.Fixture("live", "sqlite-notes")));
        File.SetAttributes(path, FileAttributes.ReadOnly);
        var before = File.ReadAllBytes(path);

        var schema = SqliteInspector.Read(path);

        Assert.NotEmpty(schema.Tables);
        Assert.Equal(before, File.ReadAllBytes(path));
        File.SetAttributes(path, FileAttributes.Normal);
    }

    [Fact]
    public void A_missing_file_is_a_one_line_error()
    {
        var error = Assert.Throws<LiveSchemaException>(() => LiveSchema.Read("/nonexistent/notes.db"));
        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("notes.db", error.Message, StringComparison.Ordinal);
    }
}
