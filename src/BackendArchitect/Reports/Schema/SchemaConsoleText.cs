using System.Text;
using BackendArchitect.Model;

namespace BackendArchitect.Reports.Schema;

/// <summary>The plain-text schema summary for a terminal: one aligned column table per table, then its keys and indexes.</summary>
public static class SchemaConsoleText
{
    public static string Render(Model.Schema schema)
    {
        var sb = new StringBuilder();
        sb.Append("Schema: ").Append(SchemaFacts.Counts(schema)).Append("\n");
        foreach (var table in schema.Tables.Values)
        {
            sb.Append('\n').Append(table.Name).Append('\n');
            var rows = table.Columns.Select(c => new[]
            {
                c.Name,
                c.Type,
                c.Nullable ? "null" : "not null",
                c.Identity is not null ? "identity " + c.Identity : c.Default ?? "",
                string.Join(",", SchemaFacts.Keys(table, c)),
            }).ToList();
            Grid(sb, ["column", "type", "null", "default", "keys"], rows);
            foreach (var foreignKey in table.ForeignKeys)
            {
                sb.Append("  FK ").Append(foreignKey.Name).Append(" (").Append(string.Join(", ", foreignKey.Columns)).Append(") -> ")
                    .Append(foreignKey.RefTable).Append(" (").Append(string.Join(", ", foreignKey.RefColumns)).Append(')')
                    .Append(foreignKey.OnDelete is null ? "" : " on delete " + foreignKey.OnDelete.ToLowerInvariant())
                    .Append(foreignKey.NotValid ? " not valid" : "").Append('\n');
            }

            foreach (var index in table.Indexes)
            {
                sb.Append(index.Unique ? "  unique index " : "  index ").Append(index.Name).Append(" (").Append(string.Join(", ", index.Columns)).Append(')')
                    .Append(index.Method is null ? "" : " using " + index.Method)
                    .Append(index.Include.IsEmpty ? "" : " include (" + string.Join(", ", index.Include) + ")")
                    .Append(index.Where is null ? "" : " where " + index.Where).Append('\n');
            }

            foreach (var check in table.Checks)
            {
                sb.Append("  check ").Append(check.Name).Append(": ").Append(check.Expression).Append(check.NotValid ? " (not valid)" : "").Append('\n');
            }
        }

        foreach (var type in schema.Enums.Values)
        {
            sb.Append("\nenum ").Append(type.Name).Append(": ").Append(string.Join(", ", type.Values)).Append('\n');
        }

        return sb.ToString();
    }

    private static void Grid(StringBuilder sb, string[] headers, List<string[]> rows)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        void Row(string[] cells) => sb.Append("  ").Append(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd()).Append('\n');
        Row(headers);
        Row([.. widths.Select(w => new string('-', w))]);
        foreach (var row in rows)
        {
            Row(row);
        }
    }
}
