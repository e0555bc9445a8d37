using BackendArchitect.Findings;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Migrations;

/// <summary>MIG012: enum value changes that fail or break running code (ADD VALUE in a transaction, renamed or removed values).</summary>
public sealed class EnumValueChanged : IMigrationRule
{
    public RuleMetadata Metadata { get; } = new(
        "MIG012",
        "enum-value-changed",
        "migration",
        Severity.Warning,
        "Enum changes that fail in a transaction (PostgreSQL < 12), or rename or remove values that running code still writes.",
        "PostgreSQL before 12 rejects ALTER TYPE ... ADD VALUE inside a transaction block, and migration tools usually run "
        + "each migration in one, so the deploy fails. From 12 on it is allowed, but the new value cannot be used until the "
        + "transaction commits, so using it later in the same migration fails. Renaming a value (ALTER TYPE ... RENAME "
        + "VALUE) breaks the running application, which still writes and compares the old label. In MySQL, redefining an "
        + "ENUM or SET column without one of its values copies the table and turns stored rows with that value into errors "
        + "(strict mode) or empty strings; only appending values at the end is done in place. Add new values in their own "
        + "migration, outside a transaction on old PostgreSQL, and retire values in steps: stop writing them, migrate the "
        + "rows, and only then remove them.",
        "BEGIN;\nALTER TYPE order_status ADD VALUE 'refunded';\nCOMMIT;",
        "-- its own migration, outside a transaction on PostgreSQL < 12\nALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded';",
        ["https://www.postgresql.org/docs/current/sql-altertype.html", "https://www.postgresql.org/docs/release/12.0/", "https://dev.mysql.com/doc/refman/8.0/en/innodb-online-ddl-operations.html#online-ddl-column-operations"],
        ["postgres", "mysql", "compatibility"]);

    public IEnumerable<Finding> Check(ReplayStep step, MigrationLintContext context)
    {
        var version = context.Options.PostgresVersion;
        switch (step.Statement)
        {
            case AlterEnumAddValueStatement add when MigrationFacts.IsPostgres(context) && MigrationFacts.RunsInTransaction(step):
                if (version < 12)
                {
                    yield return MigrationFacts.Report(
                        this,
                        step,
                        step.Statement.Line,
                        $"ALTER TYPE {add.Name} ADD VALUE '{add.Value}' cannot run inside a transaction block on PostgreSQL {version}, but {MigrationFacts.TransactionSource(step)}; the migration will fail.",
                        "Move ADD VALUE to its own migration that runs outside a transaction.",
                        Severity.Error);
                }
                else if (MigrationFacts.Later(step).Any(s => s is not TransactionStatement && s.Text.Contains("'" + add.Value + "'", StringComparison.Ordinal)))
                {
                    yield return MigrationFacts.Report(
                        this,
                        step,
                        step.Statement.Line,
                        $"The new value '{add.Value}' of {add.Name} is used later in the same transaction, where PostgreSQL rejects it (\"unsafe use of new value\") until the ADD VALUE commits.",
                        "Add the value in one migration and use it in a later one.",
                        Severity.Error);
                }

                break;
            case AlterEnumRenameValueStatement rename when step.SchemaBefore.Enums.ContainsKey(step.Naming.KeyOf(rename.Name)):
                yield return MigrationFacts.Report(
                    this,
                    step,
                    step.Statement.Line,
                    $"Renaming value '{rename.From}' of enum {rename.Name} to '{rename.To}' breaks running code that still writes or compares '{rename.From}'.",
                    $"Add '{rename.To}' as a new value, deploy code that writes it, migrate rows from '{rename.From}', and stop using the old value.");
                break;
            case AlterTableStatement alter when context.Dialect == SqlDialect.MySql && step.IsExistingTable(alter.Name):
                foreach (var modify in alter.Actions.OfType<ModifyColumnAction>())
                {
                    if (MySqlEnumChange(step, alter.Name, modify) is { } message)
                    {
                        yield return MigrationFacts.Report(
                            this,
                            step,
                            MigrationFacts.LineOf(step, modify),
                            message,
                            "Only append new values at the end of the list; to retire a value, stop writing it, update the rows that hold it, then remove it.");
                    }
                }

                break;
        }
    }

    private static string? MySqlEnumChange(ReplayStep step, QualifiedName table, ModifyColumnAction modify)
    {
        if (modify.Column.Type is not { } type || MigrationFacts.ColumnBefore(step, table, modify.OldName ?? modify.Column.Name) is not { } old)
        {
            return null;
        }

        var after = TypeNormalizer.Normalize(type, SqlDialect.MySql);
        if (!TypeChanges.IsEnumOrSet(old.Type) || !TypeChanges.IsEnumOrSet(after))
        {
            return null;
        }

        var oldValues = Values(old.Type);
        var newValues = Values(after);
        var removed = oldValues.Where(v => !newValues.Contains(v, StringComparer.OrdinalIgnoreCase)).ToArray();
        var name = MigrationFacts.Display(step, table) + "." + modify.Column.Name;
        if (removed.Length > 0)
        {
            return $"Redefining {name} drops the value(s) {string.Join(", ", removed.Select(v => "'" + v + "'"))}: MySQL copies the table and existing rows holding them fail (strict mode) or become ''.";
        }

        var appendedOnly = newValues.Length >= oldValues.Length
            && oldValues.Select((v, i) => string.Equals(v, newValues[i], StringComparison.OrdinalIgnoreCase)).All(same => same);
        return appendedOnly ? null : $"Redefining {name} inserts or reorders values instead of appending them at the end, so MySQL copies the whole table.";
    }

    /// <summary>The labels of an enum or set type, without quotes (the replayed schema and the parser spell them differently).</summary>
    private static string[] Values(string type) => [.. TypeChanges.Split(type).Args.Select(v => v.Trim('\'', '"'))];
}
