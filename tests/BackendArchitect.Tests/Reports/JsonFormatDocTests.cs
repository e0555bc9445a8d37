using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using BackendArchitect.Model;
using BackendArchitect.Reports;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Reports;

/// <summary>docs/json-format.md keeps up with the model: every serialized field is documented, the example is valid JSON.</summary>
public sealed class JsonFormatDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(Paths.RepositoryRoot, "docs", "json-format.md"));

    [Fact]
    public void Every_serialized_field_of_the_model_is_documented()
    {
        var missing = SerializedNames(typeof(SystemModel), [])
            .Where(name => !Doc.Contains($"| `{name}` |", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(missing.Count == 0, "Not documented in docs/json-format.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_example_is_json_with_every_top_level_field_of_the_real_output()
    {
        var start = Doc.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var end = Doc.IndexOf("```", start, StringComparison.Ordinal);
        using var example = JsonDocument.Parse(Doc[start..end]);
        using var real = JsonDocument.Parse(JsonReport.Render(SampleModel.Create()));

        var exampleFields = example.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        var realFields = real.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(realFields, exampleFields);
    }

    /// <summary>The JSON names of every serialized property of a model type and the model types it holds.</summary>
    internal static IEnumerable<string> SerializedNames(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is not null || property.DeclaringType == typeof(object))
            {
                continue;
            }

            yield return JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            foreach (var nested in ModelTypes(property.PropertyType).SelectMany(t => SerializedNames(t, seen)))
            {
                yield return nested;
            }
        }
    }

    private static IEnumerable<Type> ModelTypes(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            return ModelTypes(type.GetGenericArguments()[0]);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableSortedDictionary<,>))
        {
            return ModelTypes(type.GetGenericArguments()[1]);
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return ModelTypes(underlying);
        }

        return type.Namespace == typeof(SystemModel).Namespace && type.IsClass ? [type] : [];
    }
}
