using System.Text.Json.Nodes;
using BackendArchitect.Model;
using BackendArchitect.Scanning;

namespace BackendArchitect.Reports.Findings;

/// <summary>
/// A review as JSON: the findings document (docs/findings-formats.md) plus the endpoint table with each
/// endpoint's effective authorization, so a script sees what the findings are about.
/// </summary>
public static class ReviewJson
{
    public static string Render(ReviewResult review)
    {
        var root = FindingsJson.Build(review.Report);
        root["endpoints"] = new JsonArray([.. review.Model.Endpoints.Select(Endpoint)]);
        return root.ToJsonString(FindingsJson.Options) + "\n";
    }

    private static JsonObject Endpoint(Endpoint e) => new()
    {
        ["service"] = e.Service,
        ["kind"] = e.Kind,
        ["method"] = e.Method,
        ["route"] = e.Route,
        ["handler"] = e.Handler,
        ["file"] = e.File,
        ["line"] = e.Line,
        ["auth"] = new JsonObject
        {
            ["required"] = e.Auth.Required,
            ["policies"] = Strings(e.Auth.Policies),
            ["roles"] = Strings(e.Auth.Roles),
            ["schemes"] = Strings(e.Auth.Schemes),
        },
    };

    private static JsonArray Strings(System.Collections.Immutable.ImmutableArray<string> values) =>
        new([.. (values.IsDefault ? [] : values).Select(v => (JsonNode)v)]);
}
