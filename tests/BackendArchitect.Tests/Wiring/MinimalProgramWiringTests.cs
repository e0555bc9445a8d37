using BackendArchitect.Model;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Wiring;

/// <summary>tests/fixtures/wiring/minimal-program: a top-level Program.cs that wires everything in one place.</summary>
public sealed class MinimalProgramWiringTests
{
    private const string Service = "Shop.Api";
    private static readonly Lazy<SystemModel> Model = new(() => ScanEngine.Scan(Paths.Fixture("wiring", "minimal-program")));

    [Fact]
    public void Middleware_follows_statement_order_with_if_else_and_directive_conditions_and_skips_map_calls()
    {
        Assert.Equal(
            [
                "1 UseSwagger Program.cs:62 if IsDevelopment()",
                "2 UseSwaggerUI Program.cs:63 if IsDevelopment()",
                "3 UseExceptionHandler Program.cs:67 if !IsDevelopment() (/error)",
                "4 UseHsts Program.cs:68 if !IsDevelopment()",
                "5 UseHttpsRedirection Program.cs:71",
                "6 UseMiddleware<RequestLoggingMiddleware> Program.cs:73 if DEBUG",
                "7 UseRouting Program.cs:75",
                "8 UseCors Program.cs:76 (web)",
                "9 UseAuthentication Program.cs:77",
                "10 UseAuthorization Program.cs:78",
                "11 UseRateLimiter Program.cs:79",
            ],
            WiringText.Middleware(Model.Value, Service));
    }

    [Fact]
    public void Registrations_read_generic_typeof_factory_try_keyed_hosted_and_dbcontext_forms_but_not_mediatr()
    {
        SetDiff.AssertSame(
            [
                "Shop.Api scoped IOrderService -> OrderService Program.cs:9",
                "Shop.Api transient PriceCalculator -> PriceCalculator Program.cs:10",
                "Shop.Api singleton IClock -> SystemClock Program.cs:11",
                "Shop.Api singleton IIdGenerator -> SnowflakeIdGenerator Program.cs:12",
                "Shop.Api scoped IAuditLog -> AuditLog Program.cs:13",
                "Shop.Api singleton IPaymentGateway -> StripeGateway Program.cs:14",
                "Shop.Api singleton IHostedService -> OutboxPublisher Program.cs:15",
                "Shop.Api scoped ShopDbContext -> ShopDbContext Program.cs:16",
            ],
            WiringText.Registrations(Model.Value),
            "Registrations");
    }

    [Fact]
    public void Schemes_get_handler_defaults_explicit_names_and_the_default_of_a_wrapper_extension_but_not_claims_identities()
    {
        SetDiff.AssertSame(
            [
                "Shop.Api Bearer JwtBearer Program.cs:19",
                "Shop.Api Partner Cookie Program.cs:20",
                "Shop.Api ApiKey ApiKeyHandler Program.cs:21",
            ],
            WiringText.Schemes(Model.Value),
            "Authentication schemes");
    }

    [Fact]
    public void Policies_carry_requirements_origins_and_limits_and_resolve_constant_names()
    {
        SetDiff.AssertSame(
            [
                "Shop.Api authorization AdminOnly: RequireRole(Admin) Program.cs:25",
                "Shop.Api authorization OrdersWrite: RequireAuthenticatedUser(); RequireClaim(scope, orders.write) Program.cs:26",
                "Shop.Api cors web: WithOrigins(https://shop.example.com, https://admin.example.com); AllowAnyHeader(); AllowCredentials() Program.cs:31",
                "Shop.Api cors (default): AllowAnyOrigin() Program.cs:32",
                "Shop.Api rate-limit fixed: FixedWindow; PermitLimit=100; Window=TimeSpan.FromMinutes(1) Program.cs:37",
                "Shop.Api rate-limit burst: TokenBucket; TokenLimit=20 Program.cs:42",
            ],
            WiringText.Policies(Model.Value),
            "Policies");
    }

    [Fact]
    public void Health_checks_use_explicit_names_never_connection_strings_and_list_the_endpoint()
    {
        SetDiff.AssertSame(
            [
                "Shop.Api stripe (StripeHealthCheck) Program.cs:46",
                "Shop.Api postgres (NpgSql) Program.cs:47",
                "Shop.Api AddRedis (Redis) Program.cs:48",
                "Shop.Api /health (endpoint) Program.cs:81",
            ],
            WiringText.HealthChecks(Model.Value),
            "Health checks");
    }

    [Fact]
    public void Http_clients_are_named_or_typed_with_literal_or_configured_base_address_and_resilience_handlers()
    {
        SetDiff.AssertSame(
            [
                "Shop.Api named github type=- base=https://api.github.com/ handlers=[] Program.cs:50",
                "Shop.Api typed ICatalogClient type=CatalogClient base=config:Services:Catalog handlers=[AddStandardResilienceHandler] Program.cs:51",
            ],
            WiringText.HttpClients(Model.Value),
            "HttpClients");
    }

    [Fact]
    public void Caches_are_listed_from_registrations_and_from_constructor_injection()
    {
        SetDiff.AssertSame(
            [
                "Shop.Api Redis: IDistributedCache; config:ConnectionStrings:Redis Program.cs:54",
                "Shop.Api Memory: IMemoryCache Program.cs:55",
                "Shop.Api IDistributedCache: used by OrderService Services/OrderService.cs:5",
                "Shop.Api IMemoryCache: used by PriceCalculator Services/OrderService.cs:14",
            ],
            WiringText.Caches(Model.Value),
            "Caches");
    }

    [Fact]
    public void Mediatr_is_not_a_message_channel_and_the_fixture_reads_without_diagnostics()
    {
        Assert.Empty(Model.Value.MessageChannels);
        Assert.Empty(Model.Value.Diagnostics);
    }
}
