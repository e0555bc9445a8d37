using System.Collections.Frozen;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Wiring;

/// <summary>
/// Caches: registrations (Redis, in-memory, SQL Server, output and response caching, HybridCache,
/// FusionCache), direct Redis connections, and the classes that take a cache in their constructor.
/// </summary>
internal static class Caches
{
    /// <summary>Registration method: technology and the abstraction it provides.</summary>
    private static readonly FrozenDictionary<string, (string Technology, string? Abstraction)> Registrations = new Dictionary<string, (string, string?)>
    {
        ["AddStackExchangeRedisCache"] = ("Redis", "IDistributedCache"),
        ["AddStackExchangeRedisOutputCache"] = ("Redis", "OutputCache"),
        ["AddRedisDistributedCache"] = ("Redis", "IDistributedCache"),
        ["AddRedisOutputCache"] = ("Redis", "OutputCache"),
        ["AddRedisClient"] = ("Redis", "IConnectionMultiplexer"),
        ["AddDistributedMemoryCache"] = ("Memory", "IDistributedCache"),
        ["AddMemoryCache"] = ("Memory", "IMemoryCache"),
        ["AddDistributedSqlServerCache"] = ("SQL Server", "IDistributedCache"),
        ["AddCosmosCache"] = ("Cosmos DB", "IDistributedCache"),
        ["AddOutputCache"] = ("OutputCache", null),
        ["AddResponseCaching"] = ("ResponseCaching", null),
        ["AddHybridCache"] = ("HybridCache", null),
        ["AddFusionCache"] = ("FusionCache", null),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Cache abstractions a class can depend on.</summary>
    public static readonly FrozenSet<string> Abstractions = FrozenSet.ToFrozenSet(
        ["IDistributedCache", "IMemoryCache", "HybridCache", "IFusionCache", "IConnectionMultiplexer", "IOutputCacheStore"],
        StringComparer.Ordinal);

    public static bool Read(DocumentWiring w, InvocationExpressionSyntax invocation, string name)
    {
        if (Registrations.TryGetValue(name, out var registration))
        {
            Add(w, invocation, registration.Technology, Join(registration.Abstraction, Connection(w, invocation)));
            return true;
        }

        if (name is "Connect" or "ConnectAsync" && WiringSyntax.RightmostName(SyntaxHelpers.Receiver(invocation)) == "ConnectionMultiplexer")
        {
            Add(w, invocation, "Redis", Join("ConnectionMultiplexer", Connection(w, invocation)));
            return true;
        }

        return false;
    }

    /// <summary>A constructor (or primary constructor) parameter of a cache type: the class uses that cache.</summary>
    public static void ReadParameter(DocumentWiring w, ParameterSyntax parameter)
    {
        if (parameter.Type is null || parameter.Parent?.Parent is not (ConstructorDeclarationSyntax or TypeDeclarationSyntax))
        {
            return;
        }

        var type = WiringSyntax.RightmostName(parameter.Type);
        if (type is null || !Abstractions.Contains(type) || SyntaxHelpers.ContainingType(parameter) is not { } owner)
        {
            return;
        }

        Add(w, parameter, type, "used by " + SyntaxHelpers.QualifiedName(owner));
    }

    /// <summary>Where the cache connects: a configuration key, an Aspire connection name, never a literal connection string.</summary>
    private static string? Connection(DocumentWiring w, InvocationExpressionSyntax invocation)
    {
        // AddStackExchangeRedisCache(o => o.Configuration = ...): the options lambda names the connection.
        var assigned = invocation.ArgumentList.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .FirstOrDefault(a => a.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Configuration" or "ConnectionString" });
        var config = WiringSyntax.ConfigKey(assigned?.Right ?? (SyntaxNode)invocation.ArgumentList, w.Constants);
        if (config is not null)
        {
            return config;
        }

        var first = WiringSyntax.Positional(invocation).FirstOrDefault(a => a is not AnonymousFunctionExpressionSyntax);
        var constant = w.Constants.Evaluate(first);
        return constant is null || constant.Contains(',') || constant.Contains(':') || constant.Contains('=') ? null : "connection " + constant;
    }

    private static string? Join(string? a, string? b) => a is null ? b : b is null ? a : a + "; " + b;

    private static void Add(DocumentWiring w, SyntaxNode node, string technology, string? detail) =>
        w.Caches.Add(new Cache(w.ServiceOf(node), technology, detail, w.Document.Path, w.Document.LineOf(node is InvocationExpressionSyntax i ? WiringSyntax.NameNode(i) : node)));
}
