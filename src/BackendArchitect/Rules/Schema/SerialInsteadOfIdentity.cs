using BackendArchitect.Findings;
using BackendArchitect.Model;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Schema;

/// <summary>SCH015: a PostgreSQL 10+ column numbered by a sequence default (serial) where an identity column is the standard form.</summary>
public sealed class SerialInsteadOfIdentity : ISchemaRule
{
    /// <summary>The first PostgreSQL major version with GENERATED ... AS IDENTITY.</summary>
    private const int IdentitySince = 10;

    public RuleMetadata Metadata { get; } = new(
        "SCH015",
        "serial-instead-of-identity",
        "schema",
        Severity.Note,
        "A PostgreSQL 10+ column is numbered by serial/bigserial (or a primary key by a nextval default) instead of an identity column.",
        "serial is shorthand for an integer column with DEFAULT nextval() on a sequence it owns. The sequence is a separate object: "
            + "it needs its own grants (INSERT works only with USAGE on it), CREATE TABLE ... LIKE copies the default but still "
            + "points at the old table's sequence, and nothing stops an insert with an explicit value from colliding with values "
            + "the sequence hands out later. Identity columns (GENERATED ALWAYS | BY DEFAULT AS IDENTITY, PostgreSQL 10+, SQL "
            + "standard) keep the sequence as part of the column: grants, LIKE and dumps follow it, and GENERATED ALWAYS rejects "
            + "explicit values unless the insert says OVERRIDING SYSTEM VALUE. The rule reports serial, bigserial and smallserial "
            + "columns (a nextval default on the column's own <table>_<column>_seq) and any single-column primary key whose "
            + "default is nextval(), at the statement that gave the column its type; it looks at the final schema, so a column "
            + "a later migration converted to identity is not reported. It is silent for --pg-version below 10 and for other "
            + "dialects (MySQL AUTO_INCREMENT and SQLite INTEGER PRIMARY KEY have no identity alternative to prefer). A "
            + "narrow serial key on an ever-growing table is also SCH009's finding: that one is about the width, this one about "
            + "the sequence.",
        "CREATE TABLE orders (\n    id bigserial PRIMARY KEY,\n    placed_at timestamptz NOT NULL\n);",
        "CREATE TABLE orders (\n    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n    placed_at timestamptz NOT NULL\n);\n"
            + "-- an existing serial column, in a migration:\n"
            + "-- ALTER TABLE t ALTER COLUMN id DROP DEFAULT; DROP SEQUENCE t_id_seq;\n"
            + "-- ALTER TABLE t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (START WITH <max(id) + 1>);",
        [
            "https://www.postgresql.org/docs/current/sql-createtable.html#SQL-CREATETABLE-PARMS-GENERATED-IDENTITY",
            "https://www.postgresql.org/docs/current/datatype-numeric.html#DATATYPE-SERIAL",
            "https://wiki.postgresql.org/wiki/Don%27t_Do_This#Don.27t_use_serial",
        ],
        ["postgres"])
    {
        Applicability = RuleApplicability.Sql(SqlDialect.PostgreSql),
    };

    public IEnumerable<Finding> Check(SchemaLintContext context)
    {
        if (context.Options.PostgresVersion < IdentitySince)
        {
            yield break;
        }

        var comparer = new SchemaNaming(context.Dialect).ColumnComparer;
        foreach (var table in context.Schema.Tables.Values)
        {
            var soleKey = table.PrimaryKey is { Columns.Length: 1 } key ? key.Columns[0] : null;
            foreach (var column in table.Columns)
            {
                if (column.Identity is not null || !IsInteger(column.Type) || column.Default is not { } @default
                    || !@default.TrimStart().StartsWith("nextval(", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var serial = OwnsSequence(@default, column.Name);
                if (!serial && !comparer.Equals(soleKey, column.Name))
                {
                    continue;
                }

                var what = serial ? "is serial (a nextval default on its own sequence)" : "is a primary key numbered by a nextval default";
                yield return SchemaFindings.At(
                    Metadata,
                    context,
                    column.TypeOrigin,
                    $"Column {SchemaFindings.ColumnName(table, column)} {what}; PostgreSQL {IdentitySince}+ has identity columns for this.",
                    $"Declare it {column.Type} GENERATED ALWAYS AS IDENTITY (or BY DEFAULT when code inserts explicit values).");
            }
        }
    }

    private static bool IsInteger(string type) => type is "smallint" or "integer" or "bigint";

    /// <summary>serial's sequence is named &lt;table&gt;_&lt;column&gt;_seq (schema-qualified in dumps).</summary>
    private static bool OwnsSequence(string @default, string column) =>
        @default.Contains("_" + column + "_seq'", StringComparison.OrdinalIgnoreCase);
}
