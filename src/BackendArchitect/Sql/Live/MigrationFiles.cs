using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Sql.Live;

/// <summary>Builds a schema by replaying the .sql files found under paths, each file one migration.</summary>
public static class MigrationFiles
{
    /// <summary>The .sql files under a path (or the file itself), in the order they are replayed.</summary>
    public static IReadOnlyList<string> Discover(string path) =>
        File.Exists(path)
            ? [path]
            : [.. Directory.EnumerateFiles(path, "*.sql", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Replays the files in order. The dialect is the given one, else detected from the first file's path and
    /// text. Returns the schema and the parse and replay diagnostics.
    /// </summary>
    public static (Model.Schema Schema, SqlDialect Dialect, IReadOnlyList<Diagnostic> Diagnostics) Replay(IReadOnlyList<string> files, SqlDialect dialect = SqlDialect.Unknown)
    {
        var diagnostics = new List<Diagnostic>();
        var migrations = new List<Migration>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            if (dialect == SqlDialect.Unknown)
            {
                dialect = SqlDialectDetector.Detect(file, text);
            }

            var result = SqlParser.Parse(file, text, dialect);
            diagnostics.AddRange(result.Diagnostics);
            migrations.Add(Migration.FromParse(Path.GetFileName(file), result));
        }

        var replayer = new SchemaReplayer(dialect == SqlDialect.Unknown ? SqlDialect.PostgreSql : dialect);
        var schema = replayer.ReplayAll(migrations);
        diagnostics.AddRange(replayer.Diagnostics);
        return (schema, replayer.Naming.Dialect, diagnostics);
    }
}
