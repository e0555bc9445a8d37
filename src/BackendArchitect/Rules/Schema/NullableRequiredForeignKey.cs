using BackendArchitect.Findings;
using BackendArchitect.Model;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Schema;

/// <summary>SCH008: a nullable foreign key column on a child table whose relation reads as required.</summary>
public sealed class NullableRequiredForeignKey : ISchemaRule
{
    public RuleMetadata Metadata { get; } = new(
        "SCH008",
        "nullable-required-foreign-key",
        "schema",
        Severity.Note,
        "A foreign key column that names its parent (order_id on order_items) allows NULL although the child cannot exist without the parent.",
        "A NULL in a foreign key column skips the reference check entirely, so a nullable order_id lets an order line exist "
            + "without an order: orphans that joins silently drop and reports miscount. When the relation is required the column "
            + "should be NOT NULL. The rule is deliberately conservative and reports only when all hold: a single-column foreign "
            + "key, nullable, named <parent>_id after the singular of the table it references (order_id -> orders), not a "
            + "self-reference, no ON DELETE SET NULL (which declares the relation optional); and the child is owned by the parent: "
            + "the child table's name starts with the parent's singular (order_items, invoice_lines) or the foreign key cascades "
            + "deletes. Role names such as parent_id, manager_id or replaced_by_id never match the parent's name, so they are not reported. "
            + "The finding points at the statement that made the column nullable (its definition, or a later DROP NOT NULL). "
            + "EF Core migrations get the same name-based reading and no more: EF generates a column's nullability from the "
            + "model (a required navigation or a non-nullable foreign key property gives NOT NULL), so a nullable foreign key "
            + "column in EF migrations is what the model declares, and a model that says otherwise is snapshot drift, not this rule's finding.",
        "CREATE TABLE order_items (\n    id bigint PRIMARY KEY,\n    order_id bigint REFERENCES orders (id)\n);",
        "CREATE TABLE order_items (\n    id bigint PRIMARY KEY,\n    order_id bigint NOT NULL REFERENCES orders (id)\n);",
        [
            "https://www.postgresql.org/docs/current/ddl-constraints.html#DDL-CONSTRAINTS-FK",
            "https://www.postgresql.org/docs/current/ddl-constraints.html#DDL-CONSTRAINTS-NOT-NULL",
            "https://dev.mysql.com/doc/refman/8.0/en/create-table-foreign-keys.html",
            "https://www.sqlite.org/foreignkeys.html",
        ],
        []);

    public IEnumerable<Finding> Check(SchemaLintContext context)
    {
        var naming = new SchemaNaming(context.Dialect);
        foreach (var table in context.Schema.Tables.Values)
        {
            foreach (var foreignKey in table.ForeignKeys)
            {
                if (foreignKey.Columns.Length != 1 || table.FindColumn(foreignKey.Columns[0], naming.ColumnComparer) is not { Nullable: true } column)
                {
                    continue;
                }

                if (ReadsRequired(table, foreignKey, column, naming))
                {
                    yield return SchemaFindings.At(
                        Metadata,
                        context,
                        column.NullabilityOrigin,
                        $"Column {SchemaFindings.ColumnName(table, column)} references its parent {foreignKey.RefTable} but allows NULL.",
                        $"Declare {column.Name} NOT NULL (or ON DELETE SET NULL if the relation really is optional).");
                }
            }
        }
    }

    private static bool ReadsRequired(SchemaTable table, ForeignKey foreignKey, Column column, SchemaNaming naming)
    {
        if (naming.KeyOf(foreignKey.RefTable) == naming.KeyOf(table.Name)
            || string.Equals(foreignKey.OnDelete, "SET NULL", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var words = IdentifierWords.Of(column.Name);
        if (words.Count < 2 || words[^1] != "id")
        {
            return false;
        }

        var stem = string.Join("_", words.Take(words.Count - 1));
        var parentWords = IdentifierWords.Of(IdentifierWords.BareTable(foreignKey.RefTable));
        if (parentWords.Count == 0)
        {
            return false;
        }

        var parentSingular = string.Join("_", parentWords.Take(parentWords.Count - 1).Append(IdentifierWords.Singular(parentWords[^1])));
        if (stem != parentSingular)
        {
            return false;
        }

        var childName = string.Join("_", IdentifierWords.Of(IdentifierWords.BareTable(table.Name)));
        var ownedByName = childName.StartsWith(parentSingular + "_", StringComparison.Ordinal);
        var cascades = string.Equals(foreignKey.OnDelete, "CASCADE", StringComparison.OrdinalIgnoreCase);
        return ownedByName || cascades;
    }
}
