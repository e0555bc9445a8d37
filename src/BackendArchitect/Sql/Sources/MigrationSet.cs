using System.Collections.Immutable;
using BackendArchitect.Sql.Replay;
using BackendArchitect.Workspace;

namespace BackendArchitect.Sql.Sources;

/// <summary>
/// The migrations of one folder, in the order their tool applies them.
/// Kind: flyway, golang-migrate, dbmate, dbup, numbered or ef-core.
/// </summary>
public sealed record MigrationSet(string Directory, string Kind, SqlDialect Dialect, ImmutableArray<Migration> Migrations)
{
    /// <summary>For EF Core sets: the folder's model snapshot file, when there is one.</summary>
    public SourceFile? Snapshot { get; init; }

    /// <summary>The database named in the file names when one folder holds several (postgres, cockroach, mysql, sqlite3).</summary>
    public string? Variant { get; init; }

    /// <summary>Why the set is read in its dialect, for a user who wonders: "as its file names say (x.postgres.up.sql)".</summary>
    public string DialectReason { get; init; } = "detected";
}
