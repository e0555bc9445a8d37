using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace BackendArchitect.Sql.Sources;

/// <summary>What a migration file name says: its tool's naming scheme, the sort key and whether it is applied at all.</summary>
public sealed partial record MigrationFileName(string Kind, ImmutableArray<long> Version, int Group, bool Skipped)
{
    /// <summary>Reads a file name; Group orders Flyway's repeatables after versioned scripts.</summary>
    public static MigrationFileName Read(string fileName)
    {
        if (Flyway().Match(fileName) is { Success: true } flyway)
        {
            var prefix = char.ToUpperInvariant(flyway.Groups[1].Value[0]);
            return prefix switch
            {
                'R' => new("flyway", [], 1, false),
                'U' => new("flyway", Parts(flyway.Groups[2].Value), 0, true),
                _ => new("flyway", Parts(flyway.Groups[2].Value), 0, false),
            };
        }

        if (UpDown().Match(fileName) is { Success: true } upDown)
        {
            var down = upDown.Groups[2].Value.Equals("down", StringComparison.OrdinalIgnoreCase);
            return new("golang-migrate", Parts(upDown.Groups[1].Value), 0, down);
        }

        if (Dated().Match(fileName) is { Success: true } dated)
        {
            return new("dated", Parts(dated.Groups[1].Value), 0, false);
        }

        return new("numbered", Numbers(fileName), 0, false);
    }

    /// <summary>Compares by version parts numerically, then by the file name ordinally.</summary>
    public static int Compare(MigrationFileName a, string aName, MigrationFileName b, string bName)
    {
        var byGroup = a.Group.CompareTo(b.Group);
        if (byGroup != 0)
        {
            return byGroup;
        }

        for (var i = 0; i < Math.Max(a.Version.Length, b.Version.Length); i++)
        {
            var x = i < a.Version.Length ? a.Version[i] : 0;
            var y = i < b.Version.Length ? b.Version[i] : 0;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }

        return StringComparer.Ordinal.Compare(aName, bName);
    }

    private static ImmutableArray<long> Parts(string version) =>
        [.. version.Split(['.', '_'], StringSplitOptions.RemoveEmptyEntries).Select(p => long.TryParse(p, out var n) ? n : 0)];

    private static ImmutableArray<long> Numbers(string fileName) =>
        [.. Digits().Matches(fileName).Take(4).Select(m => long.TryParse(m.Value.Length > 18 ? m.Value[..18] : m.Value, out var n) ? n : 0)];

    [GeneratedRegex(@"^([VUR])(\d+(?:[._]\d+)*)?__.+\.sql$", RegexOptions.IgnoreCase)]
    private static partial Regex Flyway();

    [GeneratedRegex(@"^(\d+)_.*\.(up|down)\.sql$", RegexOptions.IgnoreCase)]
    private static partial Regex UpDown();

    [GeneratedRegex(@"^(\d{14})_.*\.sql$", RegexOptions.IgnoreCase)]
    private static partial Regex Dated();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
