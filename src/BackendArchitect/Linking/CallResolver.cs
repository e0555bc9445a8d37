using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace BackendArchitect.Linking;

/// <summary>
/// Resolves a call for one service: a class's method by name and argument count, an interface through
/// the service's DI registrations (any service's when it has none), else through its single
/// implementation in the repository. An interface with several implementations and no registration
/// is not guessed; it is remembered for one diagnostic.
/// </summary>
internal sealed class CallResolver(LinkIndex index)
{
    private readonly ConcurrentDictionary<(string Service, string Type, string Method, int Arguments), ImmutableArray<CodeUnit>> resolved = new();

    /// <summary>Interfaces not followed because several classes implement them, with their implementations.</summary>
    public ConcurrentDictionary<string, ImmutableArray<string>> Ambiguous { get; } = new(StringComparer.Ordinal);

    public ImmutableArray<CodeUnit> Resolve(PendingCall call, string service)
    {
        if (call.Local is not null)
        {
            return [call.Local];
        }

        return call.Type is null ? [] : resolved.GetOrAdd((service, call.Type, call.Method, call.Arguments), key => Lookup(key.Service, key.Type, key.Method, key.Arguments));
    }

    private ImmutableArray<CodeUnit> Lookup(string service, string type, string method, int arguments)
    {
        var shape = index.Shape(type);
        if (shape is null)
        {
            return [];
        }

        if (!shape.IsInterface)
        {
            return [.. shape.FindMethods(method, arguments)];
        }

        var implementations = Implementations(service, type);
        return [.. implementations.SelectMany(i => index.Shape(i)?.FindMethods(method, arguments) ?? [])];
    }

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
