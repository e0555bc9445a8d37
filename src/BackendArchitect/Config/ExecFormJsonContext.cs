using System.Text.Json.Serialization;

namespace BackendArchitect.Config;

/// <summary>Compile-time JSON metadata for a Dockerfile exec form (<c>["dotnet", "Api.dll"]</c>), with the serializer's default settings.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class ExecFormJsonContext : JsonSerializerContext;
