namespace BackendArchitect.Workspace;

/// <summary>Decides from a file name which front-end wants it; everything else is not read at all.</summary>
public static class FileClassifier
{
    public static FileKind? Classify(string fileName)
    {
        var lower = fileName.ToLowerInvariant();
        if (lower == "dockerfile" || lower.StartsWith("dockerfile.") || lower.EndsWith(".dockerfile"))
        {
            return FileKind.Dockerfile;
        }

        return Path.GetExtension(lower) switch
        {
            ".cs" => FileKind.CSharp,
            ".csproj" or ".props" or ".targets" or ".sqlproj" => FileKind.Project,
            ".cshtml" => FileKind.Razor,
            ".razor" => FileKind.RazorComponent,
            ".json" => FileKind.Json,
            ".yml" or ".yaml" => FileKind.Yaml,
            ".sql" => FileKind.Sql,
            ".proto" => FileKind.Proto,
            _ => null,
        };
    }

    /// <summary>EF Core migration designer files and model snapshots: generated, large, read cheaply.</summary>
    public static bool IsGenerated(string fileName) =>
        fileName.EndsWith(".Designer.cs", StringComparison.OrdinalIgnoreCase)
        || fileName.EndsWith("ModelSnapshot.cs", StringComparison.Ordinal)
        || fileName.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase)
        || fileName.EndsWith(".generated.cs", StringComparison.OrdinalIgnoreCase);
}
