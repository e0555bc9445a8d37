using BackendArchitect.Model;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;
using static BackendArchitect.Tests.Linking.LinkFacts;

namespace BackendArchitect.Tests.Linking;

/// <summary>
/// Each fixture under tests/fixtures/linking is a small service; the facts of its links are listed in
/// full (handler lines, reached methods with depths, data access and outbound calls with lines).
/// </summary>
public sealed class LinkerFixtureTests
{
    private static SystemModel Scan(string fixture) => ScanEngine.Scan(Paths.Fixture("linking", fixture));

    [Fact]
    public void Controller_reaches_the_repository_through_the_registered_service()
    {
        var model = Scan("controller-service-repository");

        var recent = Link(model, "GET", "/api/orders/recent/{customerId:int}");
        Assert.Equal("method OrdersController.Recent Controllers/OrdersController.cs:11-14", Handler(recent));
        Assert.Equal(
            [
                "1 OrderService.RecentAsync Services/OrderService.cs:23",
                "2 OrderRepository.ListRecentAsync Data/OrderRepository.cs:7",
                "2 OrderService.Normalize Services/OrderService.cs:29",
            ],
            Methods(recent));
        Assert.Equal(
            ["2 ef ToListAsync Order read bounded=yes filters=[CustomerId,Status] orderBy=[CreatedAt desc] Data/OrderRepository.cs:8"],
            DataAccess(recent));

        var all = Link(model, "GET", "/api/orders");
        Assert.Equal(["2 ef ToListAsync Order read bounded=no filters=[] orderBy=[Id] Data/OrderRepository.cs:15"], DataAccess(all));

        var cancel = Link(model, "POST", "/api/orders/{id:int}/cancel");
        Assert.Equal(
            [
                "2 ef FindAsync Order read bounded=yes filters=[Id] orderBy=[] Data/OrderRepository.cs:19",
                "2 ef SaveChangesAsync - write bounded=? filters=[] orderBy=[] Data/OrderRepository.cs:23",
            ],
            DataAccess(cancel));
        Assert.Equal("OrdersDb", Assert.Single(recent.DataAccess).Context);
    }

    [Fact]
    public void Minimal_lambda_method_group_and_local_function_handlers_are_followed()
    {
        var model = Scan("minimal-method-groups");

        var byId = Link(model, "GET", "/products/{id:int}");
        Assert.Equal("lambda lambda Program.cs:8-12", Handler(byId));
        Assert.Equal(["1 ProductQueries.FindAsync ProductQueries.cs:7"], Methods(byId));
        Assert.Equal(["1 ef FirstOrDefaultAsync Product read bounded=yes filters=[Id,IsActive] orderBy=[] ProductQueries.cs:8"], DataAccess(byId));

        // The query is composed over two statements before it runs.
        var list = Link(model, "GET", "/products");
        Assert.Equal("method ProductQueries.ListAsync ProductQueries.cs:10-15", Handler(list));
        Assert.Equal(["0 ef ToListAsync Product read bounded=no filters=[IsActive] orderBy=[Name] ProductQueries.cs:12"], DataAccess(list));

        var touch = Link(model, "POST", "/products/{id:int}/touch");
        Assert.Equal("local-function Touch Program.cs:18-22", Handler(touch));
        Assert.Equal(["0 ef ExecuteUpdateAsync Product write bounded=? filters=[Id] orderBy=[] Program.cs:20"], DataAccess(touch));
    }

    [Fact]
    public void Mediator_send_goes_to_the_request_handler_and_its_raw_sql()
    {
        var model = Scan("mediatr-dapper");

        var get = Link(model, "GET", "/invoices/{id:guid}");
        Assert.Equal(
            ["1 GetInvoiceHandler.Handle Features/GetInvoice.cs:12", "2 NpgsqlConnectionFactory.Open ConnectionFactory.cs:13"],
            Methods(get));
        Assert.Equal(["1 dapper raw QueryFirstOrDefaultAsync - read bounded=yes filters=[] orderBy=[] Features/GetInvoice.cs:15"], DataAccess(get));

        var voided = Link(model, "POST", "/invoices/{id:guid}/void");
        Assert.Equal("1 VoidInvoiceHandler.Handle Features/VoidInvoice.cs:15", Methods(voided)[0]);
        Assert.Equal(
            [
                "1 dapper raw ExecuteAsync - write bounded=? filters=[] orderBy=[] Features/VoidInvoice.cs:18",
                "1 ado raw NpgsqlCommand - write bounded=? filters=[] orderBy=[] Features/VoidInvoice.cs:19",
            ],
            DataAccess(voided));

        // IMediator.Publish of a notification stays in the process.
        Assert.Empty(voided.Outbound);
    }

    [Fact]
    public void Typed_and_named_clients_and_bus_messages_are_outbound()
    {
        var model = Scan("typed-client-masstransit");

        var ship = Link(model, "POST", "/shipments/{id:int}");
        Assert.Equal(
            [
                "1 http ICarrierClient PostAsJsonAsync CarrierClient.CreateLabelAsync CarrierClient.cs:16",
                "0 typed-client ICarrierClient CreateLabelAsync ShipmentsController.Ship ShipmentsController.cs:17",
                "0 publish ShipmentCreated Publish ShipmentsController.Ship ShipmentsController.cs:18",
                "0 send PrintLabel Send ShipmentsController.Ship ShipmentsController.cs:20",
            ],
            Outbound(ship));

        var rates = Link(model, "GET", "/shipments/rates");
        Assert.Equal(["0 http rates GetStringAsync ShipmentsController.Rates ShipmentsController.cs:28"], Outbound(rates));
    }

    [Fact]
    public void Razor_page_handlers_read_through_a_context_interface()
    {
        var model = Scan("razor-page-handlers");

        var get = Link(model, "GET", "/Orders");
        Assert.Equal("method IndexModel.OnGetAsync Pages/Orders/Index.cshtml.cs:12-19", Handler(get));
        Assert.Equal(["0 ef ToListAsync Order read bounded=no filters=[Customer] orderBy=[PlacedAt desc] Pages/Orders/Index.cshtml.cs:14"], DataAccess(get));

        var delete = Link(model, "POST", "/Orders");
        Assert.Equal(
            [
                "0 ef SingleAsync Order read bounded=yes filters=[Id] orderBy=[] Pages/Orders/Index.cshtml.cs:23",
                "0 ef Remove Order write bounded=? filters=[] orderBy=[] Pages/Orders/Index.cshtml.cs:24",
                "0 ef SaveChangesAsync - write bounded=? filters=[] orderBy=[] Pages/Orders/Index.cshtml.cs:25",
            ],
            DataAccess(delete));
    }

    [Fact]
    public void FastEndpoints_handle_and_execute_methods_are_followed()
    {
        var model = Scan("fastendpoints-handlers");

        var stock = Link(model, "GET", "/stock/{sku}");
        Assert.Equal("method GetStock.HandleAsync Endpoints.cs:21-25", Handler(stock));
        Assert.Equal(["1 StockRepository.BySkuAsync Inventory.cs:28"], Methods(stock));
        Assert.Equal(["1 ef FirstOrDefaultAsync StockItem read bounded=yes filters=[Sku] orderBy=[] Inventory.cs:28"], DataAccess(stock));

        var low = Link(model, "GET", "/stock/low");
        Assert.Equal("method ListLowStock.ExecuteAsync Endpoints.cs:36-37", Handler(low));
        Assert.Equal(["0 ef ToListAsync StockItem read bounded=no filters=[Quantity] orderBy=[Sku] Endpoints.cs:37"], DataAccess(low));
    }

    [Fact]
    public void Interface_with_two_implementations_and_no_registration_is_a_diagnostic_not_a_guess()
    {
        var model = Scan("ambiguous-implementations");

        var raise = Link(model, "POST", "/alerts");
        Assert.Equal(["1 AlertsController.Format AlertsController.cs:16"], Methods(raise));
        var diagnostic = Assert.Single(model.Diagnostics, d => d.Message.StartsWith("linking:", StringComparison.Ordinal));
        Assert.Equal(("Notifiers.cs", 3, DiagnosticSeverity.Warning), (diagnostic.File, diagnostic.Line, diagnostic.Severity));
        Assert.Contains("INotifier has 2 implementations (EmailNotifier, SmsNotifier)", diagnostic.Message, StringComparison.Ordinal);
    }
}
