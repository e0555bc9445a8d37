using BackendArchitect.Findings;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Migrations;

/// <summary>MIG002: DROP INDEX without CONCURRENTLY on an index of an existing PostgreSQL table.</summary>
public sealed class IndexDroppedWithoutConcurrently : IMigrationRule
{
    public RuleMetadata Metadata { get; } = new(
        "MIG002",
        "index-dropped-without-concurrently",
        "migration",
        Severity.Warning,
        "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the index's table.",
        "A plain DROP INDEX locks the table it belongs to in ACCESS EXCLUSIVE mode, so even SELECTs wait. The drop itself "
        + "is quick, but the lock request queues behind any long-running query on the table and every later query queues "
        + "behind the lock, so a busy table can stall for as long as the slowest open transaction. DROP INDEX CONCURRENTLY "
        + "waits for conflicting transactions without blocking others; like CREATE INDEX CONCURRENTLY it cannot run inside "
        + "a transaction block and drops one index at a time.",
        "DROP INDEX ix_orders_status;",
        "-- in a migration that runs outside a transaction\nDROP INDEX CONCURRENTLY IF EXISTS ix_orders_status;",
        ["https://www.postgresql.org/docs/current/sql-dropindex.html", "https://www.postgresql.org/docs/current/explicit-locking.html"],
        ["postgres", "locking"])
    {
        Applicability = RuleApplicability.Sql(SqlDialect.PostgreSql),
    };

    public IEnumerable<Finding> Check(ReplayStep step, MigrationLintContext context)
    {
        if (step.Statement is not DropStatement { ObjectKind: "INDEX", Concurrently: false } drop)
        {
            yield break;
        }

        foreach (var name in drop.Names)
        {
            if (MigrationFacts.TableOfIndex(step, name, drop.OnTable) is { } table && step.IsExistingTable(table))
            {
                var display = MigrationFacts.Display(step, table);
                yield return MigrationFacts.Report(
                    this,
                    step,
                    step.Statement.Line,
                    $"DROP INDEX {name} without CONCURRENTLY locks existing table {display} against reads and writes until the drop finishes.",
                    "Use DROP INDEX CONCURRENTLY (one index per statement) in a migration that runs outside a transaction.");
            }
        }
    }
}
