using System.Text;

namespace BackendArchitect.Config;

/// <summary>
/// Masks secrets in SQL text: a string literal is masked when it is assigned to a column named like a
/// secret (DEFAULT of that column, "password = '...'", its position in INSERT ... VALUES), and the
/// whole text then goes through <see cref="SecretMasker.MaskText"/> so secrets by shape are masked
/// anywhere, comments included. Line breaks are kept, so line numbers still point at the same lines.
/// </summary>
public static class SqlSecretMasker
{
    /// <summary>Masks a SQL script, statement or source line.</summary>
    public static string Mask(string? sql)
    {
        if (string.IsNullOrEmpty(sql))
        {
            return sql ?? "";
        }

        var scanner = new Scanner(sql);
        return SecretMasker.MaskText(scanner.Run());
    }

    /// <summary>Masks a column default: every literal of it when the column is named like a secret.</summary>
    public static string? MaskDefault(string column, string? expression)
    {
        if (expression is null)
        {
            return null;
        }

        return SecretMasker.MaskText(new Scanner(expression, SecretMasker.IsSecretKey(column) ? column : null).Run());
    }

    /// <summary>One pass over the text that tracks which column a literal is being given to.</summary>
    private sealed class Scanner(string sql, string? fixedColumn = null)
    {
        private readonly StringBuilder output = new(sql.Length);
        private int position;
        private int depth;
        private string? lastWord;
        private string? itemColumn;
        private string? assignedColumn;
        private bool afterDefault;
        private bool itemStart = true;

        private InsertState insert;
        private int insertListDepth;
        private int valuesDepth;
        private int tupleDepth = int.MaxValue;
        private int valueIndex;
        private readonly List<string> insertColumns = [];

        private enum InsertState
        {
            None,
            Target,
            Columns,
            AfterColumns,
            Values,
        }

        public string Run()
        {
            while (position < sql.Length)
            {
                var c = sql[position];
                var next = position + 1 < sql.Length ? sql[position + 1] : '\0';
                if (c == '-' && next == '-')
                {
                    CopyUntil("\n", includeEnd: false);
                }
                else if (c == '/' && next == '*')
                {
                    CopyUntil("*/", includeEnd: true);
                }
                else if (c == '\'')
                {
                    Literal();
                }
                else if (char.IsLetter(c) || c is '_' or '"' or '[' or '`')
                {
                    Word();
                }
                else
                {
                    Punctuation(c);
                }
            }

            return output.ToString();
        }

        private void CopyUntil(string end, bool includeEnd)
        {
            var stop = sql.IndexOf(end, position + 2, StringComparison.Ordinal);
            var length = stop < 0 ? sql.Length - position : stop - position + (includeEnd ? end.Length : 0);
            output.Append(sql, position, length);
            position += length;
        }

        private void Literal()
        {
            var content = new StringBuilder();
            var i = position + 1;
            while (i < sql.Length)
            {
                if (sql[i] == '\'')
                {
                    if (i + 1 < sql.Length && sql[i + 1] == '\'')
                    {
                        content.Append("''");
                        i += 2;
                        continue;
                    }

                    break;
                }

                content.Append(sql[i]);
                i++;
            }

            var text = content.ToString();
            var closed = i < sql.Length;
            output.Append('\'');
            output.Append(IsSecretColumn(TargetColumn()) ? SecretMasker.Mask(text) + new string('\n', text.Count(ch => ch == '\n')) : text);
            if (closed)
            {
                output.Append('\'');
            }

            position = closed ? i + 1 : i;
            afterDefault = false;
        }

        private string? TargetColumn()
        {
            if (fixedColumn is not null)
            {
                return fixedColumn;
            }

            if (afterDefault)
            {
                return itemColumn;
            }

            if (assignedColumn is not null)
            {
                return assignedColumn;
            }

            return insert == InsertState.Values && depth >= tupleDepth && valueIndex < insertColumns.Count ? insertColumns[valueIndex] : null;
        }

        private static bool IsSecretColumn(string? column) => column is not null && SecretMasker.IsSecretKey(column);

        private void Word()
        {
            var start = position;
            var close = sql[position] switch { '"' => '"', '[' => ']', '`' => '`', _ => '\0' };
            string name;
            if (close != '\0')
            {
                var end = sql.IndexOf(close, position + 1);
                position = end < 0 ? sql.Length : end + 1;
                name = sql[(start + 1)..Math.Max(start + 1, position - 1)];
            }
            else
            {
                while (position < sql.Length && (char.IsLetterOrDigit(sql[position]) || sql[position] is '_' or '$'))
                {
                    position++;
                }

                name = sql[start..position];
            }

            output.Append(sql, start, position - start);

            // E'...', N'...', X'...': a prefix of the literal that follows, not a word of the statement.
            if (close == '\0' && name.Length <= 2 && position < sql.Length && sql[position] == '\'')
            {
                return;
            }

            OnWord(name, close == '\0' ? name.ToUpperInvariant() : "");
        }

        private void OnWord(string name, string keyword)
        {
            switch (keyword)
            {
                case "INSERT" or "REPLACE":
                    insert = InsertState.Target;
                    insertColumns.Clear();
                    break;
                case "VALUES" when insert is InsertState.Target or InsertState.AfterColumns:
                    insert = InsertState.Values;
                    valuesDepth = depth;
                    break;
                case "DEFAULT":
                    afterDefault = true;
                    break;
                case "AND" or "OR" or "WHERE" or "SET" or "WHEN" or "THEN" or "ELSE" or "END" or "FROM" or "ON":
                    assignedColumn = null;
                    break;
            }

            if (insert == InsertState.Columns && depth == insertListDepth && itemStart)
            {
                insertColumns.Add(name);
            }

            if (string.Equals(lastWord, "COLUMN", StringComparison.OrdinalIgnoreCase) || itemStart)
            {
                itemColumn = name;
            }

            itemStart = false;
            lastWord = name;
        }

        private void Punctuation(char c)
        {
            output.Append(c);
            position++;
            switch (c)
            {
                case '(':
                    depth++;
                    itemStart = true;
                    if (insert == InsertState.Target)
                    {
                        insert = InsertState.Columns;
                        insertListDepth = depth;
                    }
                    else if (insert == InsertState.Values && depth == valuesDepth + 1)
                    {
                        // Each row of a multi-row VALUES starts over at the first column.
                        tupleDepth = depth;
                        valueIndex = 0;
                    }

                    break;
                case ')':
                    if (insert == InsertState.Columns && depth == insertListDepth)
                    {
                        insert = InsertState.AfterColumns;
                    }

                    depth = Math.Max(0, depth - 1);
                    break;
                case ',':
                    itemStart = true;
                    assignedColumn = null;
                    if (insert == InsertState.Values && depth == tupleDepth)
                    {
                        valueIndex++;
                    }

                    break;
                case '=':
                    assignedColumn = lastWord;
                    break;
                case ';':
                    insert = InsertState.None;
                    tupleDepth = int.MaxValue;
                    depth = 0;
                    itemStart = true;
                    itemColumn = null;
                    assignedColumn = null;
                    afterDefault = false;
                    break;
            }
        }
    }
}
