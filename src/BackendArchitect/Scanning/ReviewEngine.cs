using System.Collections.Immutable;
using BackendArchitect.Findings;
using BackendArchitect.Model;
using BackendArchitect.Sql.Sources;
using BackendArchitect.Workspace;

namespace BackendArchitect.Scanning;

/// <summary>What a review is asked for: how the workspace is read and which rules run with which options.</summary>
public sealed record ReviewOptions
{
    public WorkspaceOptions Workspace { get; init; } = new();

    /// <summary>The options of the schema and migration rules, and the rule selection of every family.</summary>
    public LintOptions Lint { get; init; } = new();
}

/// <summary>One review: the system model it read and every family's findings in one report.</summary>
public sealed record ReviewResult(SystemModel Model, FindingsReport Report);

/// <summary>
/// The application layer of <c>review</c>: reads the workspace once, builds the system model, runs the
/// review rules over it and the schema and migration rules over the migration sets it holds, and returns
/// one report whose snippets come from the files already read. Every host (CLI, MCP, HTML) calls this.
/// </summary>
public static class ReviewEngine
{
    /// <summary>Reviews PATH; <paramref name="cancellation"/> stops the work between phases, with nothing partial returned.</summary>
    public static ReviewResult Review(string path, ReviewOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        options ??= new ReviewOptions();
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            throw new InputException($"path not found: {path}");
        }

        progress?.Report("Listing files");
        var workspace = WorkspaceLoader.Load(path, options.Workspace, progress, cancellation);
        return Review(workspace, options, progress, cancellation);
    }

    /// <summary>The task's result, with its own exception (a cancellation, an input error) rather than an AggregateException.</summary>
    private static DbLintResult? GetResult(Task<DbLintResult?> task) => task.GetAwaiter().GetResult();

    public static ReviewResult Review(WorkspaceSnapshot workspace, ReviewOptions options, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        // The schema and migration lint reads only the workspace, so it runs beside the scan and the code rules;
        // it is skipped when the selection leaves no SQL rule to run.
        var sqlRules = RuleCatalog.Reading(SourceLanguage.Sql).Any(r => options.Lint.Selects(r.Metadata));
        var lintTask = sqlRules
            ? Task.Run<DbLintResult?>(() => DbLintEngine.Lint(workspace, options.Lint, cancellation), cancellation)
            : Task.FromResult<DbLintResult?>(null);

        // The rules that read source only run from the moment the C# is parsed, beside the scan's later phases.
        SyntaxReviewContext? source = null;
        var syntaxTask = Task.FromResult<(List<Finding>, List<Diagnostic>)>(([], []));
        var (model, _, links) = ScanEngine.Analyze(workspace, progress, cancellation, parsed: corpus =>
        {
            source = new SyntaxReviewContext(corpus, workspace);
            syntaxTask = Task.Run(() => CodeRuleRunner.Run(source, options.Lint, cancellation), cancellation);
        });

        progress?.Report("Reviewing the code");
        var (findings, diagnostics) = CodeRuleRunner.Run(new CodeReviewContext(model, source!, links), options.Lint, cancellation);
        var (syntaxFindings, syntaxDiagnostics) = syntaxTask.GetAwaiter().GetResult();
        findings.AddRange(syntaxFindings);
        diagnostics.AddRange(syntaxDiagnostics);

        progress?.Report("Linting schemas and migrations");
        if (GetResult(lintTask) is { } lint)
        {
            findings.AddRange(lint.Findings);
            diagnostics.AddRange(lint.Diagnostics);
        }

        diagnostics.AddRange(LintInputs.MarkUnlinted(model.Diagnostics));

        var rules = RuleCatalog.All.Select(r => r.Metadata).Where(options.Lint.Selects);
        var texts = workspace.Files.ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
        var report = FindingsReport.Create(findings, diagnostics, rules).WithSnippets(file => texts.GetValueOrDefault(file));
        return new ReviewResult(model, report);
    }
}
