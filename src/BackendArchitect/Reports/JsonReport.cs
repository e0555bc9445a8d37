using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BackendArchitect.Model;

namespace BackendArchitect.Reports;

/// <summary>The system model as versioned JSON (the contract other tools read; see docs/json-format.md).</summary>
public static class JsonReport
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NewLine = "\n",
    };

    public static string Render(SystemModel model) => JsonSerializer.Serialize(model, Options) + "\n";
}
