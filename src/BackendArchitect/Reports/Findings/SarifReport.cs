using System.Text;
using System.Text.Json.Nodes;
using BackendArchitect.Findings;
using BackendArchitect.Model;

namespace BackendArchitect.Reports.Findings;

/// <summary>
/// Findings as SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers): one run whose
/// driver lists every rule that ran with its help, results with relative locations under the
/// SRCROOT base and stable partialFingerprints, and input problems as tool execution notifications.
/// No timestamps, so the same input gives the same bytes.
/// </summary>
public static class SarifReport
{
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    public const string UriBaseId = "SRCROOT";

    public const string ToolName = "architect";

    /// <summary>The SARIF log; <paramref name="toolVersion"/> (e.g. "0.1.0") fills driver.version and semanticVersion.</summary>
    public static string Render(FindingsReport report, string? toolVersion = null)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < report.Rules.Length; i++)
        {
            ruleIndex.TryAdd(report.Rules[i].Code, i);
        }

        var fingerprints = Fingerprints.Of(report.Findings);
        var driver = new JsonObject { ["name"] = ToolName };
        if (toolVersion is not null)
        {
            driver["version"] = toolVersion;
            driver["semanticVersion"] = toolVersion;
        }

        driver["rules"] = new JsonArray([.. report.Rules.Select(Rule)]);
        var run = new JsonObject
        {
            ["tool"] = new JsonObject { ["driver"] = driver },
            ["invocations"] = new JsonArray(new JsonObject
            {
                ["executionSuccessful"] = true,
                ["toolExecutionNotifications"] = new JsonArray([.. report.Diagnostics.Select(Notification)]),
            }),
            ["results"] = new JsonArray([.. report.Findings.Select((f, i) => Result(f, fingerprints[i], ruleIndex))]),
            ["columnKind"] = "utf16CodeUnits",
        };
        var root = new JsonObject
        {
            ["$schema"] = Schema,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
        return root.ToJsonString(FindingsJson.Options) + "\n";
    }

    /// <summary>The SARIF level of a severity.</summary>
    public static string Level(Severity severity) => FindingsText.Word(severity);

    private static JsonObject Rule(RuleMetadata rule)
    {
        var tags = new SortedSet<string>(StringComparer.Ordinal) { rule.Category };
        tags.UnionWith(rule.Tags.IsDefault ? [] : rule.Tags);

        // GitHub code scanning reads CWE ids in this form, and shows security-severity only on rules tagged "security".
        tags.UnionWith(tags.Where(t => t.StartsWith("CWE-", StringComparison.Ordinal)).Select(t => "external/cwe/cwe-" + t["CWE-".Length..]).ToArray());
        return new JsonObject
        {
            ["id"] = rule.Code,
            ["name"] = PascalName(rule.Name),
            ["shortDescription"] = new JsonObject { ["text"] = rule.Summary.Trim() },
            ["fullDescription"] = new JsonObject { ["text"] = rule.Why.ReplaceLineEndings("\n").Trim() },
            ["help"] = new JsonObject
            {
                ["text"] = HelpText(rule),
                ["markdown"] = RuleDocs.Help(rule),
            },
            ["defaultConfiguration"] = new JsonObject { ["level"] = Level(rule.DefaultSeverity) },
            ["properties"] = Properties(rule, tags),
        };
    }

    private static JsonObject Properties(RuleMetadata rule, SortedSet<string> tags)
    {
        var properties = new JsonObject
        {
            ["category"] = rule.Category,
            ["kebabName"] = rule.Name,
            ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)t)]),
        };

        // GitHub code scanning ranks security alerts by this CVSS-like score (a string, 0.0 to 10.0).
        if (rule.Category == "security")
        {
            properties["security-severity"] = rule.SecuritySeverity ?? rule.DefaultSeverity switch
            {
                Severity.Error => "8.0",
                Severity.Warning => "5.0",
                _ => "2.0",
            };
        }

        return properties;
    }

    private static JsonObject Result(Finding finding, string fingerprint, IReadOnlyDictionary<string, int> ruleIndex)
    {
        var result = new JsonObject { ["ruleId"] = finding.Code };
        if (ruleIndex.TryGetValue(finding.Code, out var index))
        {
            result["ruleIndex"] = index;
        }

        result["level"] = Level(finding.Severity);
        result["message"] = new JsonObject { ["text"] = finding.Fix is null ? finding.Message : finding.Message + " Fix: " + finding.Fix };
        var location = Location(finding.Location, finding.Snippet);
        result["locations"] = location is null ? new JsonArray() : new JsonArray(location);
        var related = finding.Related.IsDefault ? [] : finding.Related;
        if (related.Length > 0)
        {
            result["relatedLocations"] = new JsonArray([.. related.Select((r, i) => RelatedLocation(r, i + 1)).OfType<JsonObject>()]);
        }

        result["partialFingerprints"] = new JsonObject { [Fingerprints.Key] = fingerprint };
        return result;
    }

    private static JsonObject Notification(Diagnostic diagnostic)
    {
        var notification = new JsonObject
        {
            ["level"] = FindingsJson.DiagnosticWord(diagnostic.Severity),
            ["message"] = new JsonObject { ["text"] = diagnostic.Message },
        };
        if (Location(new SourceLocation(diagnostic.File, diagnostic.Line), null) is { } location)
        {
            notification["locations"] = new JsonArray(location);
        }

        return notification;
    }

    /// <summary>A related location with the id a result's message could refer to, and its description.</summary>
    private static JsonObject? RelatedLocation(RelatedLocation related, int id)
    {
        if (Location(related.Location, null) is not { } location)
        {
            return null;
        }

        location["id"] = id;
        location["message"] = new JsonObject { ["text"] = related.Message };
        return location;
    }

    private static JsonObject? Location(SourceLocation at, string? snippet)
    {
        if (string.IsNullOrEmpty(at.File))
        {
            return null;
        }

        var physical = new JsonObject
        {
            ["artifactLocation"] = new JsonObject { ["uri"] = RelativeUri(at.File), ["uriBaseId"] = UriBaseId },
        };
        if (at.Line >= 1)
        {
            var region = new JsonObject { ["startLine"] = at.Line };
            if (at.Column >= 1)
            {
                region["startColumn"] = at.Column;
            }

            // An end before the start would be invalid SARIF; a rule that knows only the start leaves it 0.
            if (at.EndLine >= at.Line && (at.EndLine > at.Line || at.EndColumn > at.Column))
            {
                region["endLine"] = at.EndLine;
                if (at.EndColumn >= 1)
                {
                    region["endColumn"] = at.EndColumn;
                }
            }

            if (snippet is not null)
            {
                region["snippet"] = new JsonObject { ["text"] = snippet };
            }

            physical["region"] = region;
        }

        return new JsonObject { ["physicalLocation"] = physical };
    }

    /// <summary>A relative path as a URI reference: '/' separators, each segment percent-encoded.</summary>
    public static string RelativeUri(string path) =>
        string.Join('/', path.Replace('\\', '/').TrimStart('/').Split('/').Select(Uri.EscapeDataString));

    /// <summary>SARIF suggests PascalCase rule names: table-without-primary-key becomes TableWithoutPrimaryKey.</summary>
    public static string PascalName(string kebab)
    {
        var sb = new StringBuilder(kebab.Length);
        foreach (var part in kebab.Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            sb.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        }

        return sb.ToString();
    }

    private static string HelpText(RuleMetadata rule)
    {
        var sb = new StringBuilder();
        sb.Append(rule.Summary.Trim()).Append("\n\n").Append(rule.Why.ReplaceLineEndings("\n").Trim()).Append("\n\n");
        sb.Append("Example:\n").Append(Indent(rule.Bad)).Append("\n\n");
        sb.Append("Use instead:\n").Append(Indent(rule.Good));
        var references = rule.References.IsDefault ? [] : rule.References;
        if (references.Length > 0)
        {
            sb.Append("\n\nReferences:\n").Append(string.Join('\n', references.Select(r => "- " + r)));
        }

        return sb.ToString();
    }

    private static string Indent(string code) =>
        string.Join('\n', code.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Select(l => "    " + l));
}
