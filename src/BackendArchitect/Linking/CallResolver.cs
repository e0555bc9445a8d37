using System.Collections.Concurrent;
using System.Collections.Immutable;
using BackendArchitect.CSharp;

namespace BackendArchitect.Linking;

/// <summary>
/// Resolves a call for one service: a class's method by name and argument count, an interface through
/// the service's DI registrations (any service's when it has none), else through its single
/// implementation in the repository. An interface with several implementations and no registration
/// is not guessed; it is remembered for one diagnostic.
/// </summary>
internal sealed class CallResolver(LinkIndex index)
{
    private readonly ConcurrentDictionary<(string Service, string Type, string Method, int Arguments), Resolution> resolved = new();
    private readonly ConcurrentDictionary<(string Service, string Type), ImmutableArray<string>> implementations = new();

    /// <summary>Interfaces not followed because several classes implement them, with their implementations.</summary>
    public ConcurrentDictionary<string, ImmutableArray<string>> Ambiguous { get; } = new(StringComparer.Ordinal);

    public Resolution Resolve(PendingCall call, string service)
    {
        if (call.Local is not null)
        {
            return new Resolution([call.Local], null);
        }

        if (call.Type is null)
        {
            return Resolution.None;
        }

        if (call.Cached is { } cached && ReferenceEquals(cached.Service, service))
        {
            return cached.Resolution;
        }

        var resolution = resolved.GetOrAdd((service, call.Type, call.Method, call.Arguments), key => Lookup(key.Service, key.Type, key.Method, key.Arguments));
        call.Cached = new ServiceResolution(service, resolution);
        return resolution;
    }

    private Resolution Lookup(string service, string type, string method, int arguments)
    {
        var shape = index.Shape(type);
        ImmutableArray<CodeUnit> targets = shape is null ? []
            : !shape.IsInterface ? [.. shape.FindMethods(method, arguments)]
            : [.. implementations.GetOrAdd((service, type), key => Implementations(key.Service, key.Type)).SelectMany(i => index.Shape(i)?.FindMethods(method, arguments) ?? [])];
        return new Resolution(targets, Client(type, targets));
    }

    /// <summary>The client name when a call goes into a typed or Refit client, through its interface or its class.</summary>
    private string? Client(string type, ImmutableArray<CodeUnit> targets) =>
        index.TypedClients.TryGetValue(type, out var client) ? client
        : targets.Select(t => t.TypeName is null ? null : index.TypedClients.GetValueOrDefault(SyntaxHelpers.SimpleTypeName(t.TypeName))).FirstOrDefault(c => c is not null);

    private ImmutableArray<string> Implementations(string service, string type)
    {
        if (index.Registered.TryGetValue((service, type), out var own))
        {
            return own;
        }

        var anywhere = index.Registered.Where(kv => kv.Key.Type == type).SelectMany(kv => kv.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        if (!anywhere.IsEmpty)
        {
            return anywhere;
        }

        var classes = index.Implementations.TryGetValue(type, out var found)
            ? found.Where(c => index.Shape(c) is { IsInterface: false }).ToImmutableArray()
            : [];
        if (classes.Length > 1)
        {
            Ambiguous.TryAdd(type, classes);
            return [];
        }

        return classes;
    }
}

/// <summary>Where a call goes for a service, and the typed client it enters, if any.</summary>
internal sealed record Resolution(ImmutableArray<CodeUnit> Targets, string? Client)
{
    public static Resolution None { get; } = new([], null);
}
