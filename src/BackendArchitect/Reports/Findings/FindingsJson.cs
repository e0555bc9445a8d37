using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackendArchitect.Findings;
using BackendArchitect.Model;

namespace BackendArchitect.Reports.Findings;

/// <summary>Findings as JSON for scripts: a summary by severity, the findings, and the diagnostics (docs/findings-formats.md).</summary>
public static class FindingsJson
{
    public const string SchemaVersion = "1.0";

    /// <summary>Indented, "\n" line ends, readable characters left unescaped: the settings every findings JSON uses.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static string Render(FindingsReport report) => Build(report).ToJsonString(Options) + "\n";

    /// <summary>The document as a tree, for views that add sections (the review adds its endpoints).</summary>
    internal static JsonObject Build(FindingsReport report)
    {
        var fingerprints = Fingerprints.Of(report.Findings);
        var root = new JsonObject
        {
            ["schemaVersion"] = SchemaVersion,
            ["tool"] = "architect",
            ["summary"] = new JsonObject
            {
                ["findings"] = report.Findings.Length,
                ["errors"] = report.Count(Severity.Error),
                ["warnings"] = report.Count(Severity.Warning),
                ["notes"] = report.Count(Severity.Note),
                ["diagnostics"] = report.Diagnostics.Length,
                ["notLinted"] = DiagnosticCounts.SkippedFiles(report.NotLinted),
                ["skippedFiles"] = DiagnosticCounts.SkippedFiles(report.Diagnostics),
            },
            ["findings"] = new JsonArray([.. report.Findings.Select((f, i) => Finding(report, f, fingerprints[i]))]),
            ["diagnostics"] = new JsonArray([.. report.Diagnostics.Select(Diagnostic)]),
        };
        return root;
    }

    private static JsonNode Finding(FindingsReport report, Finding f, string fingerprint)
    {
        var rule = report.RuleOf(f);
        var related = f.Related.IsDefault ? [] : f.Related;
        var node = new JsonObject
        {
            ["code"] = f.Code,
            ["name"] = rule?.Name,
            ["category"] = rule?.Category,
            ["severity"] = FindingsText.Word(f.Severity),
            ["message"] = f.Message,
            ["file"] = f.File,
            ["line"] = f.Line,
            ["column"] = f.Column,
            ["fix"] = f.Fix,
            ["snippet"] = f.Snippet,
            ["fingerprint"] = fingerprint,
            ["related"] = new JsonArray([.. related.Select(Related)]),
        };

        // The end is written only when the rule knows it, so a reader never sees an end before the start.
        if (f.EndLine > 0)
        {
            node.Insert(node.IndexOf("fix"), "endLine", f.EndLine);
            node.Insert(node.IndexOf("fix"), "endColumn", f.EndColumn);
        }

        return node;
    }

    private static JsonNode Related(RelatedLocation r) => new JsonObject
    {
        ["message"] = r.Message,
        ["file"] = r.Location.File,
        ["line"] = r.Location.Line,
        ["column"] = r.Location.Column,
    };

    private static JsonNode Diagnostic(Diagnostic d) => new JsonObject
    {
        ["file"] = d.File,
        ["line"] = d.Line,
        ["severity"] = DiagnosticWord(d.Severity),
        ["message"] = d.Message,
    };

    internal static string DiagnosticWord(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };
}
