using BackendArchitect.CSharp.Data;
using BackendArchitect.Model;
using BackendArchitect.Sql;

namespace BackendArchitect.Findings;

/// <summary>Options every SQL rule may read.</summary>
/// <param name="PostgresVersion">Target PostgreSQL major version (--pg-version); rules are version-aware.</param>
/// <param name="RequireLockTimeout">--lock-timeout: enables the opt-in rule that reports strong locks taken without SET lock_timeout.</param>
public sealed record LintOptions(int PostgresVersion = 16, bool RequireLockTimeout = false)
{
    /// <summary>Which rules run (--select, --ignore).</summary>
    public RuleSelection Rules { get; init; } = RuleSelection.All;

    /// <summary>True when the runner calls this rule on this dialect: it applies there, is selected, and, when opt-in, enabled.</summary>
    public bool Runs(RuleMetadata rule, SqlDialect dialect) => rule.Applicability.AppliesTo(dialect) && Selects(rule);

    /// <summary>True when the selection, with the opt-in flags given, turns the rule on (whatever the dialect).</summary>
    public bool Selects(RuleMetadata rule) => Rules.Runs(rule, enabled: RequireLockTimeout && rule.Applicability.EnabledBy == LockTimeoutFlag);

    /// <summary>The flag that <see cref="RequireLockTimeout"/> stands for.</summary>
    public const string LockTimeoutFlag = "--lock-timeout";
}

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
