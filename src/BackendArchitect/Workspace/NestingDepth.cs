using System.Xml;
using BackendArchitect.Model;

namespace BackendArchitect.Workspace;

/// <summary>
/// Bounds how deeply nested a file may be before a recursive parser sees it. Roslyn, YamlDotNet and
/// LINQ to XML recurse (or rescan) per level: 30,000 nested parentheses or flow sequences overflow the
/// stack, which ends the process whatever catches what, and 20,000 take seconds to minutes. Each check
/// here is one linear pass over the text that stops at the first level past the limit, so a file that
/// is too deep is skipped with a diagnostic and the time stays linear in the input.
/// </summary>
public static class NestingDepth
{
    /// <summary>
    /// Far above hand-written or generated code (a fluent EF configuration or a nested object
    /// initializer stays well under 50 levels) and far below what overflows a thread's stack.
    /// </summary>
    public const int Limit = 256;

    /// <summary>
    /// True when the file is shallow enough to parse; otherwise adds a diagnostic saying what was
    /// skipped and at which line the nesting passed the limit.
    /// </summary>
    public static bool WithinLimit(SourceFile file, string whatIsSkipped, ICollection<Diagnostic> diagnostics)
    {
        if (TooDeep(file, whatIsSkipped) is not { } diagnostic)
        {
            return true;
        }

        diagnostics.Add(diagnostic);
        return false;
    }

    /// <summary>The diagnostic for a file nested past the limit, or null when it may be parsed.</summary>
    public static Diagnostic? TooDeep(SourceFile file, string whatIsSkipped) =>
        FirstLineTooDeep(file) is { } line
            ? new Diagnostic(file.Path, line, $"nesting deeper than {Limit} levels: {whatIsSkipped} (the file is not parsed)")
            {
                Skipped = FileSkip.TooDeep,
            }
            : null;

    /// <summary>The 1-based line where nesting first passes the limit, or null; by the file's kind.</summary>
    public static int? FirstLineTooDeep(SourceFile file) => file.Kind switch
    {
        FileKind.CSharp => CSharp(file.Text),
        FileKind.Yaml => Yaml(file.Text),
        FileKind.Project => Xml(file.Text),
        _ => null,
    };

    /// <summary>
    /// Brackets of C# code, with comments, strings (regular, verbatim, interpolated, raw) and character
    /// literals skipped. Braces inside interpolation holes are read as text: the estimate may come out
    /// lower than the truth, never higher, so no ordinary file is refused.
    /// </summary>
    public static int? CSharp(string text)
    {
        var depth = 0;
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\n':
                    line++;
                    break;
                case '(' or '[' or '{':
                    if (++depth > Limit)
                    {
                        return line;
                    }

                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '/' when At(text, i + 1) == '/':
                    i = SkipTo(text, i, "\n", ref line) - 1;
                    break;
                case '/' when At(text, i + 1) == '*':
                    i = SkipTo(text, i + 2, "*/", ref line) - 1;
                    break;
                case '\'':
                    i = SkipQuoted(text, i, '\'', escapes: true, ref line);
                    break;
                case '"':
                    i = SkipCSharpString(text, i, ref line);
                    break;
            }
        }

        return null;
    }

    /// <summary>
    /// Block nesting (each deeper indentation or "- " entry opens a level) plus flow collections
    /// ([ and {) outside quoted scalars and comments.
    /// </summary>
    public static int? Yaml(string text)
    {
        var indents = new Stack<int>();
        var flow = 0;
        var line = 1;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var content = text.AsSpan(start, end - start);
            var indent = 0;
            while (indent < content.Length && content[indent] is ' ' or '-')
            {
                indent++;
            }

            if (flow == 0 && indent < content.Length && content[indent] != '#')
            {
                while (indents.Count > 0 && indents.Peek() >= indent)
                {
                    indents.Pop();
                }

                indents.Push(indent);
            }

            // "- - - x" nests a sequence per dash on one line.
            var dashes = content[..indent].Count('-');
            if (indents.Count + dashes + flow > Limit)
            {
                return line;
            }

            flow = FlowDepthAfter(content[indent..], flow, indents.Count + dashes, out var tooDeep);
            if (tooDeep)
            {
                return line;
            }

            start = end + 1;
            line++;
        }

        return null;
    }

    /// <summary>Element depth as XmlReader sees it; malformed XML is left to the real parser to report.</summary>
    public static int? Xml(string text)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(text), settings);
        try
        {
            while (reader.Read())
            {
                if (reader.Depth > Limit)
                {
                    return reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 1;
                }
            }
        }
        catch (XmlException)
        {
            return null;
        }

        return null;
    }

    private static int FlowDepthAfter(ReadOnlySpan<char> content, int flow, int block, out bool tooDeep)
    {
        tooDeep = false;
        for (var i = 0; i < content.Length; i++)
        {
            switch (content[i])
            {
                case '#' when i == 0 || content[i - 1] is ' ' or '\t':
                    return flow;
                case '\'' or '"':
                    var close = content[(i + 1)..].IndexOf(content[i]);
                    i = close < 0 ? content.Length : i + 1 + close;
                    break;
                case '[' or '{':
                    if (block + ++flow > Limit)
                    {
                        tooDeep = true;
                        return flow;
                    }

                    break;
                case ']' or '}':
                    flow = Math.Max(0, flow - 1);
                    break;
            }
        }

        return flow;
    }

    private static char At(string text, int i) => i < text.Length ? text[i] : '\0';

    /// <summary>Index just past the end marker (or the text's end), counting the lines it passes.</summary>
    private static int SkipTo(string text, int from, string end, ref int line)
    {
        var found = text.IndexOf(end, from, StringComparison.Ordinal);
        var stop = found < 0 ? text.Length : found + end.Length;
        line += text.AsSpan(from, stop - from).Count('\n');
        return stop;
    }

    /// <summary>Index of the closing quote of a literal opening at <paramref name="open"/>.</summary>
    private static int SkipQuoted(string text, int open, char quote, bool escapes, ref int line)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                if (escapes)
                {
                    return i;
                }
            }
            else if (escapes && text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                if (!escapes && At(text, i + 1) == quote)
                {
                    i++;
                    continue;
                }

                return i;
            }
        }

        return text.Length;
    }

    /// <summary>Index of the last quote of a string literal: regular, verbatim (@ or $@) or raw (""").</summary>
    private static int SkipCSharpString(string text, int open, ref int line)
    {
        var quotes = 0;
        while (At(text, open + quotes) == '"')
        {
            quotes++;
        }

        if (quotes >= 3)
        {
            var end = SkipTo(text, open + quotes, new string('"', quotes), ref line);
            return end - 1;
        }

        var verbatim = open > 0 && text[open - 1] == '@' || open > 1 && text[open - 1] == '$' && text[open - 2] == '@';
        return SkipQuoted(text, open, '"', escapes: !verbatim, ref line);
    }
}
