using BackendArchitect.Model;

namespace BackendArchitect.Reports.Schema;

/// <summary>What the schema outputs show about a column or a relationship, computed one way for all formats.</summary>
public static class SchemaFacts
{
    /// <summary>Key markers of a column: PK, FK, UK (unique constraint or unique index on that column alone).</summary>
    public static IReadOnlyList<string> Keys(SchemaTable table, Column column)
    {
        var keys = new List<string>();
        bool Is(string name) => string.Equals(name, column.Name, StringComparison.OrdinalIgnoreCase);
        if (table.PrimaryKey is { } key && key.Columns.Any(Is))
        {
            keys.Add("PK");
        }

        if (table.ForeignKeys.Any(f => f.Columns.Any(Is)))
        {
            keys.Add("FK");
        }

        if (table.Uniques.Any(u => u.Columns is [var only] && Is(only)) || table.Indexes.Any(i => i.Unique && i.Where is null && i.Columns is [var single] && Is(single)))
        {
            keys.Add("UK");
        }

        return keys;
    }

    /// <summary>True when a foreign key's columns are themselves unique in their table, so at most one child row per parent.</summary>
    public static bool IsOneToOne(SchemaTable table, ForeignKey foreignKey)
    {
        bool Same(IEnumerable<string> columns) => columns.Order(StringComparer.OrdinalIgnoreCase)
            .SequenceEqual(foreignKey.Columns.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        return (table.PrimaryKey is { } key && Same(key.Columns))
            || table.Uniques.Any(u => Same(u.Columns))
            || table.Indexes.Any(i => i.Unique && i.Where is null && Same(i.Columns));
    }

    /// <summary>True when every foreign key column is NOT NULL, so each child row has a parent.</summary>
    public static bool IsRequired(SchemaTable table, ForeignKey foreignKey) =>
        foreignKey.Columns.All(c => table.FindColumn(c, StringComparer.OrdinalIgnoreCase) is { Nullable: false });

    /// <summary>The table a foreign key points at, matched by name as the schema keys it (case-insensitively as a fallback).</summary>
    public static SchemaTable? Target(Model.Schema schema, ForeignKey foreignKey) =>
        schema.Tables.GetValueOrDefault(foreignKey.RefTable)
        ?? schema.Tables.Values.FirstOrDefault(t => string.Equals(t.Name, foreignKey.RefTable, StringComparison.OrdinalIgnoreCase));

    public static string Counts(Model.Schema schema) =>
        $"{schema.Tables.Count} tables, {schema.Tables.Values.Sum(t => t.ForeignKeys.Length)} foreign keys, "
        + $"{schema.Tables.Values.Sum(t => t.Indexes.Length)} indexes, {schema.Enums.Count} enums, {schema.Sequences.Count} sequences, {schema.Views.Count} views";
}
