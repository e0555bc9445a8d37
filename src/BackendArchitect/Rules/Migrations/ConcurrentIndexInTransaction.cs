using BackendArchitect.Findings;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Migrations;

/// <summary>MIG003: CREATE or DROP INDEX CONCURRENTLY where the migration runs inside a transaction, which PostgreSQL rejects.</summary>
public sealed class ConcurrentIndexInTransaction : IMigrationRule
{
    public RuleMetadata Metadata { get; } = new(
        "MIG003",
        "concurrent-index-in-transaction",
        "migration",
        Severity.Error,
        "CREATE/DROP INDEX CONCURRENTLY inside a transaction fails at run time.",
        "PostgreSQL refuses CREATE INDEX CONCURRENTLY and DROP INDEX CONCURRENTLY inside a transaction block "
        + "(\"cannot run inside a transaction block\"), because the concurrent build commits between its phases. "
        + "The migration then fails on deploy, not in review. EF Core runs every migration in a transaction unless the "
        + "operation is marked suppressTransaction, Flyway on PostgreSQL wraps each script in one unless it is configured "
        + "otherwise, and an explicit BEGIN in the file opens one too. Move the statement to its own migration that runs "
        + "without a transaction.",
        "BEGIN;\nCREATE INDEX CONCURRENTLY ix_orders_status ON orders (status);\nCOMMIT;",
        "-- its own migration, run without a transaction\nCREATE INDEX CONCURRENTLY ix_orders_status ON orders (status);",
        ["https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY", "https://www.postgresql.org/docs/current/sql-dropindex.html"],
        ["postgres"])
    {
        Applicability = RuleApplicability.Sql(SqlDialect.PostgreSql),
    };

    public IEnumerable<Finding> Check(ReplayStep step, MigrationLintContext context)
    {
        var verb = step.Statement switch
        {
            CreateIndexStatement { Concurrently: true } => "CREATE INDEX CONCURRENTLY",
            DropStatement { ObjectKind: "INDEX", Concurrently: true } => "DROP INDEX CONCURRENTLY",
            _ => null,
        };
        if (verb is null || !MigrationFacts.RunsInTransaction(step))
        {
            yield break;
        }

        yield return MigrationFacts.Report(
            this,
            step,
            step.Statement.Line,
            $"{verb} cannot run inside a transaction block, but {MigrationFacts.TransactionSource(step)}; the migration will fail.",
            "Put the statement in its own migration without BEGIN/COMMIT and run it outside a transaction (EF Core: migrationBuilder.Sql(..., suppressTransaction: true); Flyway: a script with executeInTransaction=false).");
    }
}
