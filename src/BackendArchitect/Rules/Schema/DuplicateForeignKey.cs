using BackendArchitect.Findings;
using BackendArchitect.Model;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Schema;

/// <summary>SCH016: a foreign key that repeats another one of the same table (same columns, same referenced table and columns).</summary>
public sealed class DuplicateForeignKey : ISchemaRule
{
    public RuleMetadata Metadata { get; } = new(
        "SCH016",
        "duplicate-foreign-key",
        "schema",
        Severity.Warning,
        "A foreign key repeats another foreign key of the same table: same columns referencing the same table and columns.",
        "Two foreign keys on the same columns pointing at the same key check the same thing twice: every insert and update "
            + "of the child and every delete or key update of the parent runs both checks (and both sets of triggers in "
            + "PostgreSQL), and when their ON DELETE actions differ the outcome depends on which fires first. The second one "
            + "usually comes from a constraint added again under another name (an ORM's generated name beside a hand-written "
            + "one) or from a migration that meant to replace a foreign key and forgot to drop the old one. The rule pairs "
            + "columns with referenced columns, so (a, b) -> (x, y) and (b, a) -> (y, x) are the same key, and reports the "
            + "later definition, where the duplicate was added.",
        "ALTER TABLE order_items ADD CONSTRAINT order_items_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);\n"
            + "ALTER TABLE order_items ADD CONSTRAINT fk_order_items_orders FOREIGN KEY (order_id) REFERENCES orders (id);",
        "ALTER TABLE order_items ADD CONSTRAINT order_items_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);",
        [
            "https://www.postgresql.org/docs/current/ddl-constraints.html#DDL-CONSTRAINTS-FK",
            "https://dev.mysql.com/doc/refman/8.0/en/create-table-foreign-keys.html",
            "https://www.sqlite.org/foreignkeys.html",
        ],
        []);

    public IEnumerable<Finding> Check(SchemaLintContext context)
    {
        var naming = new SchemaNaming(context.Dialect);
        foreach (var table in context.Schema.Tables.Values)
        {
            for (var i = 1; i < table.ForeignKeys.Length; i++)
            {
                var later = table.ForeignKeys[i];
                var earlier = table.ForeignKeys.Take(i).FirstOrDefault(f => Same(f, later, naming));
                if (earlier is null)
                {
                    continue;
                }

                var actions = string.Equals(earlier.OnDelete, later.OnDelete, StringComparison.OrdinalIgnoreCase)
                    ? ""
                    : $" (ON DELETE {earlier.OnDelete ?? "NO ACTION"} vs {later.OnDelete ?? "NO ACTION"})";
                yield return SchemaFindings.At(
                    Metadata,
                    context,
                    later.Origin,
                    $"Foreign key {later.Name} on {SchemaFindings.TableName(table)} ({string.Join(", ", later.Columns)}) -> {later.RefTable} duplicates foreign key {earlier.Name}{actions}.",
                    $"Drop one of them (ALTER TABLE {table.Name} DROP CONSTRAINT {later.Name};).");
            }
        }
    }

    private static bool Same(ForeignKey a, ForeignKey b, SchemaNaming naming)
    {
        if (naming.KeyOf(a.RefTable) != naming.KeyOf(b.RefTable) || a.Columns.Length != b.Columns.Length || a.Columns.IsEmpty
            || a.RefColumns.Length != b.RefColumns.Length)
        {
            return false;
        }

        var comparer = naming.ColumnComparer;
        if (a.RefColumns.IsEmpty)
        {
            return a.Columns.Order(comparer).SequenceEqual(b.Columns.Order(comparer), comparer);
        }

        if (a.RefColumns.Length != a.Columns.Length)
        {
            return false;
        }

        return Pairs(a, comparer).SequenceEqual(Pairs(b, comparer));
    }

    /// <summary>"column=referenced" pairs in a canonical order, so the key's column order does not matter.</summary>
    private static IEnumerable<string> Pairs(ForeignKey key, StringComparer comparer)
    {
        var ordinal = comparer == StringComparer.Ordinal;
        return key.Columns.Zip(key.RefColumns, (c, r) => ordinal ? c + "=" + r : (c + "=" + r).ToLowerInvariant()).Order(StringComparer.Ordinal);
    }
}
