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
