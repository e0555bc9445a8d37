using System.Reflection;
using BackendArchitect.Model;
using BackendArchitect.Reports;

namespace BackendArchitect.Tests.Reports;

/// <summary>
/// The model's JSON writes enums as camelCase strings through one converter per enum type; an enum
/// added to the model without its converter would silently become a number.
/// </summary>
public sealed class ModelJsonEnumTests
{
    [Fact]
    public void Every_enum_reachable_from_the_models_has_a_string_converter()
    {
        var enums = EnumsReachableFrom(typeof(SystemModel), typeof(BackendArchitect.Model.Schema));

        Assert.Contains(typeof(DiagnosticSeverity), enums);
        Assert.All(enums, e => Assert.True(
            JsonReport.Context.Options.Converters.Any(c => c.CanConvert(e)),
            $"{e.Name} has no string converter in JsonReport.Context"));
    }

    [Fact]
    public void Enums_are_written_as_camel_case_strings()
    {
        var model = new SystemModel
        {
            Root = ".",
            Diagnostics = [new Diagnostic("big.cs", 1, "too large", DiagnosticSeverity.Info) { Skipped = FileSkip.TooLarge }],
        };

        var json = JsonReport.Render(model);

        Assert.Contains("\"severity\": \"info\"", json, StringComparison.Ordinal);
        Assert.Contains("\"skipped\": \"tooLarge\"", json, StringComparison.Ordinal);
    }

    private static HashSet<Type> EnumsReachableFrom(params Type[] roots)
    {
        var seen = new HashSet<Type>();
        var enums = new HashSet<Type>();
        var pending = new Stack<Type>(roots);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            if (type.IsEnum)
            {
                enums.Add(type);
                continue;
            }

            foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
            {
                pending.Push(argument);
            }

            if (type.Namespace == typeof(SystemModel).Namespace)
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    pending.Push(property.PropertyType);
                }
            }
        }

        return enums;
    }
}
