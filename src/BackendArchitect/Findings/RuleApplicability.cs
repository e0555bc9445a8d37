using System.Collections.Immutable;
using BackendArchitect.Sql;

namespace BackendArchitect.Findings;

/// <summary>
/// Where a rule runs; the runner checks it before calling the rule, so a rule never tests its own dialect
/// to decide whether to run at all.
/// </summary>
/// <param name="Dialects">The SQL dialects the rule applies to; empty for every dialect.</param>
/// <param name="Languages">The sources the rule reads.</param>
/// <param name="OptIn">Off unless selected by its code or name (or by <paramref name="EnabledBy"/>).</param>
/// <param name="EnabledBy">The command-line flag that also enables an opt-in rule, e.g. "--lock-timeout"; null for none.</param>
public sealed record RuleApplicability(ImmutableArray<SqlDialect> Dialects, ImmutableArray<SourceLanguage> Languages, bool OptIn = false, string? EnabledBy = null)
{
    /// <summary>A SQL rule for every dialect, on by default.</summary>
    public static RuleApplicability AnySql { get; } = new([], [SourceLanguage.Sql]);

    /// <summary>A rule over C# code and the model read from it, on by default.</summary>
    public static RuleApplicability CSharp { get; } = new([], [SourceLanguage.CSharp]);

    /// <summary>A SQL rule for these dialects only, on by default.</summary>
    public static RuleApplicability Sql(params SqlDialect[] dialects) => new([.. dialects], [SourceLanguage.Sql]);

    /// <summary>
    /// True when the rule runs on this dialect. An undetected dialect counts as PostgreSQL, since the detector
    /// falls back to PostgreSQL.
    /// </summary>
    public bool AppliesTo(SqlDialect dialect)
    {
        var dialects = Dialects.IsDefault ? [] : Dialects;
        return dialects.Length == 0 || dialects.Contains(dialect) || (dialect == SqlDialect.Unknown && dialects.Contains(SqlDialect.PostgreSql));
    }

    /// <summary>What the rule reads, for docs: "PostgreSQL, MySQL", "every SQL dialect" or "C#".</summary>
    public string Describe()
    {
        var dialects = Dialects.IsDefault ? [] : Dialects;
        var languages = Languages.IsDefault ? [] : Languages;
        return string.Join(", ", languages.Select(language => language switch
        {
            SourceLanguage.Sql when dialects.Length > 0 => string.Join(", ", dialects.Select(SqlDialectDetector.DisplayName)),
            SourceLanguage.Sql => "every SQL dialect",
            _ => "C#",
        }));
    }
}
