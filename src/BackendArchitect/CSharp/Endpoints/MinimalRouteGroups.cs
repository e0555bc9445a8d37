using System.Collections.Immutable;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// The root route builder or a route group made by MapGroup/NewVersionedApi. Conventions applied
/// to a group apply to every endpoint in it, wherever and whenever they were added, so they are
/// collected here and read only when all code has been walked.
/// </summary>
internal sealed class MinimalGroup(MinimalGroup? parent, string? prefix, bool isRoot)
{
    public MinimalGroup? Parent { get; } = parent;

    /// <summary>The group's own route prefix, or null for the root and for versioned API sets.</summary>
    public string? Prefix { get; } = prefix;

    /// <summary>The application or an IEndpointRouteBuilder parameter: conventions cannot be applied to it.</summary>
    public bool IsRoot { get; } = isRoot;

    public List<AuthMetadata> Auth { get; } = [];

    /// <summary>Versions declared on this group with HasApiVersion.</summary>
    public List<string> ApiVersions { get; } = [];

    public static MinimalGroup NewRoot() => new(null, null, true);

    /// <summary>Prefixes from the root down to this group.</summary>
    public IEnumerable<string> Prefixes()
    {
        var chain = new List<string>();
        for (var g = this; g is not null; g = g.Parent)
        {
            if (g.Prefix is not null)
            {
                chain.Add(g.Prefix);
            }
        }

        chain.Reverse();
        return chain;
    }

    /// <summary>The versions of the nearest group that declares any: an inner version set replaces an outer one.</summary>
    public IReadOnlyList<string> InheritedApiVersions()
    {
        for (var g = this; g is not null; g = g.Parent)
        {
            if (g.ApiVersions.Count > 0)
            {
                return g.ApiVersions;
            }
        }

        return [];
    }

    /// <summary>This group's conventions and those of every enclosing group.</summary>
    public IEnumerable<AuthMetadata> InheritedAuth()
    {
        for (var g = this; g is not null; g = g.Parent)
        {
            foreach (var metadata in g.Auth)
            {
                yield return metadata;
            }
        }
    }
}

/// <summary>An endpoint found while walking code; its route and auth are final once every group convention is known.</summary>
internal sealed class PendingEndpoint
{
    public required string Service { get; init; }
    public required string Kind { get; init; }
    public required string Method { get; init; }
    public required string Pattern { get; init; }
    public required MinimalGroup Group { get; init; }
    public required string Handler { get; init; }
    public required string File { get; init; }
    public required int Line { get; init; }
    public string? Condition { get; init; }
    public ParameterListSyntax? Parameters { get; init; }

    /// <summary>gRPC routes are absolute: a group prefix does not change them.</summary>
    public bool AbsoluteRoute { get; init; }

    public List<AuthMetadata> Auth { get; } = [];
    public List<ResponseType> Responses { get; } = [];

    /// <summary>Versions the endpoint maps itself to with MapToApiVersion; otherwise its group's.</summary>
    public List<string> ApiVersions { get; } = [];

    public Endpoint ToEndpoint(AuthMetadata? fallback)
    {
        var route = AbsoluteRoute ? Pattern : MinimalRoutes.Combine(Group.Prefixes().Append(Pattern));
        var parameters = ParameterBinding.Read(Parameters, ParameterBinding.RouteParameterNames(route), isController: false);
        if (Kind == EndpointKinds.Grpc)
        {
            parameters = [.. parameters.Where(p => SyntaxHelpers.SimpleTypeName(p.Type) is not ("ServerCallContext" or "IServerStreamWriter" or "IAsyncStreamReader"))];
        }

        return new Endpoint(
            Service,
            Kind,
            Method,
            route,
            Handler,
            File,
            Line,
            AuthResolver.Resolve(Auth.Concat(Group.InheritedAuth()), fallback),
            parameters,
            DistinctResponses(),
            Condition)
        {
            ApiVersions = [.. (ApiVersions.Count > 0 ? ApiVersions : Group.InheritedApiVersions()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>One entry per status and type; a status known only without a type is dropped when a typed entry states it.</summary>
    private ImmutableArray<ResponseType> DistinctResponses()
    {
        var typed = Responses.Where(r => r.Type is not null).Select(r => r.Status).ToHashSet();
        return [.. Responses
            .Where(r => r.Type is not null || !typed.Contains(r.Status))
            .Distinct()
            .OrderBy(r => r.Status ?? int.MaxValue)
            .ThenBy(r => r.Type, StringComparer.Ordinal)];
    }
}

/// <summary>Route text helpers for minimal APIs.</summary>
internal static class MinimalRoutes
{
    /// <summary>Joins group prefixes and a pattern as RoutePatternFactory.Combine does, normalized to one leading slash and no trailing slash.</summary>
    public static string Combine(IEnumerable<string> parts)
    {
        var segments = parts
            .Select(p => p.Trim().TrimStart('~').Trim('/'))
            .Where(p => p.Length > 0);
        return "/" + string.Join('/', segments);
    }

    /// <summary>The HTTP methods of MapMethods' second argument: string arrays, collection expressions, HttpMethods.Get names.</summary>
    public static ImmutableArray<string>? HttpMethods(ExpressionSyntax? expression, ConstantResolver constants)
    {
        IEnumerable<ExpressionSyntax>? elements = expression switch
        {
            ImplicitArrayCreationExpressionSyntax i => i.Initializer.Expressions,
            ArrayCreationExpressionSyntax a => a.Initializer?.Expressions,
            CollectionExpressionSyntax c => c.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression),
            BaseObjectCreationExpressionSyntax o => o.Initializer?.Expressions,
            null => null,
            _ => [expression],
        };
        if (elements is null)
        {
            return null;
        }

        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var element in elements)
        {
            var value = constants.Evaluate(element) ?? element switch
            {
                MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "HttpMethods" }, Name.Identifier.ValueText: var name } => name,
                MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Method", Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "HttpMethod" }, Name.Identifier.ValueText: var name } } => name,
                _ => null,
            };
            if (value is null)
            {
                return null;
            }

            result.Add(value.ToUpperInvariant());
        }

        return result.ToImmutable();
    }

    /// <summary>Two #if conditions that both hold.</summary>
    public static string? BothConditions(string? outer, string? inner) =>
        outer is null ? inner : inner is null || inner == outer ? outer : $"{outer} && {inner}";
}
