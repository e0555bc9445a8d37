using System.Collections.Immutable;
using BackendArchitect.Config;
using BackendArchitect.Model;

namespace BackendArchitect.Findings;

/// <summary>
/// What one lint run produced: its findings, the diagnostics of reading the input (parse problems),
/// and the metadata of every rule that ran (SARIF lists them even when they found nothing).
/// </summary>
public sealed record FindingsReport(
    ImmutableArray<Finding> Findings,
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<RuleMetadata> Rules)
{
    /// <summary>
    /// A report over the given rules, with findings and diagnostics in the stable order every renderer uses.
    /// Messages quote source text (defaults, literals, tokens the parser stopped at), so their secrets are masked here.
    /// </summary>
    public static FindingsReport Create(IEnumerable<Finding> findings, IEnumerable<Diagnostic> diagnostics, IEnumerable<RuleMetadata> rules) =>
        new(
            [.. SqlLintRunner.Order(findings.Select(f => f with { Message = SecretMasker.MaskText(f.Message), Fix = f.Fix is null ? null : SecretMasker.MaskText(f.Fix) }))],
            [.. diagnostics.Select(d => d with { Message = SecretMasker.MaskText(d.Message) }).Distinct()
                .OrderBy(d => d.File, StringComparer.Ordinal)
                .ThenBy(d => d.Line)
                .ThenBy(d => d.Message, StringComparer.Ordinal)
                .ThenBy(d => d.Severity)],
            [.. rules.DistinctBy(r => r.Code).OrderBy(r => r.Code, StringComparer.Ordinal)]);

    /// <summary>The metadata of a finding's rule, when that rule is one of the rules that ran.</summary>
    public RuleMetadata? RuleOf(Finding finding) => Rules.FirstOrDefault(r => r.Code == finding.Code);

    /// <summary>Input files the rules should have read and could not (skipped as too large, binary, too deep).</summary>
    public ImmutableArray<Diagnostic> NotLinted =>
        [.. Diagnostics.Where(d => d.Skipped is not null && d.Severity == DiagnosticSeverity.Error)];

    /// <summary>How many findings have the given severity.</summary>
    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);

    /// <summary>The report with each finding's source line filled in: see <see cref="Snippets.Fill"/>.</summary>
    public FindingsReport WithSnippets(Func<string, string?> textOf) => this with { Findings = [.. Snippets.Fill(Findings, textOf)] };
}
