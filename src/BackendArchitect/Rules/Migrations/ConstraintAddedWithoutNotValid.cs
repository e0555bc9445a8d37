using BackendArchitect.Findings;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Migrations;

/// <summary>MIG008: ADD FOREIGN KEY or CHECK constraint without NOT VALID on an existing PostgreSQL table.</summary>
public sealed class ConstraintAddedWithoutNotValid : IMigrationRule
{
    public RuleMetadata Metadata { get; } = new(
        "MIG008",
        "constraint-added-without-not-valid",
        "migration",
        Severity.Warning,
        "ADD FOREIGN KEY or CHECK without NOT VALID validates every existing row while holding a lock that blocks writes.",
        "Adding a CHECK constraint takes an ACCESS EXCLUSIVE lock on the table and scans all rows before releasing it; "
        + "adding a FOREIGN KEY takes SHARE ROW EXCLUSIVE locks on both the table and the referenced table and checks every "
        + "row, so writes to both wait for the scan. With NOT VALID the constraint is added instantly and enforced for new "
        + "rows only; a separate VALIDATE CONSTRAINT then checks the old rows under a SHARE UPDATE EXCLUSIVE lock, which lets "
        + "reads and writes continue. Run the VALIDATE in a separate transaction (ideally a separate migration).",
        "ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id);",
        "ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\n"
        + "-- next migration\nALTER TABLE orders VALIDATE CONSTRAINT fk_orders_customer;",
        ["https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-ADD-TABLE-CONSTRAINT", "https://www.postgresql.org/docs/current/explicit-locking.html"],
        ["postgres", "locking"])
    {
        Applicability = RuleApplicability.Sql(SqlDialect.PostgreSql),
    };

    public IEnumerable<Finding> Check(ReplayStep step, MigrationLintContext context)
    {
        if (step.Statement is not AlterTableStatement alter || !step.IsExistingTable(alter.Name))
        {
            yield break;
        }

        var table = MigrationFacts.Display(step, alter.Name);
        foreach (var action in alter.Actions.OfType<AddConstraintAction>())
        {
            var constraint = action.Constraint;
            if (constraint.NotValid || constraint.Kind is not (ConstraintKind.ForeignKey or ConstraintKind.Check))
            {
                continue;
            }

            var label = constraint.Name is null ? "" : " " + constraint.Name;
            var message = constraint.Kind == ConstraintKind.ForeignKey
                ? $"ADD FOREIGN KEY{label} on existing table {table} checks every row while blocking writes to {table} and {constraint.References?.Table.ToString() ?? "the referenced table"}."
                : $"ADD CHECK{label} on existing table {table} scans every row under an ACCESS EXCLUSIVE lock.";
            yield return MigrationFacts.Report(
                this,
                step,
                MigrationFacts.LineOf(step, action),
                message,
                "Add the constraint with NOT VALID, then run ALTER TABLE ... VALIDATE CONSTRAINT in a separate transaction.");
        }
    }
}
