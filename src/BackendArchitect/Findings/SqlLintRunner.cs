using System.Collections.Immutable;
using BackendArchitect.CSharp.Data;
using BackendArchitect.Model;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Findings;

/// <summary>
/// Replays a migration set in order, runs every migration rule that applies to the dialect and is selected on each statement with the schema
/// before it, then every schema rule on the final schema; a deferring migration rule's finding gives way to the
/// schema finding it defers to at the same line.
/// </summary>
public static class SqlLintRunner
{
    public static (ImmutableArray<Finding> Findings, Schema Schema) Run(
        IReadOnlyList<Migration> migrations,
        SqlDialect dialect,
        LintOptions options,
        IReadOnlyDictionary<string, IReadOnlyList<SourceLocation>>? codeReferences = null,
        IEnumerable<IRule>? rules = null,
        ColumnProtection? code = null)
    {
        var all = (rules ?? RuleCatalog.All).Where(r => options.Runs(r.Metadata, dialect)).ToArray();
        var migrationRules = all.OfType<IMigrationRule>().ToArray();
        var schemaRules = all.OfType<ISchemaRule>().ToArray();
        var context = new MigrationLintContext(dialect, options, codeReferences ?? MigrationLintContext.NoReferences);
        var replayer = new SchemaReplayer(dialect);
        var findings = new List<Finding>();
        foreach (var step in replayer.Replay(migrations))
        {
            foreach (var rule in migrationRules)
            {
                findings.AddRange(rule.Check(step, context));
            }
        }

        var file = migrations.Count > 0 ? migrations[^1].File : "";
        var schemaContext = new SchemaLintContext(replayer.Schema, dialect, options, file) { Code = code ?? ColumnProtection.None };
        var schemaFindings = schemaRules.SelectMany(r => r.Check(schemaContext)).ToList();
        findings.RemoveAll(f => Deferred(f, schemaFindings, migrationRules));
        findings.AddRange(schemaFindings);

        return ([.. Order(findings)], replayer.Schema);
    }

    /// <summary>True when the finding's rule defers to a schema rule that reported at the same file and line.</summary>
    private static bool Deferred(Finding finding, List<Finding> schemaFindings, IMigrationRule[] migrationRules) =>
        migrationRules.OfType<IDeferringRule>().FirstOrDefault(r => r.Metadata.Code == finding.Code) is { } rule
        && schemaFindings.Any(s => s.File == finding.File && s.Line == finding.Line && rule.DefersTo.Contains(s.Code));

    public static IEnumerable<Finding> Order(IEnumerable<Finding> findings) =>
        findings.Distinct()
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ThenBy(f => f.Code, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal);
}
