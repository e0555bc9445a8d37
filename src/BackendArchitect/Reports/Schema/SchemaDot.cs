using System.Net;
using System.Text;
using BackendArchitect.Model;

namespace BackendArchitect.Reports.Schema;

/// <summary>A Graphviz DOT graph: one HTML-like table node per table, one edge per foreign key from column to column.</summary>
public static class SchemaDot
{
    public static string Render(Model.Schema schema)
    {
        var sb = new StringBuilder("digraph schema {\n");
        sb.Append("    graph [rankdir=LR, fontname=\"Helvetica\"];\n");
        sb.Append("    node [shape=plaintext, fontname=\"Helvetica\", fontsize=10];\n");
        sb.Append("    edge [fontname=\"Helvetica\", fontsize=9, arrowhead=crow, arrowtail=tee, dir=both];\n");
        foreach (var table in schema.Tables.Values)
        {
            sb.Append("    ").Append(Quote(table.Name)).Append(" [label=<\n");
            sb.Append("        <TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\">\n");
            sb.Append("        <TR><TD COLSPAN=\"3\" BGCOLOR=\"#dde4ee\"><B>").Append(Html(table.Name)).Append("</B></TD></TR>\n");
            for (var i = 0; i < table.Columns.Length; i++)
            {
                var column = table.Columns[i];
                var name = column.Nullable ? Html(column.Name) : "<B>" + Html(column.Name) + "</B>";
                sb.Append("        <TR><TD ALIGN=\"LEFT\" PORT=\"c").Append(i).Append("\">").Append(name)
                    .Append("</TD><TD ALIGN=\"LEFT\">").Append(Html(column.Type))
                    .Append("</TD><TD>").Append(Html(string.Join(" ", SchemaFacts.Keys(table, column)))).Append("</TD></TR>\n");
            }

            sb.Append("        </TABLE>>];\n");
        }

        foreach (var table in schema.Tables.Values)
        {
            foreach (var foreignKey in table.ForeignKeys)
            {
                var target = SchemaFacts.Target(schema, foreignKey);
                var from = Port(table, foreignKey.Columns.FirstOrDefault());
                var to = target is null ? "" : Port(target, foreignKey.RefColumns.FirstOrDefault());
                var label = string.Join(", ", foreignKey.Columns) + (foreignKey.NotValid ? " (not valid)" : "");
                sb.Append("    ").Append(Quote(table.Name)).Append(from).Append(" -> ").Append(Quote(target?.Name ?? foreignKey.RefTable)).Append(to)
                    .Append(" [label=").Append(Quote(label)).Append(SchemaFacts.IsRequired(table, foreignKey) ? "" : ", style=dashed").Append("];\n");
            }
        }

        return sb.Append("}\n").ToString();
    }

    private static string Port(SchemaTable table, string? column)
    {
        if (column is null)
        {
            return "";
        }

        for (var i = 0; i < table.Columns.Length; i++)
        {
            if (string.Equals(table.Columns[i].Name, column, StringComparison.OrdinalIgnoreCase))
            {
                return ":c" + i;
            }
        }

        return "";
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
