using System.Text;

namespace BackendArchitect.Cli.Rendering;

/// <summary>
/// Chooses column widths so a bordered table fits a width, and wraps cell text to them. Columns
/// shrink in their value order down to their minimum, then the least valuable are dropped; text
/// breaks at spaces, then before '/' and after '.' or ',' (a route splits between segments, a
/// handler between type and method), and a piece still too long ends in an ellipsis. Nothing is
/// ever broken letter by letter.
/// </summary>
public static class TableFit
{
    /// <summary>A rounded or ASCII border with one space of padding: "| a | b |" is widths + 3 per column + 1.</summary>
    public static int Overhead(int columns) => (3 * columns) + 1;

    /// <summary>
    /// The width of each column, 0 for a dropped one. Shrinks and drops share one order (the ranks of
    /// <see cref="FitColumn"/>), so a low-value column can go before a high-value one is narrowed; width
    /// a drop frees beyond the need goes back to the columns narrowed last.
    /// </summary>
    public static int[] Widths(IReadOnlyList<FitColumn> columns, IReadOnlyList<IReadOnlyList<string>> rows, int width)
    {
        var natural = new int[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            natural[i] = Math.Max(columns[i].Header.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max());
        }

        var widths = (int[])natural.Clone();
        var excess = natural.Sum() + Overhead(columns.Count) - width;
        var steps = Enumerable.Range(0, columns.Count)
            .SelectMany(i => new[] { (Column: i, Drop: false, Rank: columns[i].Shrink), (Column: i, Drop: true, Rank: columns[i].Drop) })
            .Where(s => s.Rank is not null)
            .OrderBy(s => s.Rank)
            .ThenBy(s => s.Drop)
            .ToArray();
        var narrowed = new List<int>();
        foreach (var (i, drop, _) in steps)
        {
            if (excess <= 0)
            {
                break;
            }

            if (drop)
            {
                excess -= widths[i] + 3;
                widths[i] = 0;
                continue;
            }

            var take = Math.Clamp(widths[i] - Math.Min(natural[i], columns[i].Min), 0, excess);
            widths[i] -= take;
            excess -= take;
            narrowed.Add(i);
        }

        foreach (var i in Enumerable.Reverse(narrowed).Where(i => widths[i] > 0))
        {
            var give = Math.Min(-excess, natural[i] - widths[i]);
            if (give > 0)
            {
                widths[i] += give;
                excess += give;
            }
        }

        // Narrower than every minimum: squeeze what can shrink further; its text ends in ellipses.
        foreach (var i in steps.Where(s => !s.Drop && widths[s.Column] > 0).Select(s => s.Column))
        {
            var take = Math.Clamp(widths[i] - 4, 0, Math.Max(excess, 0));
            widths[i] -= take;
            excess -= take;
        }

        return widths;
    }

    /// <summary>Text as lines of at most <paramref name="width"/> characters, joined by '\n'.</summary>
    public static string Wrap(string text, int width, string ellipsis)
    {
        if (text.Length <= width)
        {
            return text;
        }

        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = word.Length <= width ? [word] : Pieces(word);
            for (var p = 0; p < pieces.Count; p++)
            {
                var piece = pieces[p].Length <= width ? pieces[p] : pieces[p][..Math.Max(0, width - ellipsis.Length)] + ellipsis;
                var separator = p == 0 && line.Length > 0 ? " " : "";
                if (line.Length > 0 && line.Length + separator.Length + piece.Length > width)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    separator = "";
                }

                line.Append(separator).Append(piece);
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return string.Join('\n', lines);
    }

    /// <summary>A word cut where it reads on: before '/', after '.' and ','.</summary>
    private static List<string> Pieces(string word)
    {
        var pieces = new List<string>();
        var start = 0;
        for (var i = 1; i < word.Length; i++)
        {
            if (word[i] == '/' || word[i - 1] is '.' or ',')
            {
                pieces.Add(word[start..i]);
                start = i;
            }
        }

        pieces.Add(word[start..]);
        return pieces;
    }
}
