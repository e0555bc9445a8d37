using System.Collections.Immutable;

namespace BackendArchitect.Findings;

/// <summary>
/// Everything a user reads about a rule, declared in the rule's own file: docs/rules/CODE.md,
/// `architect explain CODE` and SARIF rule descriptors are generated from it.
/// </summary>
/// <param name="Code">Stable id such as SCH001 or MIG003.</param>
/// <param name="Name">kebab-case name, e.g. table-without-primary-key.</param>
/// <param name="Category">schema, migration, security, data-access, performance, reliability, api.</param>
/// <param name="Summary">One line: what the rule finds.</param>
/// <param name="Why">Why it matters, in a paragraph.</param>
/// <param name="Bad">An example that the rule reports.</param>
/// <param name="Good">The same example written safely.</param>
/// <param name="References">Links to the documentation that backs the rule.</param>
/// <param name="Tags">CWE/OWASP ids and dialect tags, e.g. "postgres".</param>
public sealed record RuleMetadata(
    string Code,
    string Name,
    string Category,
    Severity DefaultSeverity,
    string Summary,
    string Why,
    string Bad,
    string Good,
    ImmutableArray<string> References,
    ImmutableArray<string> Tags)
{
    /// <summary>Where the rule runs: dialects, languages, opt-in. Dialect tags in <see cref="Tags"/> describe; this decides.</summary>
    public RuleApplicability Applicability { get; init; } = RuleApplicability.AnySql;

    /// <summary>
    /// For security rules, the CVSS-like score (0.0 to 10.0, as text) code scanning ranks alerts by; null to derive
    /// it from the default severity.
    /// </summary>
    public string? SecuritySeverity { get; init; }
}
