using BackendArchitect.CSharp.Data;
using BackendArchitect.Model;
using BackendArchitect.Sql;

namespace BackendArchitect.Findings;

/// <summary>Options every SQL rule may read.</summary>
/// <param name="PostgresVersion">Target PostgreSQL major version (--pg-version); rules are version-aware.</param>
/// <param name="RequireLockTimeout">Opt-in: report migrations that take strong locks without SET lock_timeout.</param>
public sealed record LintOptions(int PostgresVersion = 16, bool RequireLockTimeout = false);

/// <summary>What a schema rule sees: the schema, its dialect, and the file it came from when there is one.</summary>
public sealed record SchemaLintContext(Schema Schema, SqlDialect Dialect, LintOptions Options, string File)
{
    /// <summary>What the code says about how columns are stored (hashed, encrypted); no evidence when no code was read.</summary>
    public ColumnProtection Code { get; init; } = ColumnProtection.None;
}

/// <summary>What a migration rule sees besides the step: dialect, options and the code that reads the schema.</summary>
/// <param name="CodeReferences">Where code refers to a table or a column ("orders", "orders.customer_id"); empty when unknown.</param>
public sealed record MigrationLintContext(SqlDialect Dialect, LintOptions Options, IReadOnlyDictionary<string, IReadOnlyList<SourceLocation>> CodeReferences)
{
    public static IReadOnlyDictionary<string, IReadOnlyList<SourceLocation>> NoReferences { get; } = new Dictionary<string, IReadOnlyList<SourceLocation>>();
}
