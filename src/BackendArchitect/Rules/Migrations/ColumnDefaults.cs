using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Migrations;

/// <summary>How a new column gets its values for existing rows: a real default, an identity, a sequence or a generated expression.</summary>
internal static class ColumnDefaults
{
    /// <summary>True when the column gives existing rows a non-null value.</summary>
    public static bool HasValue(ColumnDefinition column) =>
        HasNonNullDefault(column) || column.Identity is not null || column.GeneratedExpression is not null
        || (column.Type is { } type && TypeNormalizer.IsSerial(type));

    public static bool HasNonNullDefault(ColumnDefinition column) =>
        column.Default is { } value && !IsNullLiteral(value.Text);

    /// <summary>True for identity, serial and generated columns, whose values PostgreSQL computes row by row.</summary>
    public static bool IsComputedPerRow(ColumnDefinition column) =>
        column.Identity is not null || column.GeneratedExpression is not null || (column.Type is { } type && TypeNormalizer.IsSerial(type));

    private static bool IsNullLiteral(string text)
    {
        var trimmed = text.Trim().TrimStart('(').TrimEnd(')').Trim();
        return trimmed.Equals("NULL", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("NULL::", StringComparison.OrdinalIgnoreCase);
    }
}
