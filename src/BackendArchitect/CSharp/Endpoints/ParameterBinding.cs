using System.Collections.Immutable;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// Infers where each handler parameter is bound from, as ASP.NET Core's model binding (controllers)
/// and parameter binding (minimal APIs) would: explicit [From*] attributes first, then route
/// template names, well-known framework types and services, simple types from the query, and
/// complex types from the body.
/// </summary>
public static class ParameterBinding
{
    private static readonly HashSet<string> SimpleTypes = new(StringComparer.Ordinal)
    {
        "string", "int", "long", "short", "byte", "uint", "ulong", "ushort", "sbyte", "bool", "decimal", "double", "float", "char",
        "Guid", "DateTime", "DateTimeOffset", "DateOnly", "TimeOnly", "TimeSpan", "Uri", "Int32", "Int64", "String", "Boolean", "Decimal", "Double",
    };

    private static readonly HashSet<string> SpecialTypes = new(StringComparer.Ordinal)
    {
        "HttpContext", "HttpRequest", "HttpResponse", "CancellationToken", "ClaimsPrincipal", "IFormFile", "IFormFileCollection",
        "IFormCollection", "Stream", "PipeReader",
    };

    /// <summary>Reads the bound parameters of a handler.</summary>
    /// <param name="routeParameters">Parameter names that appear in the route template.</param>
    /// <param name="isController">Controllers bind complex types from the body only with [ApiController] or [FromBody]; this inference assumes API controllers.</param>
    public static ImmutableArray<Parameter> Read(ParameterListSyntax? parameters, IReadOnlySet<string> routeParameters, bool isController)
    {
        if (parameters is null)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<Parameter>();
        foreach (var p in parameters.Parameters)
        {
            var type = p.Type?.ToString() ?? "object";
            var name = p.Identifier.ValueText;
            result.Add(new Parameter(name, SourceOf(p, name, type, routeParameters, isController), type));
        }

        return result.ToImmutable();
    }

    /// <summary>The names of the parameters in a route template: "{id:int}" and "{**slug}" give "id" and "slug".</summary>
    public static IReadOnlySet<string> RouteParameterNames(string route)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while ((i = route.IndexOf('{', i)) >= 0)
        {
            var end = route.IndexOf('}', i);
            if (end < 0)
            {
                break;
            }

            var inner = route[(i + 1)..end].TrimStart('*');
            var stop = inner.IndexOfAny([':', '=', '?']);
            names.Add(stop >= 0 ? inner[..stop] : inner);
            i = end + 1;
        }

        return names;
    }

    private static string SourceOf(ParameterSyntax p, string name, string type, IReadOnlySet<string> routeParameters, bool isController)
    {
        foreach (var attribute in p.AttributeLists.SelectMany(l => l.Attributes))
        {
            switch (SyntaxHelpers.AttributeName(attribute))
            {
                case "FromRoute": return "route";
                case "FromQuery": return "query";
                case "FromBody": return "body";
                case "FromHeader": return "header";
                case "FromForm": return "form";
                case "FromServices" or "FromKeyedServices": return "services";
                case "AsParameters": return "parameters";
            }
        }

        var simple = SyntaxHelpers.SimpleTypeName(type);
        if (routeParameters.Contains(name))
        {
            return "route";
        }

        if (SpecialTypes.Contains(simple))
        {
            return simple is "IFormFile" or "IFormFileCollection" or "IFormCollection" ? "form" : "special";
        }

        if (IsSimple(type))
        {
            return "query";
        }

        if (LooksLikeService(simple))
        {
            return "services";
        }

        return "body";
    }

    private static bool IsSimple(string type)
    {
        var t = type.TrimEnd('?');
        if (t.EndsWith("[]", StringComparison.Ordinal))
        {
            return IsSimple(t[..^2]);
        }

        if ((t.StartsWith("List<", StringComparison.Ordinal) || t.StartsWith("IEnumerable<", StringComparison.Ordinal) || t.StartsWith("IReadOnlyList<", StringComparison.Ordinal)) && t.EndsWith('>'))
        {
            return IsSimple(t[(t.IndexOf('<') + 1)..^1]);
        }

        return SimpleTypes.Contains(SyntaxHelpers.SimpleTypeName(t));
    }

    /// <summary>Interfaces (ILogger, IMediator, IOrderService) and DbContexts come from the container.</summary>
    private static bool LooksLikeService(string simple) =>
        !CollectionInterfaces.Contains(simple)
        && ((simple.Length > 1 && simple[0] == 'I' && char.IsUpper(simple[1]))
        || simple.EndsWith("DbContext", StringComparison.Ordinal)
        || simple.EndsWith("Context", StringComparison.Ordinal) && !simple.EndsWith("HttpContext", StringComparison.Ordinal)
        || simple.EndsWith("Service", StringComparison.Ordinal)
        || simple.EndsWith("Repository", StringComparison.Ordinal)
        || simple.EndsWith("Handler", StringComparison.Ordinal)
        || simple is "ILogger" or "IConfiguration" or "LinkGenerator");

    /// <summary>Interfaces that are data shapes, not services: a list of DTOs is a body.</summary>
    private static readonly HashSet<string> CollectionInterfaces = new(StringComparer.Ordinal)
    {
        "IEnumerable", "IList", "ICollection", "IReadOnlyList", "IReadOnlyCollection", "IDictionary", "IReadOnlyDictionary", "IAsyncEnumerable", "ISet",
    };
}
