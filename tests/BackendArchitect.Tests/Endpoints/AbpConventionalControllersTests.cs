using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Endpoints;

/// <summary>What the abp-conventional-controllers fixture says beyond its endpoint list: the modules and options it cannot follow.</summary>
public sealed class AbpConventionalControllersTests
{
    [Fact]
    public void Package_modules_and_unread_options_are_named()
    {
        string[] expected =
        [
            "Shop.HttpApi.Host/ShopHttpApiHostModule.cs:22 ABP conventional controllers from the assembly of ShopAdminApplicationModule: option UseV3UrlStyle is not read; routes are listed by the default convention and may differ",
            "Shop.HttpApi.Host/ShopHttpApiHostModule.cs:23 ABP conventional controllers from the assembly of AbpIdentityApplicationModule are not read: the module is not in the scanned code; the endpoints of its application services are missing",
        ];
        var model = ScanEngine.Scan(Paths.Fixture("endpoints", "abp-conventional-controllers"));
        var actual = model.Diagnostics.Where(d => d.Message.StartsWith("ABP", StringComparison.Ordinal)).Select(d => $"{d.File}:{d.Line} {d.Message}").ToArray();
        SetDiff.AssertSame(expected, actual, "ABP diagnostics");
    }
}
