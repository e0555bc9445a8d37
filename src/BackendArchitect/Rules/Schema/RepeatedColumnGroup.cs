using System.Text.RegularExpressions;
using BackendArchitect.Findings;
using BackendArchitect.Model;

namespace BackendArchitect.Rules.Schema;

/// <summary>SCH012: numbered columns of the same type (phone1, phone2, phone3) that stand for a list.</summary>
public sealed partial class RepeatedColumnGroup : ISchemaRule
{
    /// <summary>Numbered prefixes that are conventional and bounded: postal address lines.</summary>
    private static readonly string[] AllowedPrefixes = ["address_line", "addressline", "address", "addr_line", "line", "street"];

    public RuleMetadata Metadata { get; } = new(
        "SCH012",
        "repeated-column-group",
        "schema",
        Severity.Note,
        "Two or more columns share a name and differ only by a consecutive number (phone1, phone2), with the same type.",
        "Numbered columns model a list in the shape of a row: the table caps how many values there can be, queries must test "
            + "every column (WHERE phone1 = $1 OR phone2 = $1 OR ...), nothing indexes the values together, and adding a third "
            + "needs a migration. A child table (customer_phones) or, in PostgreSQL, an array column keeps them as data. "
            + "The rule reports a group when at least two columns of the same type have the same prefix of three or more letters "
            + "followed by consecutive numbers starting at 0, 1 or 2 (so sha1/sha256 or ipv4/ipv6 are not a group). Postal address "
            + "lines (address_line1, address_line2) are a bounded convention and are allowed.",
        "CREATE TABLE customers (\n    id bigint PRIMARY KEY,\n    phone1 text,\n    phone2 text,\n    phone3 text\n);",
        "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE customer_phones (\n    customer_id bigint NOT NULL REFERENCES customers (id),\n    phone text NOT NULL,\n    PRIMARY KEY (customer_id, phone)\n);",
        [
            "https://www.postgresql.org/docs/current/arrays.html",
            "https://www.postgresql.org/docs/current/ddl-constraints.html#DDL-CONSTRAINTS-FK",
            "https://dev.mysql.com/doc/refman/8.0/en/example-foreign-keys.html",
        ],
        []);

    public IEnumerable<Finding> Check(SchemaLintContext context)
    {
        foreach (var table in context.Schema.Tables.Values)
        {
            var groups = new Dictionary<(string Prefix, string Type), List<(int Number, Column Column)>>();
            foreach (var column in table.Columns)
            {
                var match = Numbered().Match(column.Name);
                if (!match.Success || !int.TryParse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture, out var number))
                {
                    continue;
                }

                var prefix = match.Groups["prefix"].Value.ToLowerInvariant();
                if (prefix.Count(char.IsLetter) < 3 || AllowedPrefixes.Any(p => prefix.TrimEnd('_').EndsWith(p, StringComparison.Ordinal)))
                {
                    continue;
                }

                var key = (prefix.TrimEnd('_'), column.Type.ToLowerInvariant());
                if (!groups.TryGetValue(key, out var members))
                {
                    groups[key] = members = [];
                }

                members.Add((number, column));
            }

            foreach (var ((prefix, _), members) in groups.OrderBy(g => g.Value[0].Column.Origin?.Line ?? 0).ThenBy(g => g.Key.Prefix, StringComparer.Ordinal))
            {
                if (!IsSequence(members))
                {
                    continue;
                }

                var first = members.OrderBy(m => m.Number).First().Column;
                var names = string.Join(", ", members.OrderBy(m => m.Number).Select(m => m.Column.Name));
                yield return SchemaFindings.At(
                    Metadata,
                    context,
                    first.Origin,
                    $"Columns {names} of {SchemaFindings.TableName(table)} repeat one value as numbered columns.",
                    $"Move the {prefix} values to a child table (one row per value) or an array column.");
            }
        }
    }

    private static bool IsSequence(List<(int Number, Column Column)> members)
    {
        if (members.Count < 2)
        {
            return false;
        }

        var numbers = members.Select(m => m.Number).Order().ToArray();
        if (numbers[0] > 2)
        {
            return false;
        }

        for (var i = 1; i < numbers.Length; i++)
        {
            if (numbers[i] != numbers[i - 1] + 1)
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"^(?<prefix>.*[A-Za-z]_?)(?<n>[0-9]{1,2})$")]
    private static partial Regex Numbered();
}
