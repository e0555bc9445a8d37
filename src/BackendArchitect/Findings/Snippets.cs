using System.Text.RegularExpressions;
using BackendArchitect.Config;

namespace BackendArchitect.Findings;

/// <summary>
/// The source lines findings show: secrets masked over the whole file first (SQL-aware for .sql files,
/// so a literal is masked by the column it is given to even when that column is named lines above),
/// then each shown line cut to <see cref="MaxLength"/> characters.
/// </summary>
public static partial class Snippets
{
    /// <summary>Long enough for any readable statement line; a minified or generated line is cut, not printed whole.</summary>
    public const int MaxLength = 240;

    /// <summary>
    /// Each finding with its source line as <see cref="Finding.Snippet"/> (trimmed, secrets masked, cut when long),
    /// read through <paramref name="textOf"/> (relative path to file text, null when unknown), in the order given.
    /// Findings that already have a snippet, or point outside their file, are kept as they are. Files are masked
    /// in parallel, each once, and only as far as the lines shown need.
    /// </summary>
    public static Finding[] Fill(IReadOnlyList<Finding> findings, Func<string, string?> textOf)
    {
        var files = findings.Where(f => f.Snippet is null && f.Line >= 1)
            .GroupBy(f => f.File, StringComparer.Ordinal)
            .Select(g => (File: g.Key, Lines: g.Select(f => f.Line).Distinct().ToArray()))
            .ToArray();
        var masked = new Dictionary<int, string>?[files.Length];
        Parallel.For(0, files.Length, i => masked[i] = textOf(files[i].File) is { } text ? MaskedLines(files[i].File, text, files[i].Lines) : null);
        var byFile = files.Select((file, i) => (file.File, i)).ToDictionary(p => p.File, p => masked[p.i], StringComparer.Ordinal);
        return [.. findings.Select(f => f.Snippet is null && f.Line >= 1 && byFile[f.File] is { } lines && lines.TryGetValue(f.Line, out var line)
            ? f with { Snippet = Cap(line) }
            : f)];
    }

    /// <summary>
    /// The given lines (1-based) of a file with its secrets masked, as <see cref="MaskedLines(string, string)"/> gives
    /// them; lines past the end are left out. Every masking pattern but two stays within a line, so a C# or
    /// configuration file is masked line by line: a long EF migration shows a few lines, and masking all of it
    /// was most of the time snippets took. The two exceptions are read whole: SQL, where a literal is masked by a
    /// column named lines before it, and private key blocks. C# strings, which SQL is masked in, are found over
    /// the whole file, as a line may sit inside a verbatim string that began lines above.
    /// </summary>
    public static Dictionary<int, string> MaskedLines(string file, string text, IReadOnlyCollection<int> lines)
    {
        if (file.EndsWith(".sql", StringComparison.OrdinalIgnoreCase) || !MasksByLine(text))
        {
            var all = MaskedLines(file, text);
            return lines.Where(l => l <= all.Length).ToDictionary(l => l, l => all[l - 1]);
        }

        var starts = LineStarts(text);
        var csharp = file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);
        var strings = csharp ? CSharpString().Matches(text) : null;
        var result = new Dictionary<int, string>();
        foreach (var line in lines.Where(l => l <= starts.Count))
        {
            var raw = strings is null ? LineText(text, starts, line) : LineWithSqlMasked(text, starts, line, strings);
            result[line] = SecretMasker.MaskText(MaskKeyedLiterals(raw, csharp ? KeyedStringLiteral() : KeyedLiteral())).TrimEnd('\r');
        }

        return result;
    }

    /// <summary>
    /// True when masking line by line gives what masking the whole text does: no private key block, and no line
    /// break but LF and CRLF (the lines shown are split at every kind of break, the masking patterns only stop at LF).
    /// </summary>
    private static bool MasksByLine(string text)
    {
        if (text.Contains("-----BEGIN", StringComparison.Ordinal) || text.AsSpan().IndexOfAny('\f', '\u0085') >= 0 || text.AsSpan().IndexOfAny('\u2028', '\u2029') >= 0)
        {
            return false;
        }

        for (var i = text.IndexOf('\r'); i >= 0; i = text.IndexOf('\r', i + 1))
        {
            if (i + 1 == text.Length || text[i + 1] != '\n')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Where each LF-separated line starts.</summary>
    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            starts.Add(i + 1);
        }

        return starts;
    }

    private static int LineEnd(string text, List<int> starts, int line) => line < starts.Count ? starts[line] - 1 : text.Length;

    /// <summary>The line without its LF (a CR before it stays, as it does for the masking patterns over the whole text).</summary>
    private static string LineText(string text, List<int> starts, int line) => text[starts[line - 1]..LineEnd(text, starts, line)];

    /// <summary>
    /// The line after <see cref="MaskSqlInStrings"/>: the strings that touch it are masked, and with them the
    /// whole lines they span, so a line inside a multi-line verbatim string is cut from the masked string.
    /// </summary>
    private static string LineWithSqlMasked(string text, List<int> starts, int line, MatchCollection strings)
    {
        int first = line, last = line;
        var touched = false;
        foreach (Match match in strings)
        {
            if (match.Index + match.Length <= starts[first - 1])
            {
                continue;
            }

            if (match.Index >= LineEnd(text, starts, last))
            {
                break;
            }

            touched = true;
            first = Math.Min(first, LineOf(starts, match.Index));
            last = Math.Max(last, LineOf(starts, match.Index + match.Length - 1));
        }

        if (!touched)
        {
            return LineText(text, starts, line);
        }

        // The region grew to whole lines: strings on those lines, before or after the ones found, are masked too.
        var regionStart = starts[first - 1];
        var regionEnd = LineEnd(text, starts, last);
        var builder = new System.Text.StringBuilder();
        var at = regionStart;
        foreach (Match match in strings)
        {
            if (match.Index < regionStart || match.Index + match.Length > regionEnd)
            {
                continue;
            }

            builder.Append(text, at, match.Index - at).Append(MaskSqlString(match));
            at = match.Index + match.Length;
        }

        builder.Append(text, at, regionEnd - at);
        return builder.ToString().Split('\n')[line - first];
    }

    private static int LineOf(List<int> starts, int position)
    {
        var index = starts.BinarySearch(position);
        return index >= 0 ? index + 1 : ~index;
    }

    /// <summary>The lines of a file with its secrets masked; line numbers are unchanged.</summary>
    public static string[] MaskedLines(string file, string text)
    {
        var masked = file.EndsWith(".sql", StringComparison.OrdinalIgnoreCase) ? SqlSecretMasker.Mask(text)
            : file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ? SecretMasker.MaskText(MaskKeyedLiterals(MaskSqlInStrings(text), KeyedStringLiteral()))
            : SecretMasker.MaskText(MaskKeyedLiterals(text, KeyedLiteral()));
        return masked.ReplaceLineEndings("\n").Split('\n');
    }

    // A value under a secret key ("Password": "orchid-lake", Password = "...", password: hunter2) is a secret by its
    // key alone, however plain it looks: configuration, C# initializers and YAML lines are masked by the key. In C#
    // only string literals are values (Password = request.Password is code, not a secret).
    private static string MaskKeyedLiterals(string text, Regex keyed) =>
        keyed.Replace(text, m => SecretMasker.IsSecretKey(m.Groups["key"].Value)
            ? m.Value[..(m.Groups["value"].Index - m.Index)] + SecretMasker.Mask(m.Groups["value"].Value) + m.Value[(m.Groups["value"].Index - m.Index + m.Groups["value"].Length)..]
            : m.Value);

    [GeneratedRegex(@"(?<key>[A-Za-z_][\w.:-]*)""?[ \t]*(?:=|:)[ \t]*(?:@?""(?<value>(?:[^""\\\n]|\\.)+)""|(?<value>[^\s""',;{}\[\]#][^\s,;{}\[\]#]*))")]
    private static partial Regex KeyedLiteral();

    [GeneratedRegex(@"(?<key>[A-Za-z_][\w.:-]*)""?[ \t]*(?:=|:)[ \t]*@?""(?<value>(?:[^""\\\n]|\\.)+)""")]
    private static partial Regex KeyedStringLiteral();

    // EF Core migrations carry SQL in C# strings (migrationBuilder.Sql("UPDATE users SET password = '...'")):
    // their literals are masked by column like those of a .sql file.
    private static string MaskSqlInStrings(string code) => CSharpString().Replace(code, MaskSqlString);

    private static string MaskSqlString(Match m) => m.Groups["verbatim"].Success
        ? "@\"" + SqlSecretMasker.Mask(m.Groups["verbatim"].Value.Replace("\"\"", "\"", StringComparison.Ordinal)).Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : "\"" + SqlSecretMasker.Mask(m.Groups["regular"].Value) + "\"";

    [GeneratedRegex(@"@""(?<verbatim>(?:[^""]|"""")*)""|""(?<regular>(?:[^""\\\n]|\\.)*)""")]
    private static partial Regex CSharpString();

    /// <summary>The line trimmed, and cut with a visible marker when longer than <see cref="MaxLength"/>.</summary>
    public static string Cap(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length <= MaxLength)
        {
            return trimmed;
        }

        // Never split a surrogate pair: the cut text must stay valid UTF-16 for every output format.
        var cut = char.IsHighSurrogate(trimmed[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return trimmed[..cut] + $" … ({(trimmed.Length - cut).ToString(System.Globalization.CultureInfo.InvariantCulture)} more characters)";
    }
}
