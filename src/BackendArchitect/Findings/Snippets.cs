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
    /// Findings that already have a snippet, or point outside their file, are kept as they are. Masking reads the
    /// whole file, so the files are masked once each and in parallel.
    /// </summary>
    public static Finding[] Fill(IReadOnlyList<Finding> findings, Func<string, string?> textOf)
    {
        var files = findings.Where(f => f.Snippet is null && f.Line >= 1).Select(f => f.File).Distinct(StringComparer.Ordinal).ToArray();
        var masked = new string[]?[files.Length];
        Parallel.For(0, files.Length, i => masked[i] = textOf(files[i]) is { } text ? MaskedLines(files[i], text) : null);
        var lines = files.Select((file, i) => (file, i)).ToDictionary(p => p.file, p => masked[p.i], StringComparer.Ordinal);
        return [.. findings.Select(f => f.Snippet is null && f.Line >= 1 && lines[f.File] is { } fileLines && f.Line <= fileLines.Length
            ? f with { Snippet = Cap(fileLines[f.Line - 1]) }
            : f)];
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
    private static string MaskSqlInStrings(string code) =>
        CSharpString().Replace(code, m => m.Groups["verbatim"].Success
            ? "@\"" + SqlSecretMasker.Mask(m.Groups["verbatim"].Value.Replace("\"\"", "\"", StringComparison.Ordinal)).Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : "\"" + SqlSecretMasker.Mask(m.Groups["regular"].Value) + "\"");

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
