using Spectre.Console;

namespace BackendArchitect.Cli.Rendering;

/// <summary>A Spectre table whose columns <see cref="TableFit"/> sized and whose cells it wrapped, so Spectre never re-wraps them.</summary>
public static class FittedTable
{
    /// <summary>
    /// Rows are plain text; <paramref name="markup"/> may turn a wrapped cell (column, row, text) into
    /// markup, e.g. to colour it; without it cells are escaped.
    /// </summary>
    public static Table Create(
        string title,
        TableBorder border,
        IReadOnlyList<FitColumn> columns,
        IReadOnlyList<IReadOnlyList<string>> rows,
        int width,
        string ellipsis,
        Func<int, int, string, string>? markup = null)
    {
        var widths = TableFit.Widths(columns, rows, width);
        var shown = Enumerable.Range(0, columns.Count).Where(i => widths[i] > 0).ToArray();
        var table = new Table { Border = border, Title = new TableTitle(Markup.Escape(title)) };
        foreach (var i in shown)
        {
            table.AddColumn(new TableColumn(Markup.Escape(TableFit.Wrap(columns[i].Header, widths[i], ellipsis)))
            {
                Width = widths[i],
                NoWrap = true,
            });
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var cells = new List<string>(shown.Length);
            foreach (var i in shown)
            {
                var text = TableFit.Wrap(rows[r][i], widths[i], ellipsis);
                cells.Add(markup?.Invoke(i, r, text) ?? Markup.Escape(text));
            }

            table.AddRow([.. cells]);
        }

        return table;
    }
}
