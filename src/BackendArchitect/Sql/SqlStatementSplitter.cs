namespace BackendArchitect.Sql;

/// <summary>
/// Splits a token stream into statements on ';' (or the MySQL client delimiter), keeping the
/// BEGIN ... END bodies of CREATE FUNCTION/PROCEDURE/TRIGGER/EVENT whole.
/// </summary>
public static class SqlStatementSplitter
{
    public static List<StatementRange> Split(SqlScript script)
    {
        var ranges = new List<StatementRange>();
        var tokens = script.Tokens;
        var from = 0;
        var routine = false;
        var depth = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind is SqlTokenKind.Delimiter or SqlTokenKind.DelimiterCommand
                || (depth == 0 && script.IsOperator(i, ';')))
            {
                Close(ranges, from, i);
                from = i + 1;
                routine = false;
                depth = 0;
                continue;
            }

            if (token.Kind != SqlTokenKind.Word)
            {
                continue;
            }

            if (!routine && i - from < 8 && script.IsWord(from, "CREATE") && IsRoutineKeyword(script, i))
            {
                routine = true;
                continue;
            }

            if (!routine)
            {
                continue;
            }

            if (script.IsWord(i, "BEGIN") && !IsTransactionBegin(script, i))
            {
                depth++;
            }
            else if (depth > 0 && script.IsWord(i, "CASE") && !script.IsWord(i - 1, "END"))
            {
                depth++;
            }
            else if (depth > 0 && script.IsWord(i, "END") && !ClosesOtherBlock(script, i + 1))
            {
                depth--;
            }
        }

        Close(ranges, from, tokens.Count);
        return ranges;
    }

    private static void Close(List<StatementRange> ranges, int from, int to)
    {
        if (to > from)
        {
            ranges.Add(new StatementRange(from, to));
        }
    }

    private static bool IsRoutineKeyword(SqlScript script, int i) =>
        script.IsWord(i, "FUNCTION") || script.IsWord(i, "PROCEDURE") || script.IsWord(i, "TRIGGER") || script.IsWord(i, "EVENT");

    private static bool IsTransactionBegin(SqlScript script, int i) =>
        script.IsWord(i + 1, "TRANSACTION") || script.IsWord(i + 1, "WORK") || script.IsOperator(i + 1, ';');

    private static bool ClosesOtherBlock(SqlScript script, int next) =>
        script.IsWord(next, "IF") || script.IsWord(next, "LOOP") || script.IsWord(next, "WHILE")
        || script.IsWord(next, "REPEAT") || script.IsWord(next, "FOR");
}
