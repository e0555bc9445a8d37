using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Endpoints;

/// <summary>The unread-styles fixture: each recognised but unread endpoint style (and each ABP module that is not in the code) is named once per service, nothing else is.</summary>
public sealed class UnreadEndpointStylesTests
{
    [Fact]
    public void Each_unread_style_gets_one_diagnostic_per_service_at_its_first_use()
    {
        string[] expected =
        [
            "Catalog.HttpApi.Host/CatalogHostModule.cs:12 ABP conventional controllers from the assembly of CatalogApplicationModule are not read: the module is not in the scanned code; the endpoints of its application services are missing",
            "Catalog.HttpApi.Host/CatalogHostModule.cs:17 ABP conventional controllers from the assembly of CatalogAdminApplicationModule are not read: the module is not in the scanned code; the endpoints of its application services are missing",
            "Functions.App/OrdersFunction.cs:9 Azure Functions HTTP triggers ([HttpTrigger]) are not read: their endpoints are missing",
            "Grpc.CodeFirst/Program.cs:6 gRPC code-first services (AddCodeFirstGrpc) are not read: their endpoints are missing",
            "Odata.Api/ProductsController.cs:5 OData routing (AddOData, ODataController) is not read: OData endpoints may be missing or listed without their OData routes",
        ];
        var model = ScanEngine.Scan(Paths.Fixture("endpoints", "unread-styles"));
        var actual = model.Diagnostics
            .Where(d => d.Message.Contains("are not read", StringComparison.Ordinal) || d.Message.Contains("is not read", StringComparison.Ordinal))
            .Select(d => $"{d.File}:{d.Line} {d.Message}")
            .ToArray();
        SetDiff.AssertSame(expected, actual, "unread endpoint style diagnostics");
    }
}
