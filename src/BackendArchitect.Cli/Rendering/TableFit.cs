using System.Text;

namespace BackendArchitect.Cli.Rendering;

/// <summary>
/// Chooses column widths so a bordered table fits a width, and wraps cell text to them. Columns
/// shrink in their value order down to their minimum, and the least valuable are dropped when that
/// is not enough or wraps too many rows; text
/// breaks at spaces, then before '/' and after '.' or ',' (a route splits between segments, a
/// handler between type and method), and a piece still too long ends in an ellipsis. Nothing is
/// ever broken letter by letter.
/// </summary>
public static class TableFit
{
    /// <summary>A rounded or ASCII border with one space of padding: "| a | b |" is widths + 3 per column + 1.</summary>
    public static int Overhead(int columns) => (3 * columns) + 1;

    /// <summary>
    /// The width of each column, 0 for a dropped one. Columns narrow in their shrink order; when that
    /// does not fit, or wraps more than one row in ten onto further lines, the next column in drop order
    /// goes and the narrowing starts over: a dropped column costs less reading than every row doubled.
    /// </summary>
    public static int[] Widths(IReadOnlyList<FitColumn> columns, IReadOnlyList<IReadOnlyList<string>> rows, int width)
    {
        var natural = new int[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            natural[i] = Math.Max(columns[i].Header.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max());
        }

        var dropOrder = Enumerable.Range(0, columns.Count).Where(i => columns[i].Drop is not null).OrderBy(i => columns[i].Drop).ToArray();
        var shrinkOrder = Enumerable.Range(0, columns.Count).Where(i => columns[i].Shrink is not null).OrderBy(i => columns[i].Shrink).ToArray();
        var allowed = rows.Count + Math.Max(1, rows.Count / 10);
        int[]? best = null;
        var bestLines = int.MaxValue;
        for (var dropped = 0; dropped <= dropOrder.Length; dropped++)
        {
            var widths = (int[])natural.Clone();
            foreach (var i in dropOrder.Take(dropped))
            {
                widths[i] = 0;
            }

            if (Narrow(widths, shrinkOrder, width, i => Math.Min(natural[i], columns[i].Min)) > 0)
            {
                continue;
            }

            var lines = Lines(rows, widths);
            if (lines <= allowed)
            {
                return widths;
            }

            if (lines < bestLines)
            {
                (best, bestLines) = (widths, lines);
            }
        }

        if (best is not null)
        {
            return best;
        }

        // Narrower than every minimum: all that may go is gone, and what can shrink is squeezed; its text ends in ellipses.
        var squeezed = (int[])natural.Clone();
        foreach (var i in dropOrder)
        {
            squeezed[i] = 0;
        }

        Narrow(squeezed, shrinkOrder, width, _ => 4);
        return squeezed;
    }

    /// <summary>Narrows columns in order down to their floor until the table fits; returns the columns still too many.</summary>
    private static int Narrow(int[] widths, int[] order, int width, Func<int, int> floor)
    {
        var excess = widths.Sum() + Overhead(widths.Count(w => w > 0)) - width;
        foreach (var i in order.Where(i => widths[i] > 0))
        {
            var take = Math.Clamp(widths[i] - floor(i), 0, Math.Max(excess, 0));
            widths[i] -= take;
            excess -= take;
        }

        return Math.Max(excess, 0);
    }

    /// <summary>How many lines the rows take at these widths.</summary>
    private static int Lines(IReadOnlyList<IReadOnlyList<string>> rows, int[] widths) =>
        rows.Sum(row => Enumerable.Range(0, widths.Length)
            .Where(i => widths[i] > 0)
            .Select(i => row[i].Length <= widths[i] ? 1 : Wrap(row[i], widths[i], "...").Count(c => c == '\n') + 1)
            .DefaultIfEmpty(1)
            .Max());

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
