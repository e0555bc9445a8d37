using BackendArchitect.CSharp.Endpoints;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Tests.CSharp;

public sealed class ParameterBindingTests
{
    private static Dictionary<string, string> Sources(string parameters, string route)
    {
        var list = (ParameterListSyntax)SyntaxFactory.ParseParameterList(parameters);
        return ParameterBinding.Read(list, ParameterBinding.RouteParameterNames(route), isController: false)
            .ToDictionary(p => p.Name, p => p.Source);
    }

    [Fact]
    public void Infers_sources_like_aspnet_core_parameter_binding()
    {
        var sources = Sources(
            "(int id, string? search, [FromHeader(Name = \"X-Key\")] string key, CreateOrder body, IOrderService orders, CancellationToken ct, IEnumerable<OrderLineDto> lines, List<int> ids, IFormFile file)",
            "/orders/{id:int}");

        Assert.Equal("route", sources["id"]);
        Assert.Equal("query", sources["search"]);
        Assert.Equal("header", sources["key"]);
        Assert.Equal("body", sources["body"]);
        Assert.Equal("services", sources["orders"]);
        Assert.Equal("special", sources["ct"]);
        Assert.Equal("body", sources["lines"]);
        Assert.Equal("query", sources["ids"]);
        Assert.Equal("form", sources["file"]);
    }

    [Theory]
    [InlineData("/a/{id}/{**slug}", "id,slug")]
    [InlineData("/a/{id:int:min(1)}/{name=default}/{opt?}", "id,name,opt")]
    public void Reads_route_parameter_names(string route, string expected)
    {
        Assert.Equal(expected.Split(','), ParameterBinding.RouteParameterNames(route).Order());
    }
}
