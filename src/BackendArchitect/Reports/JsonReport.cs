using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BackendArchitect.Model;

namespace BackendArchitect.Reports;

/// <summary>The system model as versioned JSON (the contract other tools read; see docs/json-format.md).</summary>
public static class JsonReport
{
    /// <summary>
    /// The contract's settings. The encoder and the enum converters' naming policy cannot be put in
    /// the source generation attribute, so the context is created with these options; each enum of
    /// the model gets its own converter because the non-generic one needs runtime code generation.
    /// </summary>
    internal static ModelJsonContext Context { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters =
        {
            new JsonStringEnumConverter<DiagnosticSeverity>(JsonNamingPolicy.CamelCase),
            new JsonStringEnumConverter<FileSkip>(JsonNamingPolicy.CamelCase),
            new JsonStringEnumConverter<DataOperation>(JsonNamingPolicy.CamelCase),
        },
        NewLine = "\n",
    });

    public static string Render(SystemModel model) => JsonSerializer.Serialize(model, Context.SystemModel) + "\n";
}
