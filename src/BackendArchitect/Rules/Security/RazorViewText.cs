using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>
/// A Razor view or component read tolerantly: the markup with @* comments *@ and @code/@functions blocks blanked
/// (newlines kept, so offsets and lines stay those of the file), and each such block parsed as C# members.
/// </summary>
internal sealed class RazorViewText
{
    private RazorViewText(string text, string markup, IReadOnlyList<(int Offset, ClassDeclarationSyntax Members)> codeBlocks)
    {
        Text = text;
        Markup = markup;
        CodeBlocks = codeBlocks;
    }

    /// <summary>The file as written.</summary>
    public string Text { get; }

    /// <summary>The file with comments and code blocks replaced by spaces.</summary>
    public string Markup { get; }

    /// <summary>The @code and @functions blocks, each parsed as the members of a class, with the file offset its text starts at.</summary>
    public IReadOnlyList<(int Offset, ClassDeclarationSyntax Members)> CodeBlocks { get; }

    public static RazorViewText Read(string text)
    {
        var markup = new StringBuilder(text);
        Blank(markup, text, "@*", "*@");
        var blocks = new List<(int, ClassDeclarationSyntax)>();
        foreach (var keyword in new[] { "@code", "@functions" })
        {
            for (var at = text.IndexOf(keyword, StringComparison.Ordinal); at >= 0; at = text.IndexOf(keyword, at + keyword.Length, StringComparison.Ordinal))
            {
                var open = text.IndexOf('{', at + keyword.Length);
                if (open < 0 || text.AsSpan(at + keyword.Length, open - at - keyword.Length).Trim().Length > 0 || IsInComment(markup, at))
                {
                    continue;
                }

                var close = MatchingBrace(text, open);
                const string prefix = "class C ";
                var tree = CSharpSyntaxTree.ParseText(prefix + text[open..close]);
                if (tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().FirstOrDefault() is { } members)
                {
                    blocks.Add((open - prefix.Length, members));
                }

                for (var i = at; i < close; i++)
                {
                    if (markup[i] is not '\n' and not '\r')
                    {
                        markup[i] = ' ';
                    }
                }
            }
        }

        return new RazorViewText(text, markup.ToString(), blocks);
    }

    /// <summary>The 1-based line of an offset in the file.</summary>
    public int LineOf(int offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < Text.Length; i++)
        {
            if (Text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    /// <summary>The text between the parenthesis at <paramref name="open"/> and its match, or null when unbalanced on the line's reach.</summary>
    public static string? Parenthesized(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return text[(open + 1)..i];
            }
        }

        return null;
    }

    private static void Blank(StringBuilder markup, string text, string start, string end)
    {
        for (var at = text.IndexOf(start, StringComparison.Ordinal); at >= 0; at = text.IndexOf(start, at + start.Length, StringComparison.Ordinal))
        {
            var stop = text.IndexOf(end, at + start.Length, StringComparison.Ordinal);
            stop = stop < 0 ? text.Length : stop + end.Length;
            for (var i = at; i < stop; i++)
            {
                if (markup[i] is not '\n' and not '\r')
                {
                    markup[i] = ' ';
                }
            }

            at = stop - start.Length;
        }
    }

    private static bool IsInComment(StringBuilder markup, int at) => markup[at] == ' ';

    /// <summary>The offset after the brace closing the one at <paramref name="open"/>, counted over C# tokens so braces in strings do not count.</summary>
    private static int MatchingBrace(string text, int open)
    {
        var depth = 0;
        foreach (var token in SyntaxFactory.ParseTokens(text, open, open))
        {
            depth += token.Kind() switch { SyntaxKind.OpenBraceToken => 1, SyntaxKind.CloseBraceToken => -1, _ => 0 };
            if (depth == 0 || token.IsKind(SyntaxKind.EndOfFileToken))
            {
                return Math.Min(token.Span.End, text.Length);
            }
        }

        return text.Length;
    }
}
