using System.Text.Json.Nodes;
using BackendArchitect.Findings;
using BackendArchitect.Sql;

namespace BackendArchitect.Reports.Findings;

/// <summary>The rule list as JSON for scripts (`architect rules --format json`), the same bytes from every host.</summary>
public static class RulesJson
{
    /// <summary>The rules sorted by code, as a JSON array followed by a newline.</summary>
    public static string Render(IEnumerable<RuleMetadata> rules) =>
        new JsonArray([.. rules.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => (JsonNode)new JsonObject
        {
            ["code"] = r.Code,
            ["name"] = r.Name,
            ["category"] = r.Category,
            ["severity"] = FindingsText.Word(r.DefaultSeverity),
            ["summary"] = r.Summary,
            ["tags"] = new JsonArray([.. (r.Tags.IsDefault ? [] : r.Tags).Select(t => (JsonNode)t)]),
            ["references"] = new JsonArray([.. (r.References.IsDefault ? [] : r.References).Select(t => (JsonNode)t)]),
            ["dialects"] = new JsonArray([.. (r.Applicability.Dialects.IsDefault ? [] : r.Applicability.Dialects).Select(d => (JsonNode)SqlDialectDetector.OptionName(d))]),
            ["languages"] = new JsonArray([.. (r.Applicability.Languages.IsDefault ? [] : r.Applicability.Languages).Select(l => (JsonNode)(l == SourceLanguage.Sql ? "sql" : "csharp"))]),
            ["optIn"] = r.Applicability.OptIn,
        })]).ToJsonString(FindingsJson.Options) + "\n";
}
