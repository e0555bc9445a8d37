using BackendArchitect.Findings;
using BackendArchitect.Model;

namespace BackendArchitect.Rules.Schema;

/// <summary>SCH005: a money-like column stored as a binary floating-point number.</summary>
public sealed class FloatingPointMoney : ISchemaRule
{
    private static readonly HashSet<string> MoneyWords = new(StringComparer.Ordinal)
    {
        "price", "amount", "total", "subtotal", "cost", "balance", "fee", "fees", "salary", "wage", "tax", "discount", "revenue", "payout", "refund",
    };

    /// <summary>Words that make a name a measurement rather than money (total_weight, amount_ratio).</summary>
    private static readonly HashSet<string> MeasureWords = new(StringComparer.Ordinal)
    {
        "weight", "distance", "score", "rating", "ratio", "percent", "percentage", "pct", "rate", "count", "quantity", "qty",
        "hours", "minutes", "seconds", "duration", "size", "bytes", "lat", "latitude", "lng", "lon", "longitude", "temperature", "volume",
    };

    public RuleMetadata Metadata { get; } = new(
        "SCH005",
        "floating-point-money",
        "schema",
        Severity.Warning,
        "A money-like column (price, amount, total, cost, balance, fee, salary...) has a floating-point type.",
        "real, double precision and float store binary fractions: 0.1 has no exact representation, so sums drift by fractions "
            + "of a cent, equal-looking amounts compare unequal and rounding differs between the database and the application. "
            + "Money needs exact arithmetic: numeric/decimal with a fixed scale, or an integer count of the smallest unit "
            + "(amount_cents bigint). The rule reads the column name word by word; names that also say what is measured "
            + "(total_weight, fee_rate) are left alone.",
        "CREATE TABLE invoices (\n    id bigint PRIMARY KEY,\n    total double precision NOT NULL\n);",
        "CREATE TABLE invoices (\n    id bigint PRIMARY KEY,\n    total numeric(12, 2) NOT NULL\n);",
        [
            "https://www.postgresql.org/docs/current/datatype-numeric.html#DATATYPE-FLOAT",
            "https://dev.mysql.com/doc/refman/8.0/en/problems-with-float.html",
            "https://dev.mysql.com/doc/refman/8.0/en/fixed-point-types.html",
            "https://www.sqlite.org/floatingpoint.html",
        ],
        []);

    public IEnumerable<Finding> Check(SchemaLintContext context)
    {
        foreach (var table in context.Schema.Tables.Values)
        {
            foreach (var column in table.Columns)
            {
                if (IsFloat(column) && IsMoneyName(column.Name))
                {
                    yield return SchemaFindings.At(
                        Metadata,
                        context,
                        column.TypeOrigin,
                        $"Column {SchemaFindings.ColumnName(table, column)} looks like money but has the floating-point type {column.Type}.",
                        "Use numeric(p, s) / decimal(p, s), or an integer amount of the smallest currency unit.");
                }
            }
        }
    }

    private static bool IsFloat(Column column)
    {
        var type = column.Type.ToLowerInvariant();
        var name = type.Split('(', ' ')[0];
        return type.StartsWith("double precision", StringComparison.Ordinal) || name is "real" or "float" or "float4" or "float8" or "double";
    }

    private static bool IsMoneyName(string name)
    {
        var words = IdentifierWords.Of(name);
        return words.Any(MoneyWords.Contains) && !words.Any(MeasureWords.Contains);
    }
}
