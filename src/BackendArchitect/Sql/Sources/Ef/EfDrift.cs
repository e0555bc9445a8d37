using System.Collections.Immutable;
using BackendArchitect.Model;

namespace BackendArchitect.Sql.Sources.Ef;

/// <summary>One way the schema the migrations build differs from the model snapshot.</summary>
/// <param name="Kind">missing-table, extra-table, missing-column, extra-column, column-type, column-nullability, missing-index, extra-index, missing-foreign-key, extra-foreign-key.</param>
public sealed record DriftDifference(string Kind, string Table, string? Item, string Message);

/// <summary>Compares the schema replayed from EF migrations with the one the model snapshot describes.</summary>
public static class EfDrift
{
    public static ImmutableArray<DriftDifference> Compare(Schema replayed, Schema snapshot)
    {
        var differences = new List<DriftDifference>();
        foreach (var (key, table) in snapshot.Tables)
        {
            if (!replayed.Tables.TryGetValue(key, out var built))
            {
                differences.Add(new("missing-table", table.Name, null, $"table {table.Name} is in the model snapshot but no migration creates it"));
                continue;
            }

            CompareTable(built, table, differences);
        }

        foreach (var (key, table) in replayed.Tables)
        {
            if (!snapshot.Tables.ContainsKey(key) && !table.Name.Equals("__EFMigrationsHistory", StringComparison.OrdinalIgnoreCase))
            {
                differences.Add(new("extra-table", table.Name, null, $"table {table.Name} is created by the migrations but is not in the model snapshot"));
            }
        }

        return [.. differences.OrderBy(d => d.Table, StringComparer.Ordinal).ThenBy(d => d.Kind, StringComparer.Ordinal).ThenBy(d => d.Item, StringComparer.Ordinal)];
    }

    private static void CompareTable(SchemaTable built, SchemaTable model, List<DriftDifference> differences)
    {
        var comparer = StringComparer.OrdinalIgnoreCase;
        foreach (var column in model.Columns)
        {
            var match = built.FindColumn(column.Name, comparer);
            if (match is null)
            {
                differences.Add(new("missing-column", model.Name, column.Name, $"column {model.Name}.{column.Name} is in the model snapshot but the migrations never add it"));
                continue;
            }

            if (!comparer.Equals(match.Type, column.Type))
            {
                differences.Add(new("column-type", model.Name, column.Name, $"column {model.Name}.{column.Name} is {match.Type} after the migrations but {column.Type} in the model snapshot"));
            }

            if (match.Nullable != column.Nullable)
            {
                var what = column.Nullable ? "nullable" : "NOT NULL";
                differences.Add(new("column-nullability", model.Name, column.Name, $"column {model.Name}.{column.Name} is {what} in the model snapshot but not after the migrations"));
            }
        }

        foreach (var column in built.Columns.Where(c => model.FindColumn(c.Name, comparer) is null))
        {
            differences.Add(new("extra-column", model.Name, column.Name, $"column {model.Name}.{column.Name} is added by the migrations but is not in the model snapshot"));
        }

        var builtIndexes = built.Indexes.Select(i => i.Name ?? "").ToHashSet(comparer);
        var modelIndexes = model.Indexes.Select(i => i.Name ?? "").ToHashSet(comparer);
        foreach (var name in modelIndexes.Where(n => !builtIndexes.Contains(n)).Order(StringComparer.Ordinal))
        {
            differences.Add(new("missing-index", model.Name, name, $"index {name} on {model.Name} is in the model snapshot but no migration creates it"));
        }

        foreach (var name in builtIndexes.Where(n => !modelIndexes.Contains(n)).Order(StringComparer.Ordinal))
        {
            differences.Add(new("extra-index", model.Name, name, $"index {name} on {model.Name} is created by the migrations but is not in the model snapshot"));
        }

        var builtKeys = built.ForeignKeys.Select(KeyOf).ToHashSet(comparer);
        var modelKeys = model.ForeignKeys.Select(KeyOf).ToHashSet(comparer);
        foreach (var key in modelKeys.Where(k => !builtKeys.Contains(k)).Order(StringComparer.Ordinal))
        {
            differences.Add(new("missing-foreign-key", model.Name, key, $"foreign key {key} on {model.Name} is in the model snapshot but no migration adds it"));
        }

        foreach (var key in builtKeys.Where(k => !modelKeys.Contains(k)).Order(StringComparer.Ordinal))
        {
            differences.Add(new("extra-foreign-key", model.Name, key, $"foreign key {key} on {model.Name} is added by the migrations but is not in the model snapshot"));
        }
    }

    /// <summary>Foreign keys compare by columns and target, since snapshot names may be truncated differently.</summary>
    private static string KeyOf(ForeignKey key) => $"({string.Join(", ", key.Columns)}) -> {key.RefTable}";
}
