using BackendArchitect.Findings;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Schema;

/// <summary>SCH004: a plain index that a longer index, the primary key or a unique key already serves.</summary>
public sealed class RedundantIndex : ISchemaRule
{
    public RuleMetadata Metadata { get; } = new(
        "SCH004",
        "redundant-index",
        "schema",
        Severity.Warning,
        "A non-unique index is a leading prefix of another index, or sits beside a unique index on the same columns.",
        "A b-tree index on (a, b) serves every lookup and range scan on a alone, so a separate non-unique index on (a) "
            + "only adds write cost and space. Likewise a plain index beside a primary key or unique constraint on the same "
            + "columns adds nothing. The rule only compares indexes of the same method, without predicates (WHERE) or "
            + "included columns, and never calls a unique index redundant, because it enforces a constraint. An exact duplicate "
            + "of an earlier index is SCH003's finding, not this one's.",
        "CREATE INDEX orders_customer_idx ON orders (customer_id);\nCREATE INDEX orders_customer_created_idx ON orders (customer_id, created_at);",
        "CREATE INDEX orders_customer_created_idx ON orders (customer_id, created_at);",
        [
            "https://www.postgresql.org/docs/current/indexes-multicolumn.html",
            "https://dev.mysql.com/doc/refman/8.0/en/multiple-column-indexes.html",
            "https://www.sqlite.org/queryplanner.html#_multi_column_indices",
        ],
        []);

    public IEnumerable<Finding> Check(SchemaLintContext context)
    {
        var comparer = new SchemaNaming(context.Dialect).ColumnComparer;
        foreach (var table in context.Schema.Tables.Values)
        {
            var keys = IndexKey.Of(table);
            for (var i = 0; i < keys.Count; i++)
            {
                var candidate = keys[i];
                if (keys.Take(i).Any(k => k.SameAs(candidate, comparer)) || !candidate.CanBeRedundant)
                {
                    continue;
                }

                var wider = keys.FirstOrDefault(k => !ReferenceEquals(k, candidate) && k.Serves(candidate, comparer));
                if (wider is null)
                {
                    continue;
                }

                yield return SchemaFindings.At(
                    Metadata,
                    context,
                    candidate.Origin,
                    $"The {candidate.Describe} on {SchemaFindings.TableName(table)} ({string.Join(", ", candidate.Columns)}) is redundant with the {wider.Describe} ({string.Join(", ", wider.Columns)}).",
                    "Drop the redundant index; the other one serves the same lookups.");
            }
        }
    }
}
