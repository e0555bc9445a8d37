using System.Text.Json;

namespace BackendArchitect.Reports.Schema;

/// <summary>The schema model as JSON: camelCase, tables, enums, sequences and views keyed and sorted by name.</summary>
public static class SchemaJson
{
    public static string Render(Model.Schema schema) => JsonSerializer.Serialize(schema, JsonReport.Context.Schema) + "\n";
}
