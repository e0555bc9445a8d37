using BackendArchitect.Findings;
using BackendArchitect.Model;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Tests.Rules.Migrations;

/// <summary>Runs migration rules over inline SQL migrations, for tests that need options the fixture harness does not set.</summary>
internal static class MigrationRuleTestKit
{
    public static IReadOnlyList<Finding> Lint(
        SqlDialect dialect,
        LintOptions? options,
        IReadOnlyDictionary<string, IReadOnlyList<SourceLocation>>? references,
        params (string File, string Sql, bool? InTransaction)[] migrations)
    {
        var parsed = migrations
            .Select(m => Migration.FromParse(m.File, SqlParser.Parse(m.File, m.Sql, dialect), m.InTransaction))
            .ToList();
        return SqlLintRunner.Run(parsed, dialect, options ?? new LintOptions(), references, RuleCatalog.OfType<IMigrationRule>()).Findings;
    }
}
