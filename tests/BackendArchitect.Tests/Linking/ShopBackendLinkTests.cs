using BackendArchitect.Model;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;
using static BackendArchitect.Tests.Linking.LinkFacts;

namespace BackendArchitect.Tests.Linking;

/// <summary>The sample's links, read by hand against its code; a few are pinned here exactly.</summary>
public sealed class ShopBackendLinkTests
{
    private static readonly Lazy<SystemModel> Shop = new(() => ScanEngine.Scan(Path.Combine(Paths.RepositoryRoot, "samples", "ShopBackend")));

    [Fact]
    public void Every_endpoint_with_handler_code_is_linked_and_the_hub_is_not()
    {
        var model = Shop.Value;

        Assert.Equal(model.Endpoints.Count(e => e.Kind != EndpointKinds.Hub), model.Links.Length);
        Assert.DoesNotContain(model.Links, l => l.Route == "/hubs/notifications");
        Assert.DoesNotContain(model.Diagnostics, d => d.Message.StartsWith("linking:", StringComparison.Ordinal));
    }

    [Fact]
    public void Paged_orders_query_is_bounded_with_its_filter_and_order()
    {
        var mine = Link(Shop.Value, "GET", "/api/Orders");

        Assert.Equal(
            ["0 ef ToListAsync Order read bounded=yes filters=[CustomerId] orderBy=[CreatedAt desc] src/Shop.Api/Controllers/OrdersController.cs:44"],
            DataAccess(mine));
    }

    [Fact]
    public void Admin_orders_query_composed_in_a_local_is_one_bounded_query()
    {
        var orders = Link(Shop.Value, "GET", "/api/Admin/orders");

        Assert.Equal(
            ["0 ef ToListAsync Order read bounded=yes filters=[Status] orderBy=[CreatedAt desc] src/Shop.Api/Controllers/AdminController.cs:30"],
            DataAccess(orders));
    }

    [Fact]
    public void Placing_an_order_publishes_and_reaches_the_pricing_code()
    {
        var place = Link(Shop.Value, "POST", "/api/Orders");

        Assert.Contains("1 PriceCalculator.Calculate src/Shop.Core/Pricing/PriceCalculator.cs:26", Methods(place));
        Assert.Contains("2 InMemoryVoucherCatalog.Find src/Shop.Core/Pricing/IVoucherCatalog.cs:18", Methods(place));
        Assert.Equal(["0 publish OrderPlaced Publish OrdersController.Place src/Shop.Api/Controllers/OrdersController.cs:154"], Outbound(place));
    }

    [Fact]
    public void Payment_goes_through_the_typed_client_interface()
    {
        var pay = Link(Shop.Value, "POST", "/api/Payments");

        Assert.Equal(
            [
                "1 http PaymentGatewayClient PostAsJsonAsync PaymentGatewayClient.ChargeAsync src/Shop.Api/Clients/PaymentGatewayClient.cs:19",
                "0 typed-client PaymentGatewayClient ChargeAsync PaymentsController.Pay src/Shop.Api/Controllers/PaymentsController.cs:42",
            ],
            Outbound(pay));
    }

    [Fact]
    public void Search_runs_raw_sql_through_ef_and_shipping_calls_out_with_a_bare_client()
    {
        var search = Link(Shop.Value, "GET", "/api/v1/catalog/search");
        Assert.Equal(["0 ef raw FromSqlRaw Product read bounded=no filters=[] orderBy=[] src/Shop.Api/Endpoints/CatalogEndpoints.cs:41"], DataAccess(search));

        var quote = Link(Shop.Value, "GET", "/api/v1/shipping/quote");
        Assert.Equal(["0 http HttpClient GetFromJsonAsync ShippingEndpoints.GetQuote src/Shop.Api/Endpoints/ShippingEndpoints.cs:21"], Outbound(quote));
    }
}
