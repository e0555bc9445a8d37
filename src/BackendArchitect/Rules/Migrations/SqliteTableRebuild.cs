using BackendArchitect.Findings;
using BackendArchitect.Model;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Migrations;

/// <summary>MIG014: SQLite ALTERs that SQLite cannot do in place: unsupported ALTER TABLE forms and the drop-and-rename rebuild of an existing table.</summary>
public sealed class SqliteTableRebuild : IMigrationRule
{
    public RuleMetadata Metadata { get; } = new(
        "MIG014",
        "sqlite-table-rebuild",
        "migration",
        Severity.Warning,
        "SQLite ALTER TABLE supports only RENAME, ADD COLUMN and DROP COLUMN; anything else fails or needs a full table rebuild.",
        "SQLite's ALTER TABLE can rename a table or column, add a column (not PRIMARY KEY or UNIQUE, with a constant "
        + "default) and, since 3.35, drop a column. Changing a column's type, nullability or default, or adding or dropping "
        + "a constraint, is a syntax error: the change needs the 12-step rebuild (create the new table, copy the rows, drop "
        + "the old one, rename the new one, recreate indexes, triggers and views). A rebuild copies every row while holding "
        + "the database's write lock, and with foreign_keys=ON the DROP TABLE of the old table performs an implicit DELETE "
        + "that fires ON DELETE CASCADE on child tables and deletes their rows. Run rebuilds with PRAGMA foreign_keys=OFF "
        + "(set outside the transaction), inside one transaction, and finish with PRAGMA foreign_key_check. EF Core migrations "
        + "are different: for these operations (AddForeignKey, AlterColumn, DropColumn...) EF Core's SQLite provider does "
        + "the rebuild itself, with foreign keys off, so they are reported as a note: the copy still takes the write lock, "
        + "and what the EF model does not know (triggers, objects created with Sql()) does not survive it.",
        "ALTER TABLE orders ALTER COLUMN total TYPE bigint;",
        "PRAGMA foreign_keys = OFF;\nBEGIN;\nCREATE TABLE orders_new (...);\nINSERT INTO orders_new SELECT ... FROM orders;\nDROP TABLE orders;\n"
        + "ALTER TABLE orders_new RENAME TO orders;\n-- recreate indexes, triggers and views\nPRAGMA foreign_key_check;\nCOMMIT;\nPRAGMA foreign_keys = ON;",
        ["https://www.sqlite.org/lang_altertable.html#otheralter", "https://www.sqlite.org/lang_altertable.html#altertabaddcol", "https://www.sqlite.org/foreignkeys.html"],
        ["sqlite"])
    {
        Applicability = RuleApplicability.Sql(SqlDialect.Sqlite),
    };

    public IEnumerable<Finding> Check(ReplayStep step, MigrationLintContext context)
    {
        switch (step.Statement)
        {
            case AlterTableStatement { EfOperation: { } operation } alter when EfRebuilds.Contains(operation):
                // EF Core's provider does the rebuild itself: the ALTER never runs, the copy does.
                yield return MigrationFacts.Report(
                    this,
                    step,
                    step.Statement.Line,
                    $"EF Core's SQLite provider rebuilds table {MigrationFacts.Display(step, alter.Name)} for {operation}: it copies every row while holding the write lock, and objects the EF model does not know (triggers, anything added with Sql()) are lost.",
                    "On a large table, schedule the migration; recreate any trigger or hand-written object in the same migration after the rebuild.",
                    Severity.Note);
                break;
            case AlterTableStatement alter:
                var table = MigrationFacts.Display(step, alter.Name);
                var before = step.TableBefore(alter.Name);
                foreach (var action in alter.Actions)
                {
                    if ((Unsupported(action) ?? UndroppableColumn(step, before, action)) is { } what)
                    {
                        yield return MigrationFacts.Report(
                            this,
                            step,
                            MigrationFacts.LineOf(step, action),
                            $"SQLite cannot {what} with ALTER TABLE {table}; the statement fails and the change needs a table rebuild.",
                            "Rebuild the table: create the new definition, copy the rows, drop the old table and rename the new one, with PRAGMA foreign_keys=OFF around one transaction.",
                            Severity.Error);
                    }
                }

                break;
            case DropStatement { ObjectKind: "TABLE" } drop:
                foreach (var name in drop.Names.Where(n => step.IsExistingTable(n) && TableRebuilds.IsReplacedLater(step, n)))
                {
                    var foreignKeysOff = ForeignKeysOff(step);
                    var display = MigrationFacts.Display(step, name);
                    var risk = foreignKeysOff
                        ? "it copies every row while holding the write lock"
                        : "it copies every row, and without PRAGMA foreign_keys=OFF first this DROP deletes the rows and fires ON DELETE CASCADE on child tables";
                    yield return MigrationFacts.Report(
                        this,
                        step,
                        step.Statement.Line,
                        $"Table {display} is rebuilt (dropped and replaced by a renamed copy): {risk}.",
                        "Set PRAGMA foreign_keys=OFF before the transaction, do the rebuild in one transaction, run PRAGMA foreign_key_check before COMMIT.",
                        foreignKeysOff ? Severity.Note : null);
                }

                break;
        }
    }

    /// <summary>The migrationBuilder operations EF Core's SQLite provider (5.0 and later) performs as a table rebuild.</summary>
    private static readonly HashSet<string> EfRebuilds = new(StringComparer.Ordinal)
    {
        "AddCheckConstraint", "AddForeignKey", "AddPrimaryKey", "AddUniqueConstraint", "AlterColumn", "DropCheckConstraint",
        "DropColumn", "DropForeignKey", "DropPrimaryKey", "DropUniqueConstraint",
    };

    private static string? Unsupported(AlterTableAction action) => action switch
    {
        AlterColumnTypeAction => "change a column's type",
        AlterColumnNullabilityAction => "change a column's nullability",
        AlterColumnDefaultAction => "change a column's default",
        AlterColumnOtherAction => "alter a column",
        ModifyColumnAction => "redefine a column",
        AddConstraintAction => "add a constraint",
        DropConstraintAction => "drop a constraint",
        AddColumnAction { Column.PrimaryKey: true } => "add a PRIMARY KEY column",
        AddColumnAction { Column.Unique: true } => "add a UNIQUE column",
        AddColumnAction { Column.Default: { } value } when IsNonConstant(value.Text) => "add a column whose default is not a constant",
        _ => null,
    };

    /// <summary>DROP COLUMN fails when the column is part of the primary key, a UNIQUE constraint, an index or a foreign key.</summary>
    private static string? UndroppableColumn(ReplayStep step, SchemaTable? table, AlterTableAction action)
    {
        if (action is not DropColumnAction drop || table is null)
        {
            return null;
        }

        bool Has(IEnumerable<string> columns) => columns.Any(c => step.Naming.ColumnComparer.Equals(c, drop.Column));
        var role = table.PrimaryKey is { } key && Has(key.Columns) ? "the primary key"
            : table.Uniques.Any(u => Has(u.Columns)) ? "a UNIQUE constraint"
            : table.Indexes.Any(i => Has(i.Columns)) ? "an index"
            : table.ForeignKeys.Any(f => Has(f.Columns)) ? "a foreign key"
            : null;
        return role is null ? null : $"drop column {drop.Column}, which is part of {role},";
    }

    private static bool IsNonConstant(string text)
    {
        var trimmed = text.Trim();
        return trimmed.StartsWith('(')
            || trimmed.Equals("CURRENT_TIMESTAMP", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("CURRENT_DATE", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("CURRENT_TIME", StringComparison.OrdinalIgnoreCase);
    }

    private static bool ForeignKeysOff(ReplayStep step)
    {
        var off = false;
        foreach (var statement in MigrationFacts.Earlier(step))
        {
            if (statement is PragmaStatement { Name: var name, Value: { } value } && name.Equals("foreign_keys", StringComparison.OrdinalIgnoreCase))
            {
                off = value.Trim() is "0" or "OFF" or "off" or "false" or "FALSE" or "no" or "NO";
            }
        }

        return off;
    }
}
