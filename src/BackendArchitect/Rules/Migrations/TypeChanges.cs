using System.Globalization;

namespace BackendArchitect.Rules.Migrations;

/// <summary>Which column type changes a database does without touching the rows (normalized type spellings in, verdict out).</summary>
internal static class TypeChanges
{
    /// <summary>
    /// PostgreSQL changes that are binary-coercible with no tighter limit, so no rewrite or scan happens:
    /// varchar(n) to a longer or unlimited varchar or to text, text to unlimited varchar, numeric(p,s) to numeric(p2>=p,s) or unconstrained numeric.
    /// </summary>
    public static bool IsSafeInPostgres(string before, string after)
    {
        var (oldName, oldArgs) = Split(before);
        var (newName, newArgs) = Split(after);
        switch (oldName)
        {
            case "character varying" or "text" when newName is "text" || (newName == "character varying" && newArgs.Length == 0):
                return true;
            case "character varying" when newName == "character varying":
                return oldArgs.Length == 1 && newArgs.Length == 1 && Int(oldArgs[0]) is { } n && Int(newArgs[0]) is { } m && m >= n;
            case "numeric" when newName == "numeric":
                return newArgs.Length == 0
                    || (oldArgs.Length >= 1 && newArgs.Length >= 1 && Int(oldArgs[0]) is { } p && Int(newArgs[0]) is { } p2 && p2 >= p
                        && Scale(oldArgs) == Scale(newArgs));
            default:
                return false;
        }
    }

    /// <summary>
    /// MySQL 8.0 extends a VARCHAR in place only while the number of length bytes stays the same (up to 255 bytes:
    /// one, beyond: two). Assuming utf8mb4 (4 bytes a character), that is up to 63 characters, or 64 and more.
    /// </summary>
    public static bool IsInPlaceInMySql(string before, string after)
    {
        var (oldName, oldArgs) = Split(before);
        var (newName, newArgs) = Split(after);
        if (oldName != "varchar" || newName != "varchar" || oldArgs.Length != 1 || newArgs.Length != 1
            || Int(oldArgs[0]) is not { } n || Int(newArgs[0]) is not { } m || m < n)
        {
            return false;
        }

        return (n * 4 <= 255) == (m * 4 <= 255);
    }

    public static bool IsEnumOrSet(string type) => Split(type).Name is "enum" or "set";

    /// <summary>Splits "name(a,b) suffix" into the name (with any suffix) and its arguments.</summary>
    public static (string Name, string[] Args) Split(string type)
    {
        var open = type.IndexOf('(', StringComparison.Ordinal);
        var close = type.LastIndexOf(')');
        if (open < 0 || close < open)
        {
            return (type.Trim().ToLowerInvariant(), []);
        }

        var name = (type[..open] + type[(close + 1)..]).Trim().ToLowerInvariant();
        var args = type[(open + 1)..close].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return (name, args);
    }

    private static int Scale(string[] args) => args.Length > 1 && Int(args[1]) is { } s ? s : 0;

    private static int? Int(string text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
