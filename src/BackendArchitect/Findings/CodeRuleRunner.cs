using BackendArchitect.Model;

namespace BackendArchitect.Findings;

/// <summary>
/// Runs the selected review rules over one review context. Rules are independent and read immutable
/// input, so they run in parallel; the findings are ordered by the report.
/// </summary>
public static class CodeRuleRunner
{
    /// <summary>The rules that read the model and the linker's graph.</summary>
    public static (List<Finding> Findings, List<Diagnostic> Diagnostics) Run(CodeReviewContext context, LintOptions options, CancellationToken cancellation = default) =>
        Run(RuleCatalog.OfType<ICodeRule>(), rule => rule.Check(context), options, cancellation);

    /// <summary>The rules that read source only; the review starts them as soon as the C# is parsed.</summary>
    public static (List<Finding> Findings, List<Diagnostic> Diagnostics) Run(SyntaxReviewContext context, LintOptions options, CancellationToken cancellation = default) =>
        Run(RuleCatalog.OfType<ISyntaxRule>(), rule => rule.Check(context), options, cancellation);

    private static (List<Finding> Findings, List<Diagnostic> Diagnostics) Run<T>(IEnumerable<T> selectable, Func<T, IEnumerable<Finding>> check, LintOptions options, CancellationToken cancellation)
        where T : IRule
    {
        var rules = selectable.Where(r => options.Selects(r.Metadata)).ToArray();
        var results = new List<Finding>[rules.Length];
        var failures = new Diagnostic?[rules.Length];
        Parallel.For(0, rules.Length, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            try
            {
                results[i] = [.. check(rules[i])];
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One rule tripping over unexpected code must not cost the user the rest of the review.
                results[i] = [];
                failures[i] = new Diagnostic(".", 0, $"rule {rules[i].Metadata.Code} stopped on unexpected input and reported nothing: {e.GetType().Name}: {e.Message}", DiagnosticSeverity.Error);
            }
        });

        return ([.. results.SelectMany(r => r)], [.. failures.OfType<Diagnostic>()]);
    }
}
