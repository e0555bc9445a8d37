using System.Collections.Immutable;

namespace BackendArchitect.Findings;

/// <summary>Every rule of the product, found once by reflection over this assembly, ordered by code.</summary>
public static class RuleCatalog
{
    private static readonly Lazy<ImmutableArray<IRule>> Rules = new(Discover);

    public static ImmutableArray<IRule> All => Rules.Value;

    public static IEnumerable<T> OfType<T>()
        where T : IRule => All.OfType<T>();

    public static IRule? Find(string code) =>
        All.FirstOrDefault(r => string.Equals(r.Metadata.Code, code, StringComparison.OrdinalIgnoreCase)
            || string.Equals(r.Metadata.Name, code, StringComparison.OrdinalIgnoreCase));

    private static ImmutableArray<IRule> Discover() =>
        [.. typeof(RuleCatalog).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRule).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IRule)Activator.CreateInstance(t)!)
            .OrderBy(r => r.Metadata.Code, StringComparer.Ordinal)];
}
