using BackendArchitect.Model;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Config;

/// <summary>docker-compose services: fields in both syntaxes, masking, file naming, malformed YAML.</summary>
public sealed class ComposeReaderTests
{
    private static readonly SystemModel Secrets = ScanEngine.Scan(Paths.Fixture("config", "secrets"));

    private static ComposeService Service(string name, string file = "docker-compose.yml") =>
        Assert.Single(Secrets.ComposeServices, s => s.Name == name && s.File == file);

    [Fact]
    public void Services_are_read_with_image_build_and_line()
    {
        var api = Service("api");
        Assert.Equal(5, api.Line);
        Assert.Null(api.Image);
        Assert.Equal("./src/Orders.Api", api.Build);
        Assert.Equal("Dockerfile", api.Dockerfile);
        Assert.Null(Service("db").Dockerfile);
        Assert.Equal("mcr.microsoft.com/mssql/server:2022-latest", Service("db").Image);
        Assert.Equal(25, Service("db").Line);
    }

    [Fact]
    public void Ports_in_short_and_long_syntax_are_read()
    {
        Assert.Equal(["8080:8080", "443:8443"], Service("api").Ports.ToArray());
    }

    [Fact]
    public void Depends_on_is_read_from_a_map_and_from_a_list()
    {
        Assert.Equal(["db", "cache"], Service("api").DependsOn.ToArray());
        Assert.Equal(["db"], Service("cache").DependsOn.ToArray());
    }

    [Fact]
    public void Environment_values_that_look_secret_are_masked()
    {
        var api = Service("api").Environment.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("Production", api["ASPNETCORE_ENVIRONMENT"]);
        Assert.StartsWith("Server=db;Database=orders;User Id=sa;Password=", api["ConnectionStrings__Default"]);
        Assert.DoesNotContain("ComposeSqlPw99", api["ConnectionStrings__Default"]);
        Assert.Equal("C****6", api["Jwt__Key"]);
        Assert.Null(api["EMPTY_VALUE"]);

        var db = Service("db").Environment.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("Y", db["ACCEPT_EULA"]);
        Assert.Equal("C****7", db["MSSQL_SA_PASSWORD"]);
        Assert.Equal("amqp://user:****@rabbit:5672", db["BROKER_URL"]);
        Assert.Null(db["NO_VALUE"]);
        Assert.Equal("${SA_PASSWORD}", db["SA_PASSWORD"]);
        Assert.DoesNotContain("ComposeDefaultPw55", db["BACKUP_PASSWORD"]);
    }

    [Fact]
    public void Override_files_are_compose_files_and_other_yaml_is_not()
    {
        Assert.Equal(["5000:8080"], Service("api", "compose.override.yaml").Ports.ToArray());
        Assert.DoesNotContain(Secrets.ComposeServices, s => s.File == "deploy.yml");
    }

    [Fact]
    public void Malformed_yaml_gives_a_diagnostic_with_its_line_and_no_exception()
    {
        var model = ScanEngine.Scan(Paths.Fixture("config", "invalid"));

        Assert.Empty(model.ComposeServices);
        var diagnostic = Assert.Single(model.Diagnostics, d => d.File == "docker-compose.yml");
        Assert.InRange(diagnostic.Line, 5, 7);
        Assert.Contains("invalid YAML", diagnostic.Message);
    }
}
