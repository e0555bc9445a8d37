using BackendArchitect.Findings;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Schema;

/// <summary>SCH003: two indexes (or an index and a key constraint) on the same columns with the same options.</summary>
public sealed class DuplicateIndex : ISchemaRule
{
    public RuleMetadata Metadata { get; } = new(
        "SCH003",
        "duplicate-index",
        "schema",
        Severity.Warning,
        "An index repeats another index, primary key or unique constraint on the same columns.",
        "Two indexes with the same columns in the same order, the same uniqueness, method, predicate and included columns "
            + "answer exactly the same queries. The second one only costs: every INSERT, UPDATE and DELETE maintains both, "
            + "they take disk and cache space, and vacuum and backups grow. A primary key or unique constraint already builds "
            + "a unique index, so a unique index on the same columns duplicates it too.",
        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL UNIQUE);\nCREATE UNIQUE INDEX users_email_idx ON users (email);",
        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL UNIQUE);",
        [
            "https://www.postgresql.org/docs/current/indexes-unique.html",
            "https://www.postgresql.org/docs/current/indexes-intro.html",
            "https://dev.mysql.com/doc/refman/8.0/en/optimization-indexes.html",
        ],
        []);

    public IEnumerable<Finding> Check(SchemaLintContext context)
    {
        var comparer = new SchemaNaming(context.Dialect).ColumnComparer;
        foreach (var table in context.Schema.Tables.Values)
        {
            var keys = IndexKey.Of(table);
            for (var i = 1; i < keys.Count; i++)
            {
                var later = keys[i];
                var earlier = keys.Take(i).FirstOrDefault(k => k.SameAs(later, comparer));
                if (earlier is null)
                {
                    continue;
                }

                yield return SchemaFindings.At(
                    Metadata,
                    context,
                    later.Origin,
                    $"The {later.Describe} on {SchemaFindings.TableName(table)} ({string.Join(", ", later.Columns)}) duplicates the {earlier.Describe}.",
                    later.IsPlainIndex ? "Drop the duplicate index." : "Drop the duplicate constraint.");
            }
        }
    }
}
