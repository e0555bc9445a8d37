using System.Text;

namespace BackendArchitect.Reports;

/// <summary>Builds Markdown with escaped table cells and code spans.</summary>
public sealed class MarkdownWriter
{
    private readonly StringBuilder sb = new();

    public MarkdownWriter Heading(int level, string text)
    {
        // Blocks end with a blank line already; a heading after a plain line needs one.
        if (sb.Length > 0 && !(sb.Length >= 2 && sb[^1] == '\n' && sb[^2] == '\n'))
        {
            sb.Append('\n');
        }

        sb.Append('#', level).Append(' ').Append(Text(text)).Append("\n\n");
        return this;
    }

    public MarkdownWriter Line(string markdown = "")
    {
        sb.Append(markdown).Append('\n');
        return this;
    }

    /// <summary>A table; cells are Markdown already (use <see cref="Cell"/> or <see cref="Code"/> to build them).</summary>
    public MarkdownWriter Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        sb.Append("| ").Append(string.Join(" | ", headers)).Append(" |\n");
        sb.Append('|').Append(string.Concat(headers.Select(_ => " --- |"))).Append('\n');
        foreach (var row in rows)
        {
            sb.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
        }

        sb.Append('\n');
        return this;
    }

    public MarkdownWriter Fence(string language, string body)
    {
        sb.Append("```").Append(language).Append('\n').Append(body);
        if (!body.EndsWith('\n'))
        {
            sb.Append('\n');
        }

        sb.Append("```\n\n");
        return this;
    }

    public override string ToString() => sb.ToString().TrimEnd('\n') + "\n";

    /// <summary>Plain text safe in a table cell: pipes escaped, HTML and emphasis characters neutralised, one line.</summary>
    public static string Cell(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            switch (c)
            {
                case '|':
                case '\\':
                case '*':
                case '_':
                case '`':
                case '[':
                case ']':
                    sb.Append('\\').Append(c);
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '&':
                    sb.Append("&amp;");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Text as a code span, safe in a table cell (pipes escaped; backticks inside get a longer fence).</summary>
    public static string Code(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var body = text.ReplaceLineEndings(" ").Replace("|", "\\|");
        var fence = body.Contains('`') ? "``" : "`";
        var pad = body.StartsWith('`') || body.EndsWith('`') ? " " : "";
        return fence + pad + body + pad + fence;
    }

    /// <summary>Plain text outside tables: only characters that would start Markdown syntax are escaped.</summary>
    public static string Text(string text) => Cell(text).Replace("\\|", "|");
}
