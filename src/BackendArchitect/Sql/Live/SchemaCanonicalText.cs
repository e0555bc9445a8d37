using System.Text;
using System.Text.RegularExpressions;
using BackendArchitect.Model;

namespace BackendArchitect.Sql.Live;

/// <summary>
/// Renders a schema as sorted lines in which two schemas that mean the same compare equal: expressions (defaults,
/// checks, index expressions and predicates) lose the casts, parentheses, spacing and keyword case that a database
/// adds when it prints back what it stored. Used to compare a live database with a replay, line by line.
/// </summary>
public static partial class SchemaCanonicalText
{
    /// <param name="constraintNames">
    /// False leaves out constraint names: SQLite stores none for unnamed constraints, so a live file can only
    /// name them after the table's current name while a replay named them when they were created.
    /// </param>
    public static IReadOnlyList<string> Lines(Schema schema, bool constraintNames = true)
    {
        string Named(string? name) => constraintNames && name is not null ? name + " " : "";
        var lines = new List<string>();
        foreach (var table in schema.Tables.Values)
        {
            var prefix = "table " + table.Name;
            lines.Add(prefix);
            for (var i = 0; i < table.Columns.Length; i++)
            {
                var c = table.Columns[i];
                lines.Add($"{prefix} column {i + 1} {c.Name} {c.Type}{(c.Nullable ? "" : " not null")}"
                    + (c.Default is null ? "" : " default " + Expression(c.Default)) + (c.Identity is null ? "" : " identity " + c.Identity));
            }

            if (table.PrimaryKey is { } key)
            {
                lines.Add($"{prefix} primary key {Named(key.Name)}({Join(key.Columns)})");
            }

            lines.AddRange(table.Uniques.Select(u => $"{prefix} unique {Named(u.Name)}({Join(u.Columns)})"));
            lines.AddRange(table.Checks.Select(c => $"{prefix} check {Named(c.Name)}{Expression(c.Expression)}{(c.NotValid ? " not valid" : "")}"));
            lines.AddRange(table.ForeignKeys.Select(f =>
                $"{prefix} foreign key {Named(f.Name)}({Join(f.Columns)}) -> {f.RefTable} ({Join(f.RefColumns)})"
                + (f.OnDelete is null ? "" : " on delete " + f.OnDelete.ToLowerInvariant()) + (f.NotValid ? " not valid" : "")));
            lines.AddRange(table.Indexes.Select(i =>
                $"{prefix} {(i.Unique ? "unique index" : "index")} {i.Name} ({string.Join(", ", i.Columns.Select(Expression))})"
                + (i.Method is null || i.Method == "btree" ? "" : " using " + i.Method.ToLowerInvariant())
                + (i.Include.IsEmpty ? "" : " include (" + Join(i.Include) + ")")
                + (i.Where is null ? "" : " where " + Expression(i.Where))));
        }

        lines.AddRange(schema.Enums.Values.Select(e => $"enum {e.Name} ({string.Join(", ", e.Values)})"));
        lines.AddRange(schema.Sequences.Values.Select(s => "sequence " + s.Name));
        lines.AddRange(schema.Views.Values.Select(v => (v.Materialized ? "materialized view " : "view ") + v.Name));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    public static string Render(Schema schema, bool constraintNames = true) => string.Join("\n", Lines(schema, constraintNames)) + "\n";

    /// <summary>
    /// An expression reduced to what it means for comparison: no type casts, no parentheses, no whitespace,
    /// keywords and names lower-cased; string literals kept exactly.
    /// </summary>
    public static string Expression(string text)
    {
        var trimmed = text.TrimEnd();
        if (trimmed.EndsWith(" DESC", StringComparison.OrdinalIgnoreCase))
        {
            return Expression(trimmed[..^" DESC".Length]) + " desc";
        }

        var withoutCasts = Cast().Replace(text, "");
        var builder = new StringBuilder(withoutCasts.Length);
        var inString = false;
        foreach (var ch in withoutCasts)
        {
            if (ch == '\'')
            {
                inString = !inString;
                builder.Append(ch);
            }
            else if (inString)
            {
                builder.Append(ch);
            }
            else if (ch is not ('(' or ')' or '"') && !char.IsWhiteSpace(ch))
            {
                builder.Append(char.ToLowerInvariant(ch));
            }
        }

        return builder.ToString();
    }

    private static string Join(IEnumerable<string> names) => string.Join(", ", names);

    [GeneratedRegex(@"::\s*(character varying|timestamp(\(\d+\))? with(out)? time zone|time(\(\d+\))? with(out)? time zone|double precision|bit varying|""[^""]+""|[A-Za-z_][A-Za-z0-9_.]*)(\s*\(\s*\d+\s*(,\s*\d+\s*)?\))?(\[\])*", RegexOptions.IgnoreCase)]
    private static partial Regex Cast();
}
