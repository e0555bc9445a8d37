using BackendArchitect.Model;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Config;

/// <summary>Dockerfiles: multi-stage builds, ARG defaults, continuations, start commands.</summary>
public sealed class DockerfileReaderTests
{
    private static readonly SystemModel Multistage = ScanEngine.Scan(Paths.Fixture("config", "multistage"));

    [Fact]
    public void External_base_images_are_listed_with_arg_defaults_substituted_and_stages_skipped()
    {
        var image = Assert.Single(Multistage.Containers, c => c.File == "Dockerfile");
        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:9.0", "mcr.microsoft.com/dotnet/aspnet:9.0"], image.BaseImages.ToArray());
    }

    [Fact]
    public void The_final_stage_inherits_ports_and_sets_its_entrypoint()
    {
        var image = Assert.Single(Multistage.Containers, c => c.File == "Dockerfile");
        Assert.Equal(["8080", "8443/tcp"], image.ExposedPorts.ToArray());
        Assert.Equal("dotnet Orders.Api.dll", image.Entrypoint);
    }

    [Fact]
    public void Shell_form_cmd_is_the_entrypoint_and_an_unresolved_arg_is_reported()
    {
        var tools = Assert.Single(Multistage.Containers, c => c.File == "Dockerfile.tools");
        Assert.Equal(["${REGISTRY}/tools:1.0"], tools.BaseImages.ToArray());
        Assert.Equal("./run.sh --verbose", tools.Entrypoint);
        Assert.Contains(Multistage.Diagnostics, d => d.File == "Dockerfile.tools" && d.Line == 1 && d.Message.Contains("REGISTRY"));
    }

    [Fact]
    public void Env_secrets_of_a_dockerfile_never_reach_the_json_report()
    {
        Assert.DoesNotContain("DockerEnvPw123", BackendArchitect.Reports.JsonReport.Render(Multistage), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dockerfile_without_from_gives_a_diagnostic()
    {
        var model = ScanEngine.Scan(Paths.Fixture("config", "invalid"));
        Assert.Empty(model.Containers);
        Assert.Contains(model.Diagnostics, d => d.File == "Dockerfile" && d.Message.Contains("no FROM"));
    }
}
