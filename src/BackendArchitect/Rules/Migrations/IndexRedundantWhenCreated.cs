using System.Collections.Immutable;
using BackendArchitect.Findings;
using BackendArchitect.Rules.Schema;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Migrations;

/// <summary>
/// MIG016: CREATE INDEX that repeats, or is a leading prefix of, a key the table already has at that moment;
/// reported where it is created, also when a later migration drops it again.
/// </summary>
public sealed class IndexRedundantWhenCreated : IDeferringRule
{
    public RuleMetadata Metadata { get; } = new(
        "MIG016",
        "index-redundant-when-created",
        "migration",
        Severity.Warning,
        "CREATE INDEX (or ALTER TABLE ADD INDEX / ADD UNIQUE) builds an index that an existing index, primary key or unique constraint of the table already provides.",
        "Building an index scans and sorts the whole table and, without CONCURRENTLY, blocks writes while it does; an index "
            + "that repeats an existing key (same columns, uniqueness, method, predicate and included columns) or whose columns "
            + "are a leading prefix of an existing index (a non-unique (a) beside (a, b), or beside a unique key on (a)) pays that "
            + "cost for nothing and then slows every write until someone drops it. The comparison is the one SCH003 and SCH004 "
            + "make on the final schema, made against the schema as it is when the index is created, so the finding stays on the "
            + "CREATE INDEX even when a later migration drops the index again (the build, the lock and the deploy already "
            + "happened, and the next reader of the history should know the index was never needed). Each index is reported "
            + "once: when it is still redundant in the final schema, SCH003 or SCH004 reports it at the same line and this rule "
            + "stays silent, so the finding is the same whether the schema comes from migrations or a live database; this rule "
            + "adds the indexes that were redundant when built and are gone or no longer redundant at the end. An index that "
            + "replaces another within the same migration (the old one, or the new one, is dropped later in that migration, as "
            + "in a concurrent rebuild) is not reported.",
        "CREATE INDEX orders_customer_created_idx ON orders (customer_id, created_at);\n"
            + "-- a later migration:\nCREATE INDEX orders_customer_idx ON orders (customer_id);",
        "CREATE INDEX orders_customer_created_idx ON orders (customer_id, created_at);\n"
            + "-- (customer_id) lookups already use orders_customer_created_idx",
        [
            "https://www.postgresql.org/docs/current/indexes-multicolumn.html",
            "https://www.postgresql.org/docs/current/sql-createindex.html",
            "https://dev.mysql.com/doc/refman/8.0/en/multiple-column-indexes.html",
        ],
        []);

    /// <summary>SCH003 and SCH004 say the same, at the same line, about an index still redundant in the final schema.</summary>
    public ImmutableArray<string> DefersTo { get; } = ["SCH003", "SCH004"];

    public IEnumerable<Finding> Check(ReplayStep step, MigrationLintContext context)
    {
        var (tableName, created) = Created(step);
        if (tableName is null || step.TableBefore(tableName) is not { } table)
        {
            yield break;
        }

        var comparer = step.Naming.ColumnComparer;
        var existing = IndexKey.Of(table);
        foreach (var (key, what, line) in created)
        {
            // CREATE INDEX IF NOT EXISTS on a name the table already has changes nothing.
            if (key.Columns.IsEmpty || (key.Name is not null && existing.Any(k => comparer.Equals(k.Name, key.Name))))
            {
                continue;
            }

            var duplicate = existing.FirstOrDefault(k => k.SameAs(key, comparer));
            var wider = duplicate is null && key.CanBeRedundant ? existing.FirstOrDefault(k => k.Serves(key, comparer)) : null;
            var partner = duplicate ?? wider;
            if (partner is null || ReplacedInThisMigration(step, tableName, key, partner, comparer))
            {
                continue;
            }

            var display = MigrationFacts.Display(step, tableName);
            var columns = string.Join(", ", key.Columns);
            var message = duplicate is not null
                ? $"{what} on {display} ({columns}) duplicates the existing {partner.Describe}."
                : $"{what} on {display} ({columns}) is redundant with the existing {partner.Describe} ({string.Join(", ", partner.Columns)}).";
            yield return MigrationFacts.Report(this, step, line, message, "Do not create it; the existing key serves the same lookups.");
        }
    }

    /// <summary>The table and the keys the statement creates, each with how to name it in a message and its line.</summary>
    private static (QualifiedName? Table, IReadOnlyList<(IndexKey Key, string What, int Line)> Keys) Created(ReplayStep step)
    {
        switch (step.Statement)
        {
            case CreateIndexStatement index:
                var what = (index.Unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX") + Named(index.Name);
                return (index.Table, [(NewKey(index), what, step.Statement.Line)]);
            case AlterTableStatement alter:
                return (alter.Name, [.. alter.Actions.OfType<AddConstraintAction>().Select(a => NewKey(step, a)).OfType<(IndexKey, string, int)>()]);
            default:
                return (null, []);
        }
    }

    private static string Named(string? name) => name is null ? "" : " " + name;

    private static IndexKey NewKey(CreateIndexStatement index)
    {
        var method = index.Method is null || index.Method.Equals("btree", StringComparison.OrdinalIgnoreCase) ? null : index.Method.ToLowerInvariant();
        ImmutableArray<string> columns = [.. index.Elements.Select(e => e.Column is null ? e.Text : e.Descending ? e.Column + " DESC" : e.Column)];
        return new IndexKey((index.Unique ? "unique index " : "index ") + index.Name, columns, index.Unique, method, index.Where, index.Include, true, null, index.Name);
    }

    /// <summary>ALTER TABLE ADD INDEX / ADD UNIQUE, at the line the replayer records as the key's origin.</summary>
    private static (IndexKey, string, int)? NewKey(ReplayStep step, AddConstraintAction action)
    {
        var constraint = action.Constraint;
        var line = constraint.Line > 0 ? constraint.Line : MigrationFacts.LineOf(step, action);
        return constraint.Kind switch
        {
            ConstraintKind.Index => (new IndexKey("index " + constraint.Name, constraint.Columns, false, null, null, [], true, null, constraint.Name), "ADD INDEX" + Named(constraint.Name), line),
            ConstraintKind.Unique => (new IndexKey("unique constraint " + constraint.Name, constraint.Columns, true, null, null, [], false, null, constraint.Name), "ADD UNIQUE" + Named(constraint.Name), line),
            _ => null,
        };
    }

    /// <summary>True when the same migration later drops the new key, the existing one or the table: a swap, not a redundancy.</summary>
    private static bool ReplacedInThisMigration(ReplayStep step, QualifiedName table, IndexKey created, IndexKey partner, StringComparer comparer)
    {
        bool Named(string? name) => name is not null && (comparer.Equals(name, created.Name) || comparer.Equals(name, partner.Name));
        var tableKey = step.Naming.KeyOf(table);
        foreach (var statement in MigrationFacts.Later(step))
        {
            var replaced = statement switch
            {
                DropStatement { ObjectKind: "INDEX" } drop => drop.Names.Any(n => Named(n.Name)),
                DropStatement { ObjectKind: "TABLE" } drop => drop.Names.Any(n => step.Naming.KeyOf(n) == tableKey),
                AlterTableStatement alter when step.Naming.KeyOf(alter.Name) == tableKey => alter.Actions.OfType<DropConstraintAction>()
                    .Any(d => Named(d.Name) || (d.Kind == ConstraintKind.PrimaryKey && partner.Describe == "primary key")),
                _ => false,
            };
            if (replaced)
            {
                return true;
            }
        }

        return false;
    }
}
