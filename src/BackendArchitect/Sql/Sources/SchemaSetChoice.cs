using System.Collections.Immutable;

namespace BackendArchitect.Sql.Sources;

/// <summary>
/// Which migration set a schema view shows when a path holds several, and what to tell the user: the
/// dialect it chose and why, the other databases of the same folder (reachable with --dialect) and the
/// other folders (reachable by passing them). A folder that holds one schema for several databases is
/// one choice, not several folders.
/// </summary>
public sealed record SchemaSetChoice(MigrationSet Chosen, string Explanation, ImmutableArray<string> Others)
{
    /// <summary>
    /// The databases a multi-database folder is shown in first: the dialects read most completely,
    /// then the ones that are read as a close relative (CockroachDB as PostgreSQL).
    /// </summary>
    private static readonly string[] VariantPreference = ["postgres", "mysql", "sqlite3", "sqlserver", "mssql", "cockroach"];

    /// <summary>Chooses the folder with the most migrations, and in it the most completely read database.</summary>
    public static SchemaSetChoice Choose(IReadOnlyList<MigrationSet> sets)
    {
        var byFolder = sets.GroupBy(s => s.Directory, StringComparer.Ordinal)
            .OrderByDescending(g => g.Max(s => s.Migrations.Length))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();
        var folder = byFolder[0].ToArray();
        var chosen = folder
            .OrderBy(s => Preference(s.Variant))
            .ThenByDescending(s => s.Migrations.Length)
            .ThenBy(s => s.Kind, StringComparer.Ordinal)
            .First();

        var where = chosen.Directory == "." ? "the folder passed" : chosen.Directory;
        var what = chosen.Variant is null ? "" : $"its {chosen.Variant} files, ";
        var explanation = $"schema of {where}: {what}{Counts(chosen.Migrations.Length, chosen.Kind == "ssdt" ? "file" : "migration")} ({chosen.Kind}) read as {SqlDialectDetector.DisplayName(chosen.Dialect)}, {chosen.DialectReason}";
        var siblings = folder.Where(s => s != chosen && s.Variant is not null).Select(s => s.Variant!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (siblings.Length > 0)
        {
            var options = siblings.Select(DialectOption).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
            var how = options.Length == 0 ? "" : $"; --dialect {string.Join("|", options)} selects {(options.Length == 1 ? "them" : "one of them")}";
            explanation += $". The folder also holds files for {string.Join(", ", siblings)}{how}";
        }

        var others = folder.Where(s => s != chosen && s.Variant is null)
            .Select(s => $"also found {s.Kind} migrations in the same folder ({Counts(s.Migrations.Length, "migration")})")
            .Concat(byFolder.Skip(1).Select(g =>
            {
                var first = g.First();
                var databases = g.Count(s => s.Variant is not null);
                var detail = databases > 1 ? $"; {databases} databases" : "";
                var place = g.Key == "." ? "directly in the folder passed" : $"in {g.Key}";
                var advice = g.Key == "." ? "" : "; pass that folder to see its schema";
                return $"also found {first.Kind} migrations {place} ({Counts(g.Max(s => s.Migrations.Length), "migration")}{detail}){advice}";
            }))
            .ToImmutableArray();
        return new SchemaSetChoice(chosen, explanation, others);
    }

    private static int Preference(string? variant)
    {
        var index = variant is null ? -1 : Array.IndexOf(VariantPreference, variant);
        return index < 0 ? VariantPreference.Length : index;
    }

    /// <summary>The --dialect value that selects a folder's files for one database, when there is one.</summary>
    private static string? DialectOption(string variant) => SqlDialectDetector.FromPath(variant) switch
    {
        SqlDialect.PostgreSql when variant == "postgres" => "postgres",
        SqlDialect.MySql => "mysql",
        SqlDialect.Sqlite => "sqlite",
        SqlDialect.SqlServer => "sqlserver",
        _ => null,
    };

    private static string Counts(int count, string noun) => BackendArchitect.Reports.Counts.Of(count, noun);
}
