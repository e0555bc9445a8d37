using BackendArchitect.Findings;
using BackendArchitect.Sql;

namespace BackendArchitect.Rules.Schema;

/// <summary>SCH006: a PostgreSQL timestamp without time zone column.</summary>
public sealed class TimestampWithoutTimeZone : ISchemaRule
{
    public RuleMetadata Metadata { get; } = new(
        "SCH006",
        "timestamp-without-time-zone",
        "schema",
        Severity.Warning,
        "A PostgreSQL column uses timestamp (without time zone) instead of timestamptz.",
        "timestamp without time zone stores a wall-clock reading with no offset, so the same value means different instants "
            + "depending on the session's TimeZone setting, arithmetic across daylight-saving changes is off by an hour, and "
            + "clients in other zones silently shift it. timestamptz stores an absolute instant (UTC internally) and converts on "
            + "output; it takes the same 8 bytes. Npgsql 6+ also maps DateTime with Kind=Utc only to timestamptz.",
        "CREATE TABLE sessions (\n    id bigint PRIMARY KEY,\n    expires_at timestamp NOT NULL\n);",
        "CREATE TABLE sessions (\n    id bigint PRIMARY KEY,\n    expires_at timestamptz NOT NULL\n);",
        [
            "https://wiki.postgresql.org/wiki/Don%27t_Do_This#Don.27t_use_timestamp_.28without_time_zone.29",
            "https://www.postgresql.org/docs/current/datatype-datetime.html",
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
                if (column.Type.StartsWith("timestamp", StringComparison.Ordinal) && column.Type.Contains("without time zone", StringComparison.Ordinal))
                {
                    yield return SchemaFindings.At(
                        Metadata,
                        context,
                        column.TypeOrigin,
                        $"Column {SchemaFindings.ColumnName(table, column)} is {column.Type}; it records no time zone.",
                        "Use timestamptz (timestamp with time zone).");
                }
            }
        }
    }
}
