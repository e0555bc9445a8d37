using BackendArchitect.Findings;
using BackendArchitect.Sql;

namespace BackendArchitect.Rules.Schema;

/// <summary>SCH010: a PostgreSQL char(n) column.</summary>
public sealed class FixedLengthChar : ISchemaRule
{
    public RuleMetadata Metadata { get; } = new(
        "SCH010",
        "fixed-length-char",
        "schema",
        Severity.Note,
        "A PostgreSQL column uses char(n) (character(n)).",
        "char(n) pads values with spaces to n characters, and those spaces are ignored in some comparisons and kept in others, "
            + "which surprises applications (LIKE, concatenation, length). It is not faster than text or varchar in PostgreSQL, "
            + "which store all three the same way, and it still accepts values shorter than n, so it does not even enforce a fixed "
            + "length. Use text (or varchar(n) when a maximum matters) with a CHECK constraint for an exact length.",
        "CREATE TABLE countries (\n    code char(2) PRIMARY KEY,\n    name text NOT NULL\n);",
        "CREATE TABLE countries (\n    code text PRIMARY KEY CHECK (length(code) = 2),\n    name text NOT NULL\n);",
        [
            "https://wiki.postgresql.org/wiki/Don%27t_Do_This#Don.27t_use_char.28n.29",
            "https://www.postgresql.org/docs/current/datatype-character.html",
        ],
        ["postgres"])
    {
        Applicability = RuleApplicability.Sql(SqlDialect.PostgreSql),
    };

    public IEnumerable<Finding> Check(SchemaLintContext context)
    {
        foreach (var table in context.Schema.Tables.Values)
        {
            foreach (var column in table.Columns)
            {
                if (column.Type.StartsWith("character(", StringComparison.Ordinal) || column.Type is "character" or "character[]")
                {
                    yield return SchemaFindings.At(
                        Metadata,
                        context,
                        column.TypeOrigin,
                        $"Column {SchemaFindings.ColumnName(table, column)} is {column.Type}; char(n) pads with spaces and is no faster than text.",
                        "Use text or varchar(n), with a CHECK constraint if the length must be exact.");
                }
            }
        }
    }
}
