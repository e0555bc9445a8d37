using BackendArchitect.Model;

namespace BackendArchitect.Reports.Schema;

/// <summary>Schema documentation a team commits: an ER diagram, then per table its columns, keys, indexes and checks.</summary>
public static class SchemaMarkdown
{
    public static string Render(Model.Schema schema, string title = "Database schema")
    {
        var md = new MarkdownWriter();
        md.Heading(1, title);
        md.Line(SchemaFacts.Counts(schema) + ".").Line();
        if (schema.Tables.Count > 0)
        {
            md.Heading(2, "Tables");
            md.Table(["Table", "Columns", "Primary key", "References"], schema.Tables.Values.Select(t => (IReadOnlyList<string>)
            [
                "[" + MarkdownWriter.Cell(t.Name) + "](#" + Anchor(t.Name) + ")",
                t.Columns.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                t.PrimaryKey is { } key ? MarkdownWriter.Code(string.Join(", ", key.Columns)) : "**none**",
                MarkdownWriter.Cell(string.Join(", ", t.ForeignKeys.Select(f => f.RefTable).Distinct().Order(StringComparer.Ordinal))),
            ]));
            md.Heading(2, "Diagram");
            md.Fence("mermaid", SchemaMermaid.Render(schema));
        }

        foreach (var table in schema.Tables.Values)
        {
            Table(md, table);
        }

        if (schema.Enums.Count > 0)
        {
            md.Heading(2, "Enums");
            md.Table(["Enum", "Values"], schema.Enums.Values.Select(e => (IReadOnlyList<string>)
                [MarkdownWriter.Code(e.Name), string.Join(", ", e.Values.Select(MarkdownWriter.Code))]));
        }

        if (schema.Sequences.Count > 0 || schema.Views.Count > 0)
        {
            md.Heading(2, "Sequences and views");
            md.Table(["Name", "Kind"], schema.Sequences.Values.Select(s => (IReadOnlyList<string>)[MarkdownWriter.Code(s.Name), "sequence"])
                .Concat(schema.Views.Values.Select(v => (IReadOnlyList<string>)[MarkdownWriter.Code(v.Name), v.Materialized ? "materialized view" : "view"])));
        }

        return md.ToString();
    }

    private static void Table(MarkdownWriter md, SchemaTable table)
    {
        md.Heading(2, table.Name);
        md.Table(["Column", "Type", "Null", "Default", "Keys"], table.Columns.Select(c => (IReadOnlyList<string>)
        [
            MarkdownWriter.Code(c.Name),
            MarkdownWriter.Code(c.Type),
            c.Nullable ? "yes" : "no",
            c.Identity is not null ? "identity (" + MarkdownWriter.Cell(c.Identity) + ")" : c.Default is null ? "" : MarkdownWriter.Code(c.Default),
            string.Join(", ", SchemaFacts.Keys(table, c)),
        ]));
        if (table.PrimaryKey is null)
        {
            md.Line("No primary key.").Line();
        }

        if (!table.Uniques.IsEmpty)
        {
            md.Line("**Unique constraints**").Line();
            md.Table(["Name", "Columns"], table.Uniques.Select(u => (IReadOnlyList<string>)
                [MarkdownWriter.Code(u.Name), MarkdownWriter.Code(string.Join(", ", u.Columns))]));
        }

        if (!table.ForeignKeys.IsEmpty)
        {
            md.Line("**Foreign keys**").Line();
            md.Table(["Name", "Columns", "References", "On delete"], table.ForeignKeys.Select(f => (IReadOnlyList<string>)
            [
                MarkdownWriter.Code(f.Name) + (f.NotValid ? " (not valid)" : ""),
                MarkdownWriter.Code(string.Join(", ", f.Columns)),
                "[" + MarkdownWriter.Cell(f.RefTable) + "](#" + Anchor(f.RefTable) + ") " + MarkdownWriter.Code(string.Join(", ", f.RefColumns)),
                MarkdownWriter.Cell(f.OnDelete?.ToLowerInvariant() ?? "no action"),
            ]));
        }

        if (!table.Indexes.IsEmpty)
        {
            md.Line("**Indexes**").Line();
            md.Table(["Name", "Columns", "Unique", "Method", "Include", "Where"], table.Indexes.Select(i => (IReadOnlyList<string>)
            [
                MarkdownWriter.Code(i.Name),
                MarkdownWriter.Code(string.Join(", ", i.Columns)),
                i.Unique ? "yes" : "",
                MarkdownWriter.Cell(i.Method ?? ""),
                i.Include.IsEmpty ? "" : MarkdownWriter.Code(string.Join(", ", i.Include)),
                i.Where is null ? "" : MarkdownWriter.Code(i.Where),
            ]));
        }

        if (!table.Checks.IsEmpty)
        {
            md.Line("**Checks**").Line();
            md.Table(["Name", "Expression"], table.Checks.Select(c => (IReadOnlyList<string>)
                [MarkdownWriter.Code(c.Name) + (c.NotValid ? " (not valid)" : ""), MarkdownWriter.Code(c.Expression)]));
        }
    }

    /// <summary>GitHub's heading anchor: lower-case, spaces to '-', punctuation other than '-' and '_' dropped.</summary>
    public static string Anchor(string heading) =>
        string.Concat(heading.ToLowerInvariant().Select(c => c == ' ' ? "-" : char.IsLetterOrDigit(c) || c is '-' or '_' ? c.ToString() : ""));
}
