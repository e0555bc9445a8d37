namespace BackendArchitect.Rules.Schema;

/// <summary>Splits identifiers such as <c>unit_price</c>, <c>UnitPrice</c> or <c>api-key</c> into lower-case words, the unit name heuristics work on.</summary>
public static class IdentifierWords
{
    public static IReadOnlyList<string> Of(string identifier)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(words, current);
                continue;
            }

            var startsWord = char.IsUpper(c) && current.Length > 0
                && (char.IsLower(identifier[i - 1]) || char.IsDigit(identifier[i - 1]) || (i + 1 < identifier.Length && char.IsLower(identifier[i + 1])));
            if (startsWord)
            {
                Flush(words, current);
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush(words, current);
        return words;
    }

    /// <summary>The last schema-less part of a table name, lower-cased (app.Order_Items -> order_items).</summary>
    public static string BareTable(string table) => table[(table.LastIndexOf('.') + 1)..].ToLowerInvariant();

    /// <summary>A plain English singular for table names: categories -> category, addresses -> address, orders -> order.</summary>
    public static string Singular(string word)
    {
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 3)
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        return word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) ? word[..^1] : word;
    }

    private static void Flush(List<string> words, System.Text.StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
