using System.Collections.Immutable;
using BackendArchitect.Config;
using BackendArchitect.Model;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Live;
using BackendArchitect.Sql.Replay;
using BackendArchitect.Sql.Sources;
using BackendArchitect.Workspace;

namespace BackendArchitect.Scanning;

/// <summary>
/// What <c>db schema</c> and <c>db inspect</c> show: the schema with its secrets masked, and the lines to tell
/// the user beside it (which migration set was chosen and why, the others, problems reading the files).
/// </summary>
public sealed record DbSchemaResult(Schema Schema, ImmutableArray<string> Messages);

/// <summary>
/// The application layer of <c>db schema</c> and <c>db inspect</c>: a schema replayed from migration files
/// or read from a live database. Hosts render <see cref="DbSchemaResult.Schema"/> and print the messages.
/// </summary>
public static class DbSchemaEngine
{
    /// <summary>
    /// Replays the migration sets found under the paths, each in its tool's order (Flyway versions,
    /// golang-migrate and dbmate up files, EF Core migration ids, T-SQL scripts). With several sets one
    /// is shown (see <see cref="SchemaSetChoice"/>), the others are named, and the dialect and why is said.
    /// Nothing found is an empty schema with a message, as db lint has it; a missing path is an <see cref="InputException"/>.
    /// </summary>
    public static DbSchemaResult Replay(IReadOnlyList<string> paths, SqlDialect? dialect)
    {
        foreach (var path in paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new InputException($"no such file or directory: {path}");
            }
        }

        var diagnostics = new List<Diagnostic>();
        var sets = new List<MigrationSet>();
        foreach (var path in paths)
        {
            var workspace = WorkspaceLoader.Load(path);
            diagnostics.AddRange(workspace.Diagnostics);
            sets.AddRange(MigrationSources.Discover(workspace, dialect, diagnostics));
        }

        if (sets.Count == 0)
        {
            return new DbSchemaResult(
                SchemaSecretMasker.Mask(new SchemaReplayer(dialect ?? SqlDialect.Unknown).Schema),
                ["no migrations or SQL files found under " + string.Join(", ", paths)]);
        }

        var choice = SchemaSetChoice.Choose(sets);
        var replayer = new SchemaReplayer(choice.Chosen.Dialect);
        var schema = replayer.ReplayAll(choice.Chosen.Migrations);
        var problems = diagnostics.Concat(replayer.Diagnostics)
            .Where(d => d.Severity != DiagnosticSeverity.Info)
            .Select(d => $"{d.File}:{d.Line}: {SecretMasker.MaskText(d.Message)}");
        return new DbSchemaResult(SchemaSecretMasker.Mask(schema), [choice.Explanation + ".", .. choice.Others.Select(o => o + "."), .. problems]);
    }

    /// <summary>
    /// Reads a live database, read-only. <paramref name="provider"/> is postgres, postgresql or sqlite, or null
    /// to guess from the connection string; a database that cannot be read is an <see cref="InputException"/>.
    /// </summary>
    public static DbSchemaResult Inspect(string connection, string? provider)
    {
        try
        {
            return new DbSchemaResult(SchemaSecretMasker.Mask(LiveSchema.Read(connection, ProviderOf(provider))), []);
        }
        catch (LiveSchemaException e)
        {
            throw new InputException(e.Message, e);
        }
    }

    private static LiveProvider ProviderOf(string? name) => name switch
    {
        "postgres" or "postgresql" => LiveProvider.Postgres,
        "sqlite" => LiveProvider.Sqlite,
        _ => LiveProvider.Auto,
    };
}
