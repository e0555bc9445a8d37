using BackendArchitect.Findings;
using BackendArchitect.Model;

namespace BackendArchitect.Rules.Schema;

/// <summary>Builds schema-rule findings at the object's origin; a schema read from a live database has none, so they fall back to the context's file.</summary>
public static class SchemaFindings
{
    public static Finding At(RuleMetadata rule, SchemaLintContext context, SourceLocation? origin, string message, string? fix = null) =>
        new(rule.Code, rule.DefaultSeverity, message, origin?.File ?? context.File, origin?.Line ?? 1, 1, fix);

    /// <summary>A table for messages: "orders", or "orders (created as order_items)" when a later statement renamed it.</summary>
    public static string TableName(SchemaTable table) =>
        table.CreatedAs is null ? table.Name : $"{table.Name} (created as {table.CreatedAs})";

    /// <summary>
    /// A column for messages: "orders.total", or "orders.total (created as order_items.amount)" when a later statement
    /// renamed its table or the column itself.
    /// </summary>
    public static string ColumnName(SchemaTable table, Column column) =>
        table.CreatedAs is null && column.CreatedAs is null
            ? $"{table.Name}.{column.Name}"
            : $"{table.Name}.{column.Name} (created as {table.CreatedAs ?? table.Name}.{column.CreatedAs ?? column.Name})";
}
