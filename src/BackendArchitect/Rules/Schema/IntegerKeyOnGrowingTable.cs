using BackendArchitect.Findings;
using BackendArchitect.Model;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Schema;

/// <summary>SCH009: a 32-bit (or smaller) integer primary key on a table whose name says it only grows.</summary>
public sealed class IntegerKeyOnGrowingTable : ISchemaRule
{
    /// <summary>Last words of table names that hold an ever-growing stream of rows (events, audit_log, order_items...).</summary>
    private static readonly HashSet<string> GrowingWords = new(StringComparer.Ordinal)
    {
        "event", "events", "log", "logs", "audit", "audits", "history", "histories", "message", "messages", "notification",
        "notifications", "comment", "comments", "order", "orders", "payment", "payments", "transaction", "transactions",
        "session", "sessions", "click", "clicks", "visit", "visits", "pageview", "pageviews", "metric", "metrics",
        "measurement", "measurements", "reading", "readings", "activity", "activities", "delivery", "deliveries",
        "email", "emails", "request", "requests", "attempt", "attempts", "outbox", "inbox", "entry", "entries",
    };

    /// <summary>Words that grow only as the line items of something else: order_items, invoice_lines.</summary>
    private static readonly HashSet<string> LineWords = new(StringComparer.Ordinal) { "item", "items", "line", "lines" };

    public RuleMetadata Metadata { get; } = new(
        "SCH009",
        "integer-key-on-growing-table",
        "schema",
        Severity.Note,
        "A table that reads as ever-growing (events, logs, audit, orders, messages, line items...) has an int/serial primary key.",
        "A 32-bit key tops out at 2,147,483,647 (4,294,967,295 unsigned in MySQL). Event, log, message and order tables reach "
            + "that sooner than expected, sequences also burn values on rolled-back inserts, and then every insert fails. "
            + "Widening the key later rewrites the table and every referencing foreign key under an exclusive lock. bigint costs "
            + "four more bytes per row; in PostgreSQL prefer bigint GENERATED ALWAYS AS IDENTITY over serial. The rule reads the "
            + "table name: its last word must name a stream of rows (events, audit_log, messages, orders, payments, sessions...), "
            + "or be items/lines after another word (order_items, invoice_lines). SQLite is skipped: its INTEGER PRIMARY KEY is already 64-bit.",
        "CREATE TABLE audit_events (\n    id serial PRIMARY KEY,\n    payload jsonb NOT NULL\n);",
        "CREATE TABLE audit_events (\n    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n    payload jsonb NOT NULL\n);",
        [
            "https://wiki.postgresql.org/wiki/Don%27t_Do_This#Don.27t_use_serial",
            "https://www.postgresql.org/docs/current/datatype-numeric.html#DATATYPE-INT",
            "https://dev.mysql.com/doc/refman/8.0/en/integer-types.html",
            "https://dev.mysql.com/doc/refman/8.0/en/example-auto-increment.html",
        ],
        ["postgres", "mysql"])
    {
        Applicability = RuleApplicability.Sql(SqlDialect.PostgreSql, SqlDialect.MySql),
    };

    public IEnumerable<Finding> Check(SchemaLintContext context)
    {
        var comparer = new SchemaNaming(context.Dialect).ColumnComparer;
        foreach (var table in context.Schema.Tables.Values)
        {
            if (table.PrimaryKey is not { Columns.Length: 1 } key || table.FindColumn(key.Columns[0], comparer) is not { } column)
            {
                continue;
            }

            if (IsNarrowInteger(column, context.Dialect) && ReadsAsGrowing(table.Name))
            {
                yield return SchemaFindings.At(
                    Metadata,
                    context,
                    column.TypeOrigin,
                    $"Primary key {SchemaFindings.ColumnName(table, column)} is {column.Type} on a table that keeps growing.",
                    context.Dialect == SqlDialect.PostgreSql ? "Use bigint GENERATED ALWAYS AS IDENTITY (or bigserial)." : "Use BIGINT (UNSIGNED) AUTO_INCREMENT.");
            }
        }
    }

    private static bool IsNarrowInteger(Column column, SqlDialect dialect)
    {
        var first = column.Type.Split(' ', '(')[0].ToLowerInvariant();
        return dialect == SqlDialect.PostgreSql
            ? first is "integer" or "smallint"
            : first is "int" or "integer" or "mediumint" or "smallint" or "tinyint";
    }

    private static bool ReadsAsGrowing(string tableName)
    {
        var words = IdentifierWords.Of(IdentifierWords.BareTable(tableName));
        if (words.Count == 0)
        {
            return false;
        }

        return GrowingWords.Contains(words[^1]) || (words.Count > 1 && LineWords.Contains(words[^1]));
    }
}
