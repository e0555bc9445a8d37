namespace BackendArchitect.Dataflow;

/// <summary>Which declared types can carry an attacker's text: strings and what holds them, not numbers or ids.</summary>
internal static class StringTypes
{
    private static readonly HashSet<string> Text = new(StringComparer.Ordinal)
    {
        "string", "String", "StringValues", "object", "dynamic", "Uri", "JsonElement", "JsonNode", "JToken", "JObject", "StringBuilder",
    };

    /// <summary>True for string-like types, arrays and lists of them, and nullable forms; false for numbers, Guid, bool, dates, enums.</summary>
    public static bool CarriesText(string type)
    {
        var t = type.Trim().TrimEnd('?');
        if (t.EndsWith("[]", StringComparison.Ordinal))
        {
            return CarriesText(t[..^2]);
        }

        var open = t.IndexOf('<', StringComparison.Ordinal);
        if (open > 0 && t.EndsWith('>'))
        {
            return CarriesText(t[(open + 1)..^1].Split(',')[^1]);
        }

        return Text.Contains(CSharp.SyntaxHelpers.SimpleTypeName(t));
    }

    /// <summary>True for the simple value types model binding parses (and so cleans): int, Guid, DateTime, bool, decimal, enums by name are unknown.</summary>
    public static bool IsParsedValue(string type) => ParsedValues.Contains(CSharp.SyntaxHelpers.SimpleTypeName(type.Trim().TrimEnd('?')));

    private static readonly HashSet<string> ParsedValues = new(StringComparer.Ordinal)
    {
        "int", "long", "short", "byte", "uint", "ulong", "ushort", "sbyte", "decimal", "double", "float", "bool", "char",
        "Int32", "Int64", "Int16", "Byte", "Decimal", "Double", "Single", "Boolean", "Guid", "DateTime", "DateTimeOffset",
        "DateOnly", "TimeOnly", "TimeSpan", "CancellationToken",
    };
}
