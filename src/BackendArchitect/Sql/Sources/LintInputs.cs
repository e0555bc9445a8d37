using System.Text.RegularExpressions;
using BackendArchitect.Model;

namespace BackendArchitect.Sql.Sources;

/// <summary>
/// The files `db lint` lints. One of them left unread (too large, binary, nested too deep) makes the run
/// incomplete, not clean: its diagnostic becomes an error that --fail-on counts.
/// </summary>
public static partial class LintInputs
{
    /// <summary>A SQL file, or an EF Core migration by its generated name (20240101120000_AddOrders.cs).</summary>
    public static bool IsLintInput(string path) =>
        path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase) || EfMigrationFileName().IsMatch(Path.GetFileName(path));

    /// <summary>The diagnostics with every skipped lint input raised to an error that says it was not linted.</summary>
    public static IEnumerable<Diagnostic> MarkUnlinted(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => d.Skipped is not null && IsLintInput(d.File) ? NotLinted(d) : d);

    /// <summary>A skipped file's diagnostic as an error: the migrations in it were not checked.</summary>
    public static Diagnostic NotLinted(Diagnostic diagnostic) =>
        diagnostic.Severity == DiagnosticSeverity.Error
            ? diagnostic
            : diagnostic with { Severity = DiagnosticSeverity.Error, Message = diagnostic.Message + "; not linted" };

    // The designer file (…_AddOrders.Designer.cs) holds no operations and does not match.
    [GeneratedRegex(@"^\d{14}_\w+\.cs$")]
    private static partial Regex EfMigrationFileName();
}
