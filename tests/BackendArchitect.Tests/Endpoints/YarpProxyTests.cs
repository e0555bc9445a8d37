using BackendArchitect.Model;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Endpoints;

/// <summary>What the yarp-proxy-routes fixture says beyond its endpoint list: clusters, and routes it cannot read.</summary>
public sealed class YarpProxyTests
{
    private static readonly Lazy<SystemModel> Model = new(() => ScanEngine.Scan(Paths.Fixture("endpoints", "yarp-proxy-routes")));

    [Fact]
    public void A_proxy_endpoint_names_its_route_and_cluster()
    {
        var admin = Assert.Single(Model.Value.Endpoints, e => e.Route == "/api/admin/{**catch-all}");
        Assert.Equal(EndpointKinds.Proxy, admin.Kind);
        Assert.Equal("Shop.Gateway", admin.Service);
        Assert.Equal("proxy route admin to cluster admin", admin.Handler);
    }

    [Fact]
    public void Routes_in_code_or_missing_from_the_json_configuration_are_named_in_diagnostics()
    {
        string[] expected =
        [
            "Cloud.Gateway/Program.cs:5 MapReverseProxy: no 'ReverseProxy:Routes' found in the JSON files of 'Cloud.Gateway' (routes from a config server or environment variables are not read); proxy endpoints are missing",
            "Edge.Gateway/Program.cs:4 YARP routes given in code (LoadFromMemory or a custom IProxyConfigProvider) are not read; proxy endpoints may be missing",
        ];
        var actual = Model.Value.Diagnostics
            .Where(d => d.Message.Contains("MapReverseProxy", StringComparison.Ordinal) || d.Message.Contains("YARP", StringComparison.Ordinal))
            .Select(d => $"{d.File}:{d.Line} {d.Message}")
            .ToArray();
        SetDiff.AssertSame(expected, actual, "proxy diagnostics");
    }
}
