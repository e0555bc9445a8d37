using BackendArchitect.Model;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Wiring;

/// <summary>Broker clients, direct Redis connections, global limiters (brokers fixture) and odd input.</summary>
public sealed class BrokerAndRobustnessWiringTests
{
    private static readonly Lazy<SystemModel> Brokers = new(() => ScanEngine.Scan(Paths.Fixture("wiring", "brokers")));

    [Fact]
    public void Broker_clients_and_constant_or_configured_topics_are_listed_by_technology_and_look_alike_types_are_not()
    {
        SetDiff.AssertSame(
            [
                "Events.Api Azure Service Bus: config:ConnectionStrings:ServiceBus Program.cs:11",
                "Events.Api RabbitMQ: Wolverine Program.cs:16",
                "Events.Api Kafka: producer Messaging/KafkaPublisher.cs:11",
                "Events.Api Kafka: consumer Messaging/KafkaPublisher.cs:19",
                "Events.Api Kafka: subscribe orders Messaging/KafkaPublisher.cs:20",
                "Events.Api Kafka: produce orders.placed Messaging/KafkaPublisher.cs:28",
                "Events.Api Kafka: produce config:Kafka:AuditTopic Messaging/KafkaPublisher.cs:31",
                "Events.Api NServiceBus: endpoint Events.Notifications Messaging/NotificationEndpoint.cs:7",
                "Events.Api RabbitMQ: RabbitMQ.Client; host: rabbitmq Messaging/RabbitConnection.cs:7",
                "Events.Api Azure Service Bus: ServiceBusClient; env:AUDIT_BUS Messaging/RabbitConnection.cs:12",
            ],
            WiringText.Channels(Brokers.Value),
            "Message channels");
    }

    [Fact]
    public void Redis_connection_output_cache_policies_and_global_limiter_are_read_and_app_host_resources_are_not()
    {
        Assert.Empty(Brokers.Value.HealthChecks);
        SetDiff.AssertSame(
            [
                "Events.Api Redis: ConnectionMultiplexer; config:Redis:Configuration Program.cs:21",
                "Events.Api OutputCache: - Program.cs:22",
            ],
            WiringText.Caches(Brokers.Value),
            "Caches");
        SetDiff.AssertSame(
            [
                "Events.Api output-cache short: Expire(TimeSpan.FromSeconds(10)) Program.cs:22",
                "Events.Api rate-limit (global): Concurrency; PermitLimit=50; QueueLimit=0 Program.cs:25",
                "Events.Api rate-limit per-tenant: policy TenantRateLimiterPolicy Program.cs:27",
            ],
            WiringText.Policies(Brokers.Value),
            "Policies");
        SetDiff.AssertSame(
            ["Events.Api singleton IConnectionMultiplexer -> ? Program.cs:21"],
            WiringText.Registrations(Brokers.Value),
            "Registrations");
    }

    [Fact]
    public void Identity_cookies_package_handlers_and_custom_schemes_are_listed_but_not_calls_after_the_chain_leaves_the_builder()
    {
        var model = ScanEngine.Scan(Paths.Fixture("wiring", "identity-host"));

        SetDiff.AssertSame(
            [
                "identity-host Identity.Application Cookie Program.cs:2",
                "identity-host Identity.External Cookie Program.cs:2",
                "identity-host Identity.TwoFactorRememberMe Cookie Program.cs:2",
                "identity-host Identity.TwoFactorUserId Cookie Program.cs:2",
                "identity-host Google Google Program.cs:5",
                "identity-host TenantHeader TenantHeaderHandler Program.cs:6",
                "identity-host ApiKeyInHeader ApiKeyInHeader Program.cs:7",
                "identity-host OpenIdConnect MicrosoftIdentityWebApp WebApp.cs:9",
            ],
            WiringText.Schemes(model),
            "Authentication schemes");
    }

    [Fact]
    public void Broken_and_odd_startup_code_is_read_as_far_as_it_parses_without_throwing()
    {
        using var dir = new TempDirectory();
        dir.Write("Odd.Api/Odd.Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"></Project>");
        dir.Write("Odd.Api/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddScoped<>(;
            builder.Services.AddSingleton(someInstance);
            builder.Services.AddAuthentication().AddJwtBearer(schemeFromSomewhere, o => { });
            builder.Services.AddHttpClient();
            var app = builder.Build();
            app.UseLoop();
            app.UseRouting(
            static class Loop
            {
                public static WebApplication UseLoop(this WebApplication app) => app.UseLoop();
            }
            """);

        var model = ScanEngine.Scan(dir.Path);

        Assert.Contains(model.Diagnostics, d => d.Message.Contains("DI registration without a visible service type", StringComparison.Ordinal));
        Assert.Contains(model.Diagnostics, d => d.Message.Contains("authentication scheme name is not a constant", StringComparison.Ordinal));
        Assert.Equal(["Odd.Api schemeFromSomewhere JwtBearer Odd.Api/Program.cs:4"], WiringText.Schemes(model));
        Assert.Empty(model.HttpClients);
        Assert.Contains("UseRouting", model.Middleware.Select(m => m.Name));
    }
}
