using System.Text.Json.Serialization;
using BackendArchitect.Model;

namespace BackendArchitect.Reports;

/// <summary>
/// Compile-time JSON metadata for the system model and the schema model, so their JSON needs no
/// reflection (trimming and Native AOT). JsonReport creates the instance with the settings of the
/// contract; the attribute repeats those it can express.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    NewLine = "\n",
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SystemModel))]
[JsonSerializable(typeof(Model.Schema))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
