using BackendArchitect.Model;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.CSharp;

/// <summary>Which projects are services, which are tests, and which the scan says it cannot read.</summary>
public sealed class ServiceDetectionTests
{
    private static readonly Lazy<SystemModel> Model = new(() => ScanEngine.Scan(Paths.Fixture("endpoints", "services-test-packages-and-libraries")));

    /// <summary>
    /// A Web SDK app with a stray test package stays a service; a WebApplicationFactory test project and a
    /// project that sets IsTestProject are tests; a class library with hosting helpers is not a service.
    /// </summary>
    [Fact]
    public void Only_the_web_app_is_a_service()
    {
        SetDiff.AssertSame(["Shop.Api at src/Shop.Api"], [.. Model.Value.Services.Select(s => $"{s.Name} at {s.Path}")], "services");
    }

    [Fact]
    public void Test_projects_are_skipped_by_package_and_by_property()
    {
        var skipped = Assert.Single(Model.Value.Diagnostics, d => d.Message.StartsWith("skipped the code of", StringComparison.Ordinal));
        Assert.Equal("skipped the code of 2 test project(s): Shop.Api.Tests, Shop.Contract.Tests", skipped.Message);
    }

    [Fact]
    public void An_old_style_framework_web_project_is_named_as_not_supported()
    {
        var notSupported = Model.Value.Diagnostics.Where(d => d.Message.Contains("not supported", StringComparison.Ordinal)).Select(d => $"{d.File}:{d.Line} {d.Message}");
        SetDiff.AssertSame(
            ["legacy/Shop.Legacy/Shop.Legacy.csproj:1 project Shop.Legacy is not supported: old-style .NET Framework v4.7.2 project (ASP.NET WebForms); its endpoints, authorization and wiring are read only where they look like ASP.NET Core, so endpoints may be missing"],
            [.. notSupported],
            "not-supported diagnostics");
    }
}
