using BackendArchitect.CSharp.Endpoints;

namespace BackendArchitect.Tests.Controllers;

/// <summary>Attribute route text: combining, token replacement, normal form, kebab-case transformation.</summary>
public sealed class RouteTemplateTests
{
    [Theory]
    [InlineData("api/orders", "{id}", "api/orders/{id}")]
    [InlineData("api/orders/", "{id}", "api/orders/{id}")]
    [InlineData("api/orders", "", "api/orders")]
    [InlineData("api/orders", null, "api/orders")]
    [InlineData("api/orders", "/health", "/health")]
    [InlineData("api/orders", "~/health", "~/health")]
    [InlineData(null, "items", "items")]
    public void Combine_appends_the_action_template_unless_it_overrides_the_prefix(string? prefix, string? template, string expected) =>
        Assert.Equal(expected, RouteTemplate.Combine(prefix, template));

    [Fact]
    public void Combine_of_nothing_is_not_attribute_routed() => Assert.Null(RouteTemplate.Combine(null, null));

    [Theory]
    [InlineData("~/x//y/", "/x/y")]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    [InlineData("api/{id:int:min(1)}", "/api/{id:int:min(1)}")]
    public void Normalize_gives_one_leading_slash_and_no_trailing_or_doubled_slashes(string route, string expected) =>
        Assert.Equal(expected, RouteTemplate.Normalize(route));

    [Fact]
    public void Tokens_are_replaced_case_insensitively_and_double_brackets_are_literal()
    {
        var unknown = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["controller"] = "Orders", ["action"] = "List" };

        var result = RouteTemplate.ReplaceTokens("api/[Controller]/[action]/[[raw]]/[version]", values, unknown);

        Assert.Equal("api/Orders/List/[raw]/[version]", result);
        Assert.Equal(["version"], unknown);
    }

    [Theory]
    [InlineData("ShipmentTracking", "shipment-tracking")]
    [InlineData("Orders", "orders")]
    [InlineData("GetV2Items", "get-v2items")]
    [InlineData("SSOLogin", "ssologin")]
    public void Kebab_splits_lower_to_upper_boundaries_like_the_usual_slugify_transformer(string value, string expected) =>
        Assert.Equal(expected, RouteTemplate.Kebab(value));
}
