using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using BackendArchitect.Model;
using BackendArchitect.Sql.Replay;
using BackendArchitect.Workspace;

namespace BackendArchitect.Sql.Sources;

/// <summary>
/// An SSDT database project (.sqlproj): one declarative SQL Server schema spread over many files
/// (dbo/Tables/*.sql, dbo/Views, Stored Procedures...). Its files are one set, not a folder of
/// migrations each: the schema is all of them together. Pre- and post-deployment scripts are data
/// scripts run around a deployment and are left out, as the project itself leaves them out of the model.
/// </summary>
public static partial class SsdtProject
{
    /// <summary>The workspace's .sqlproj files, deepest first, so a nested project claims its own files.</summary>
    public static IReadOnlyList<SourceFile> Find(WorkspaceSnapshot ws) =>
        [.. ws.OfKind(FileKind.Project)
            .Where(f => f.Path.EndsWith(".sqlproj", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(f => f.Directory.Length)
            .ThenBy(f => f.Path, StringComparer.Ordinal)];

    /// <summary>True when the file lies in the project's directory or below it.</summary>
    public static bool Contains(SourceFile project, SourceFile file) =>
        project.Directory == "." || file.Directory == project.Directory || file.Path.StartsWith(project.Directory + "/", StringComparison.Ordinal);

    /// <summary>
    /// The project's schema files in replay order: schemas and types first, then tables, then the
    /// rest (views, procedures, functions read the tables), each group by path.
    /// </summary>
    public static MigrationSet Read(SourceFile project, IEnumerable<SourceFile> files, ICollection<Diagnostic> diagnostics)
    {
        var excluded = DeploymentScripts(project, diagnostics);
        var ordered = files
            .Where(f => !excluded.Contains(f.Path))
            .OrderBy(Rank)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToArray();
        var read = new Migration[ordered.Length];
        var own = new List<Diagnostic>[ordered.Length];
        Parallel.For(0, ordered.Length, i =>
        {
            own[i] = [];
            read[i] = MigrationSources.ReadSqlFile(ordered[i], "ssdt", SqlDialect.SqlServer, own[i]);
        });
        foreach (var diagnostic in own.SelectMany(d => d))
        {
            diagnostics.Add(diagnostic);
        }

        return new MigrationSet(project.Directory, "ssdt", SqlDialect.SqlServer, [.. read])
        {
            DialectReason = $"as the SSDT project {project.FileName} says",
        };
    }

    private static int Rank(SourceFile file) => FirstCreate().Match(file.Text) switch
    {
        { Success: true } m when m.Groups[1].Value.ToUpperInvariant() is "SCHEMA" or "TYPE" => 0,
        { Success: true } => 1,
        _ => 2,
    };

    /// <summary>Paths (root-relative) of the project's PreDeploy, PostDeploy and None items.</summary>
    private static HashSet<string> DeploymentScripts(SourceFile project, ICollection<Diagnostic> diagnostics)
    {
        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!NestingDepth.WithinLimit(project, "its deployment scripts are not told apart from its schema", diagnostics))
        {
            return paths;
        }

        XDocument doc;
        try
        {
            doc = XDocument.Parse(project.Text);
        }
        catch (XmlException e)
        {
            diagnostics.Add(new Diagnostic(project.Path, e.LineNumber, $"project file is not valid XML, its deployment scripts are not told apart from its schema: {e.Message}"));
            return paths;
        }

        foreach (var item in doc.Descendants().Where(e => e.Name.LocalName is "PreDeploy" or "PostDeploy" or "None"))
        {
            if ((string?)item.Attribute("Include") is { Length: > 0 } include)
            {
                var relative = include.Replace('\\', '/');
                paths.Add(project.Directory == "." ? relative : project.Directory + "/" + relative);
            }
        }

        return paths;
    }

    // The first statement, after comments and SET/GO lines, says what a declarative file defines.
    [GeneratedRegex(@"\A(?:\s+|--[^\n]*\n|/\*.*?\*/|SET\s[^\n]*\n|GO\b)*CREATE\s+(SCHEMA|TYPE|TABLE)\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex FirstCreate();
}
