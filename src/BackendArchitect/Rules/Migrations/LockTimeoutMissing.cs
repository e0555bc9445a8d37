using BackendArchitect.Findings;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Migrations;

/// <summary>MIG015 (opt-in): a statement that takes an ACCESS EXCLUSIVE lock on an existing table with no lock_timeout set earlier in the migration.</summary>
public sealed class LockTimeoutMissing : IMigrationRule
{
    public RuleMetadata Metadata { get; } = new(
        "MIG015",
        "lock-timeout-missing",
        "migration",
        Severity.Warning,
        "A migration takes an ACCESS EXCLUSIVE lock on an existing table without SET lock_timeout first (opt-in; reported once per migration).",
        "Even an instant ALTER TABLE needs an ACCESS EXCLUSIVE lock. If a long query or an idle-in-transaction session "
        + "holds any lock on the table, the ALTER waits, and every later query on the table queues behind the waiting ALTER: "
        + "a metadata change that should take milliseconds takes the table offline for as long as the oldest transaction "
        + "lives. SET lock_timeout (for example '5s') at the start of the migration makes the ALTER give up instead, so "
        + "the deploy fails fast and can be retried, while traffic continues.",
        "ALTER TABLE orders ADD COLUMN note text;",
        "SET lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN note text;",
        ["https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-LOCK-TIMEOUT", "https://www.postgresql.org/docs/current/explicit-locking.html"],
        ["postgres", "locking"])
    {
        Applicability = RuleApplicability.Sql(SqlDialect.PostgreSql) with { OptIn = true, EnabledBy = LintOptions.LockTimeoutFlag },
    };

    public IEnumerable<Finding> Check(ReplayStep step, MigrationLintContext context)
    {
        if (LockedTable(step, step.Statement) is not { } table || HasLockTimeout(step))
        {
            yield break;
        }

        // One finding per migration: the first statement that locks is where SET lock_timeout belongs.
        if (MigrationFacts.Earlier(step).Any(s => LockedTable(step, s) is not null))
        {
            yield break;
        }

        yield return MigrationFacts.Report(
            this,
            step,
            step.Statement.Line,
            $"This statement takes an ACCESS EXCLUSIVE lock on existing table {MigrationFacts.Display(step, table)} with no lock_timeout set earlier in the migration; it can queue all traffic on the table behind a long transaction.",
            "Start the migration with SET lock_timeout = '5s' (and retry on timeout).");
    }

    /// <summary>The existing table this statement locks in ACCESS EXCLUSIVE mode, or null.</summary>
    private static QualifiedName? LockedTable(ReplayStep step, SqlStatement statement) => statement switch
    {
        AlterTableStatement alter when step.IsExistingTable(alter.Name) && alter.Actions.Any(TakesAccessExclusive) => alter.Name,
        DropStatement { ObjectKind: "TABLE" } drop => drop.Names.FirstOrDefault(step.IsExistingTable),
        DropStatement { ObjectKind: "INDEX", Concurrently: false } drop => drop.Names
            .Select(n => MigrationFacts.TableOfIndex(step, n, drop.OnTable))
            .FirstOrDefault(t => t is not null && step.IsExistingTable(t)),
        _ => null,
    };

    /// <summary>VALIDATE CONSTRAINT takes SHARE UPDATE EXCLUSIVE and ADD FOREIGN KEY SHARE ROW EXCLUSIVE; other ALTER TABLE actions take ACCESS EXCLUSIVE.</summary>
    private static bool TakesAccessExclusive(AlterTableAction action) =>
        action is not ValidateConstraintAction and not AddConstraintAction { Constraint.Kind: ConstraintKind.ForeignKey };

    private static bool HasLockTimeout(ReplayStep step) =>
        MigrationFacts.Earlier(step).Any(s =>
            (s is SetStatement { Name: "lock_timeout" } set && !IsZero(set.Value))
            || (s is OtherStatement && s.Text.Contains("lock_timeout", StringComparison.OrdinalIgnoreCase)));

    private static bool IsZero(string value) => value.Trim().Trim('\'', '"') is "0" or "0s" or "0ms";
}
