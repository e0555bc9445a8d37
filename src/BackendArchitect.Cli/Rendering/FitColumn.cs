namespace BackendArchitect.Cli.Rendering;

/// <summary>
/// A column of a table fitted to the terminal width: its header, the width it keeps while other
/// columns give way, and when it gives up width (<paramref name="Shrink"/>) or goes (<paramref name="Drop"/>).
/// </summary>
/// <param name="Min">Shrinking stops here; below it the column is dropped rather than squeezed.</param>
/// <param name="Shrink">Lower narrows first; null keeps its natural width.</param>
/// <param name="Drop">Lower is left out first when narrowing does not fit or wraps too many rows; null is never dropped.</param>
public sealed record FitColumn(string Header, int Min, int? Shrink = null, int? Drop = null);
