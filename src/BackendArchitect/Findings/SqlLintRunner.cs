using System.Collections.Immutable;
using BackendArchitect.CSharp.Data;
using BackendArchitect.Model;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Findings;

/// <summary>
/// Replays a migration set in order, runs every migration rule on each statement with the schema
/// before it, then every schema rule on the final schema.
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
        var all = (rules ?? RuleCatalog.All).ToArray();
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
        foreach (var rule in schemaRules)
        {
            findings.AddRange(rule.Check(schemaContext));
        }

        return ([.. Order(findings)], replayer.Schema);
    }

    public static IEnumerable<Finding> Order(IEnumerable<Finding> findings) =>
        findings.Distinct()
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ThenBy(f => f.Code, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal);
}
