using BackendArchitect.Model;
using BackendArchitect.Reports;

namespace BackendArchitect.Tests.Reports;

/// <summary>Linking a compose service to the scanned service it runs.</summary>
public sealed class ComposeLinksTests
{
    private static ComposeService Compose(string name, string? build, string? dockerfile, string file = "deploy/docker-compose.yml") =>
        new(file, 1, name, null, build, [], [], [], dockerfile);

    private static SystemModel Model(params ContainerImage[] containers) => SampleModel.Create() with
    {
        Containers = [.. containers],
        ComposeServices = [],
    };

    [Fact]
    public void A_compose_service_runs_the_service_whose_assembly_its_dockerfile_starts()
    {
        var model = Model(new ContainerImage("src/Orders.Api/Dockerfile", ["mcr.microsoft.com/dotnet/aspnet:10.0"], [], "dotnet Orders.Api.dll"));

        Assert.Equal("Orders.Api", ComposeLinks.BuiltService(Compose("web", "..", "src/Orders.Api/Dockerfile"), model)?.Name);
        Assert.Null(ComposeLinks.BuiltService(Compose("web", "..", "src/Other/Dockerfile"), model));
        Assert.Null(ComposeLinks.BuiltService(Compose("web", "../..", "Dockerfile"), model));
    }

    [Fact]
    public void A_compose_service_named_like_the_service_or_built_from_its_folder_runs_it()
    {
        var model = Model();

        Assert.Equal("Orders.Api", ComposeLinks.BuiltService(Compose("orders-api", null, null), model)?.Name);
        Assert.Equal("Orders.Api", ComposeLinks.BuiltService(Compose("web", "../src/Orders.Api", null), model)?.Name);
        Assert.Null(ComposeLinks.BuiltService(Compose("db", null, null), model));
    }

    [Fact]
    public void The_default_dockerfile_is_looked_up_in_the_build_context()
    {
        var image = new ContainerImage("Dockerfile", [], [], "dotnet Orders.Api.dll");
        var model = Model(image);

        Assert.Same(image, ComposeLinks.DockerfileOf(Compose("api", ".", null, "docker-compose.yml"), model));
    }
}
