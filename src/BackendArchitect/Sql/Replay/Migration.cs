using System.Collections.Immutable;
using BackendArchitect.Model;
using BackendArchitect.Sql.Ast;

namespace BackendArchitect.Sql.Replay;

/// <summary>One migration: its id (as its tool orders it), file and parsed statements.</summary>
/// <param name="InTransaction">Whether its tool runs it inside one transaction; null when unknown.</param>
public sealed record Migration(string Id, string File, ImmutableArray<SqlStatement> Statements, bool? InTransaction = null)
{
    public static Migration FromParse(string id, SqlParseResult result, bool? inTransaction = null) =>
        new(id, result.File, result.Statements, inTransaction);
}

/// <summary>
/// One statement of a replay with what rules ask about it: the schema before it, the tables it touches,
/// and which tables were created earlier in the same migration.
/// </summary>
public sealed record ReplayStep(
    Migration Migration,
    SqlStatement Statement,
    Schema SchemaBefore,
    ImmutableArray<string> TouchedTables,
    ImmutableHashSet<string> TablesCreatedInThisMigration,
    SchemaNaming Naming)
{
    /// <summary>The table as it was before this statement, or null when it did not exist (or was not replayed).</summary>
    public SchemaTable? TableBefore(QualifiedName name) => SchemaBefore.Tables.GetValueOrDefault(Naming.KeyOf(name));

    /// <summary>True when the table was created earlier in this same migration (so locking it is harmless).</summary>
    public bool IsCreatedInThisMigration(QualifiedName name) => TablesCreatedInThisMigration.Contains(Naming.KeyOf(name));

    /// <summary>True when the table existed before this migration started, i.e. may hold data and serve traffic.</summary>
    public bool IsExistingTable(QualifiedName name) => TableBefore(name) is not null && !IsCreatedInThisMigration(name);
}
