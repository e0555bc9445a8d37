using BackendArchitect.Findings;

namespace BackendArchitect.Tests.Findings;

/// <summary>The hand-written catalog holds every rule class of the product exactly once, ordered by code.</summary>
public sealed class RuleCatalogCompletenessTests
{
    [Fact]
    public void Every_rule_class_is_listed_exactly_once()
    {
        var ruleTypes = typeof(RuleCatalog).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRule).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var listed = RuleCatalog.All.Select(r => r.GetType().FullName!).Order(StringComparer.Ordinal).ToArray();

        Assert.NotEmpty(ruleTypes);
        Assert.Equal(ruleTypes, listed);
    }

    [Fact]
    public void Codes_are_unique_and_in_ordinal_order()
    {
        var codes = RuleCatalog.All.Select(r => r.Metadata.Code).ToArray();

        Assert.Equal(codes.Distinct(StringComparer.OrdinalIgnoreCase), codes);
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }
}
