using System.Collections.Immutable;
using BackendArchitect.CSharp.Data;
using BackendArchitect.Findings;
using BackendArchitect.Model;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Sources;
using BackendArchitect.Sql.Sources.Ef;
using BackendArchitect.Workspace;

namespace BackendArchitect.Scanning;

/// <summary>
/// What <c>db lint</c> found: the migration sets, the rules' findings, every diagnostic, each set's final schema
/// (keyed by folder), and the report hosts render: findings masked, ordered and with their source lines.
/// </summary>
public sealed record DbLintResult(
    ImmutableArray<MigrationSet> Sets,
    ImmutableArray<Finding> Findings,
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableDictionary<string, Schema> Schemas,
    FindingsReport Report);

/// <summary>
/// The application layer of <c>db lint</c>: loads each path, discovers its migration sets, replays and lints
/// each set, and reports EF Core model-snapshot drift as diagnostics.
/// </summary>
public static class DbLintEngine
{
    /// <summary>Lints PATHS; <paramref name="cancellation"/> stops the work between files and migration sets, with nothing partial returned.</summary>
    public static DbLintResult Lint(IReadOnlyList<string> paths, SqlDialect? dialect, LintOptions options, CancellationToken cancellation = default)
    {
        foreach (var path in paths)
        {
            if (!Directory.Exists(path) && !File.Exists(path))
            {
                throw new InputException($"path not found: {path}");
            }
        }

        var run = new Run();
        foreach (var path in paths)
        {
            var workspace = WorkspaceLoader.Load(path, cancellation: cancellation);
            run.Diagnostics.AddRange(LintInputs.MarkUnlinted(workspace.Diagnostics));
            run.Add(workspace, dialect, options, cancellation);
        }

        return run.Result();
    }

    /// <summary>
    /// Lints the migration sets of a workspace already loaded (the review's); its diagnostics are not repeated,
    /// since the review reports the workspace's own.
    /// </summary>
    public static DbLintResult Lint(WorkspaceSnapshot workspace, LintOptions options, CancellationToken cancellation = default)
    {
        var run = new Run();
        run.Add(workspace, null, options, cancellation);
        return run.Result();
    }

    /// <summary>What the lint of one or more workspaces collects before it is ordered into a result.</summary>
    private sealed class Run
    {
        private readonly List<MigrationSet> sets = [];
        private readonly List<Finding> findings = [];
        private readonly ImmutableDictionary<string, Schema>.Builder schemas = ImmutableDictionary.CreateBuilder<string, Schema>(StringComparer.Ordinal);

        // Snippets come from the text each workspace already read, so no host reads a file again.
        // Findings name files relative to their path; with one name under several paths the first path's text is shown.
        private readonly Dictionary<string, string> texts = new(StringComparer.Ordinal);

        public List<Diagnostic> Diagnostics { get; } = [];

        public void Add(WorkspaceSnapshot workspace, SqlDialect? dialect, LintOptions options, CancellationToken cancellation)
        {
            var discovered = MigrationSources.Discover(workspace, dialect, Diagnostics);
            var code = new ColumnProtection([.. workspace.OfKind(FileKind.CSharp)]);
            foreach (var set in discovered)
            {
                cancellation.ThrowIfCancellationRequested();
                var (setFindings, schema) = SqlLintRunner.Run(set.Migrations, set.Dialect, options, code: code);
                findings.AddRange(setFindings);
                KeepTexts(workspace, setFindings, texts);
                var key = set.Variant is null ? set.Directory : $"{set.Directory} ({set.Variant})";
                key = schemas.ContainsKey(key) ? $"{key} ({set.Kind})" : key;
                schemas[key] = schema;
                sets.Add(set);
                if (set.Snapshot is { } snapshotFile && NestingDepth.WithinLimit(snapshotFile, "the EF model snapshot is not compared with the migrations", Diagnostics))
                {
                    var snapshot = EfSnapshotReader.Read(snapshotFile.Path, snapshotFile.Text, set.Dialect, Diagnostics);
                    foreach (var difference in EfDrift.Compare(schema, snapshot))
                    {
                        Diagnostics.Add(new Diagnostic(snapshotFile.Path, 1, "EF model drift: " + difference.Message));
                    }
                }
            }
        }

        public DbLintResult Result()
        {
            ImmutableArray<Diagnostic> ordered = [.. Diagnostics.Distinct().OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Message, StringComparer.Ordinal)];
            // Snippets are filled here, where the lint runs (beside the scan in a review), so a review takes them as they are.
            var filled = Snippets.Fill(findings, file => texts.GetValueOrDefault(file));
            var report = FindingsReport.Create(filled, ordered, RuleCatalog.Reading(SourceLanguage.Sql).Select(r => r.Metadata));
            return new DbLintResult([.. sets], [.. SqlLintRunner.Order(filled)], ordered, schemas.ToImmutable(), report);
        }
    }

    private static void KeepTexts(WorkspaceSnapshot workspace, IEnumerable<Finding> findings, Dictionary<string, string> texts)
    {
        var wanted = findings.Select(f => f.File).Where(file => !texts.ContainsKey(file)).ToHashSet(StringComparer.Ordinal);
        foreach (var file in workspace.Files.Where(f => wanted.Contains(f.Path)))
        {
            texts[file.Path] = file.Text;
        }
    }
}
