using System.Collections.Immutable;
using BackendArchitect.CSharp.Data;
using BackendArchitect.Findings;
using BackendArchitect.Model;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Sources;
using BackendArchitect.Sql.Sources.Ef;
using BackendArchitect.Workspace;

namespace BackendArchitect.Scanning;

/// <summary>What <c>db lint</c> found: the migration sets, the rules' findings, every diagnostic and each set's final schema (keyed by folder).</summary>
public sealed record DbLintResult(
    ImmutableArray<MigrationSet> Sets,
    ImmutableArray<Finding> Findings,
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableDictionary<string, Schema> Schemas);

/// <summary>
/// The application layer of <c>db lint</c>: loads each path, discovers its migration sets, replays and lints
/// each set, and reports EF Core model-snapshot drift as diagnostics.
/// </summary>
public static class DbLintEngine
{
    public static DbLintResult Lint(IReadOnlyList<string> paths, SqlDialect? dialect, LintOptions options)
    {
        foreach (var path in paths)
        {
            if (!Directory.Exists(path) && !File.Exists(path))
            {
                throw new InputException($"path not found: {path}");
            }
        }

        var sets = new List<MigrationSet>();
        var findings = new List<Finding>();
        var diagnostics = new List<Diagnostic>();
        var schemas = ImmutableDictionary.CreateBuilder<string, Schema>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var workspace = WorkspaceLoader.Load(path);
            diagnostics.AddRange(LintInputs.MarkUnlinted(workspace.Diagnostics));
            var discovered = MigrationSources.Discover(workspace, dialect, diagnostics);
            var code = new ColumnProtection([.. workspace.OfKind(FileKind.CSharp)]);
            foreach (var set in discovered)
            {
                var (setFindings, schema) = SqlLintRunner.Run(set.Migrations, set.Dialect, options, code: code);
                findings.AddRange(setFindings);
                var key = set.Variant is null ? set.Directory : $"{set.Directory} ({set.Variant})";
                key = schemas.ContainsKey(key) ? $"{key} ({set.Kind})" : key;
                schemas[key] = schema;
                sets.Add(set);
                if (set.Snapshot is { } snapshotFile && NestingDepth.WithinLimit(snapshotFile, "the EF model snapshot is not compared with the migrations", diagnostics))
                {
                    var snapshot = EfSnapshotReader.Read(snapshotFile.Path, snapshotFile.Text, set.Dialect, diagnostics);
                    foreach (var difference in EfDrift.Compare(schema, snapshot))
                    {
                        diagnostics.Add(new Diagnostic(snapshotFile.Path, 1, "EF model drift: " + difference.Message));
                    }
                }
            }
        }

        return new DbLintResult(
            [.. sets],
            [.. SqlLintRunner.Order(findings)],
            [.. diagnostics.Distinct().OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Message, StringComparer.Ordinal)],
            schemas.ToImmutable());
    }
}
