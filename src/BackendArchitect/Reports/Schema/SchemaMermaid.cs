using System.Text;
using BackendArchitect.Model;

namespace BackendArchitect.Reports.Schema;

/// <summary>A Mermaid erDiagram: tables with typed columns and PK/FK/UK markers, one relationship per foreign key.</summary>
public static class SchemaMermaid
{
    public static string Render(Model.Schema schema)
    {
        var sb = new StringBuilder("erDiagram\n");
        foreach (var table in schema.Tables.Values)
        {
            sb.Append("    ").Append(MermaidText.EntityId(table.Name)).Append(" {\n");
            foreach (var column in table.Columns)
            {
                sb.Append("        ").Append(AttributeType(column.Type)).Append(' ').Append(MermaidText.Id(column.Name));
                var keys = SchemaFacts.Keys(table, column);
                if (keys.Count > 0)
                {
                    sb.Append(' ').Append(string.Join(", ", keys));
                }

                if (column.Nullable)
                {
                    sb.Append(" \"nullable\"");
                }

                sb.Append('\n');
            }

            sb.Append("    }\n");
        }

        foreach (var table in schema.Tables.Values)
        {
            foreach (var foreignKey in table.ForeignKeys)
            {
                var parent = SchemaFacts.Target(schema, foreignKey)?.Name ?? foreignKey.RefTable;
                // Parent side: exactly one when every FK column is NOT NULL, else zero or one. Child side: one per parent for a unique FK.
                var parentSide = SchemaFacts.IsRequired(table, foreignKey) ? "||" : "|o";
                var childSide = SchemaFacts.IsOneToOne(table, foreignKey) ? "o|" : "o{";
                sb.Append("    ").Append(MermaidText.EntityId(parent)).Append(' ').Append(parentSide).Append("--").Append(childSide).Append(' ')
                    .Append(MermaidText.EntityId(table.Name)).Append(" : ")
                    .Append(MermaidText.ErLabel(string.Join(", ", foreignKey.Columns))).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>An attribute type Mermaid's grammar accepts: "character varying(20)" -> "character_varying_20", "text[]" -> "text_array".</summary>
    public static string AttributeType(string type)
    {
        var sb = new StringBuilder();
        foreach (var c in type.Replace("[]", "_array", StringComparison.Ordinal))
        {
            var next = char.IsAsciiLetterOrDigit(c) ? c : '_';
            if (next != '_' || (sb.Length > 0 && sb[^1] != '_'))
            {
                sb.Append(next);
            }
        }

        var text = sb.ToString().Trim('_');
        return text.Length == 0 || char.IsAsciiDigit(text[0]) ? "t_" + text : text;
    }
}
