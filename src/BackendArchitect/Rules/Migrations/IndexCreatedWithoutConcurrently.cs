using BackendArchitect.Findings;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Migrations;

/// <summary>MIG001: CREATE INDEX without CONCURRENTLY on a PostgreSQL table that already exists.</summary>
public sealed class IndexCreatedWithoutConcurrently : IMigrationRule
{
    public RuleMetadata Metadata { get; } = new(
        "MIG001",
        "index-created-without-concurrently",
        "migration",
        Severity.Warning,
        "CREATE INDEX without CONCURRENTLY on an existing PostgreSQL table blocks all writes while the index builds.",
        "A plain CREATE INDEX takes a SHARE lock on the table: reads continue, but every INSERT, UPDATE and DELETE waits "
        + "until the whole table has been scanned and sorted, which on a large table means minutes of failed or queued "
        + "requests. CREATE INDEX CONCURRENTLY builds the index in several passes while writes continue; it is slower and "
        + "cannot run inside a transaction block, so put it in its own migration that the tool runs without a transaction. "
        + "If a concurrent build fails it leaves an INVALID index behind: drop it and retry. Tables created in the same "
        + "migration are empty and are not reported.",
        "CREATE INDEX ix_orders_customer_id ON orders (customer_id);",
        "-- in a migration that runs outside a transaction\nCREATE INDEX CONCURRENTLY ix_orders_customer_id ON orders (customer_id);",
        ["https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY", "https://www.postgresql.org/docs/current/explicit-locking.html"],
        ["postgres", "locking"])
    {
        Applicability = RuleApplicability.Sql(SqlDialect.PostgreSql),
    };

    public IEnumerable<Finding> Check(ReplayStep step, MigrationLintContext context)
    {
        if (step.Statement is not CreateIndexStatement { Concurrently: false } index || !step.IsExistingTable(index.Table))
        {
            yield break;
        }

        var table = MigrationFacts.Display(step, index.Table);
        var what = (index.Unique ? "UNIQUE INDEX" : "INDEX") + (index.Name is null ? "" : " " + index.Name);
        yield return MigrationFacts.Report(
            this,
            step,
            step.Statement.Line,
            $"CREATE {what} on existing table {table} without CONCURRENTLY blocks writes to {table} until the index is built.",
            "Use CREATE INDEX CONCURRENTLY in a migration that runs outside a transaction (EF Core: migrationBuilder.Sql(..., suppressTransaction: true)).");
    }
}
