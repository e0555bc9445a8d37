using BackendArchitect.Model;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Wiring;

/// <summary>Startup.Configure hosts (startup-style) and wiring split over extension methods and projects (extension-split).</summary>
public sealed class StartupAndExtensionWiringTests
{
    private static readonly Lazy<SystemModel> Startup = new(() => ScanEngine.Scan(Paths.Fixture("wiring", "startup-style")));
    private static readonly Lazy<SystemModel> Split = new(() => ScanEngine.Scan(Paths.Fixture("wiring", "extension-split")));

    [Fact]
    public void Startup_configure_pipeline_keeps_else_if_conditions_inline_middleware_and_chained_calls()
    {
        Assert.Equal(
            [
                "1 UseDeveloperExceptionPage Startup.cs:40 if IsDevelopment()",
                "2 UseExceptionHandler Startup.cs:44 if !IsDevelopment() && IsStaging() (/Home/Error)",
                "3 UseStaticFiles Startup.cs:47",
                "4 UseResponseCaching Startup.cs:48",
                "5 UseCors Startup.cs:49 (legacy-clients)",
                "6 UseAuthentication Startup.cs:50",
                "7 UseAuthorization Startup.cs:51",
                "8 Use Startup.cs:52",
                "9 UseHealthChecks Startup.cs:58 if HEALTH_ENDPOINT (/healthz)",
                "10 UseMvc Startup.cs:60",
            ],
            WiringText.Middleware(Startup.Value, "Legacy.Web"));
    }

    [Fact]
    public void Startup_configure_services_reads_open_generics_factories_instances_and_service_descriptors()
    {
        SetDiff.AssertSame(
            [
                "Legacy.Web scoped IRepository<> -> EfRepository<> Startup.cs:15",
                "Legacy.Web transient IEmailSender -> SmtpEmailSender Startup.cs:16",
                "Legacy.Web singleton FeatureFlags -> FeatureFlags Startup.cs:17",
                "Legacy.Web singleton IStartupFilter -> MigrationStartupFilter Startup.cs:18",
            ],
            WiringText.Registrations(Startup.Value),
            "Registrations");
    }

    [Fact]
    public void Startup_schemes_and_policies_resolve_framework_constants_configure_options_and_fallback_policy()
    {
        SetDiff.AssertSame(
            [
                "Legacy.Web Cookies Cookie Startup.cs:21",
                "Legacy.Web OpenIdConnect OpenIdConnect Startup.cs:22",
            ],
            WiringText.Schemes(Startup.Value),
            "Authentication schemes");
        SetDiff.AssertSame(
            [
                "Legacy.Web cors legacy-clients: AllowAnyOrigin(); AllowAnyMethod() Startup.cs:24",
                "Legacy.Web authorization Support: RequireRole(Support, Admin) Startup.cs:28",
                "Legacy.Web authorization (fallback): RequireAuthenticatedUser() Startup.cs:29",
            ],
            WiringText.Policies(Startup.Value),
            "Policies");
        SetDiff.AssertSame(["Legacy.Web /healthz (middleware) Startup.cs:58"], WiringText.HealthChecks(Startup.Value), "Health checks");
        SetDiff.AssertSame(["Legacy.Web ResponseCaching: - Startup.cs:32"], WiringText.Caches(Startup.Value), "Caches");
    }

    [Fact]
    public void App_built_inside_try_is_found_and_host_builder_uses_branches_and_map_calls_are_not_middleware()
    {
        var model = ScanEngine.Scan(Paths.Fixture("wiring", "top-level-try"));

        Assert.Equal(
            [
                "1 UseSerilogRequestLogging Program.cs:13",
                "2 UseWhen Program.cs:16",
                "3 UseExceptionHandler Program.cs:19",
            ],
            WiringText.Middleware(model, "top-level-try"));
    }

    [Fact]
    public void Web_host_configure_lambda_is_a_pipeline_root()
    {
        var model = ScanEngine.Scan(Paths.Fixture("wiring", "webhost-configure"));

        Assert.Equal(
            [
                "1 UseForwardedHeaders Program.cs:12",
                "2 UseDeveloperExceptionPage Program.cs:15 if Environment.GetEnvironmentVariable(\"GATEWAY_DEBUG\") == \"1\"",
                "3 UseRouting Program.cs:18",
                "4 UseEndpoints Program.cs:19",
            ],
            WiringText.Middleware(model, "webhost-configure"));
    }

    [Fact]
    public void Extension_methods_and_static_helpers_taking_the_app_are_followed_in_place()
    {
        Assert.Equal(
            [
                "1 UseForwardedHeaders src/Orders.Api/PipelineExtensions.cs:16",
                "2 UseMiddleware<SecurityHeadersMiddleware> src/Orders.Api/PipelineExtensions.cs:29",
                "3 UseSwagger src/Orders.Api/PipelineExtensions.cs:20 if !IsProduction()",
                "4 UseAuthentication src/Orders.Api/PipelineExtensions.cs:36",
                "5 UseAuthorization src/Orders.Api/PipelineExtensions.cs:37",
                "6 UseOutputCache src/Orders.Api/PipelineExtensions.cs:24",
            ],
            WiringText.Middleware(Split.Value, "Orders.Api"));
    }

    [Fact]
    public void Same_named_pipeline_extension_resolves_to_the_calling_service_own_declaration()
    {
        Assert.Equal(
            [
                "1 UseExceptionHandler src/Billing.Api/Program.cs:7",
                "2 UseStatusCodePages src/Billing.Api/Program.cs:8",
                "3 UseHttpLogging src/Billing.Api/Program.cs:18",
            ],
            WiringText.Middleware(Split.Value, "Billing.Api"));
    }

    [Fact]
    public void Library_wiring_belongs_to_the_service_that_references_the_library()
    {
        SetDiff.AssertSame(
            [
                "Billing.Api singleton IInvoiceNumbering -> InvoiceNumbering src/Billing.Api/Program.cs:3",
                "Orders.Api scoped OrdersDbContext -> OrdersDbContext src/Orders.Infrastructure/DependencyInjection.cs:11",
                "Orders.Api scoped IOrderRepository -> OrderRepository src/Orders.Infrastructure/DependencyInjection.cs:12",
                "Orders.Api scoped INotifier -> EmailNotifier src/Orders.Infrastructure/DependencyInjection.cs:13",
            ],
            WiringText.Registrations(Split.Value),
            "Registrations");
        SetDiff.AssertSame(
            [
                "Orders.Api typed IInventoryClient type=InventoryClient base=config:Inventory:BaseUrl handlers=[AddHttpMessageHandler<CorrelationIdHandler>, AddTransientHttpErrorPolicy] src/Orders.Infrastructure/DependencyInjection.cs:15",
                "Orders.Api refit IPaymentsApi type=IPaymentsApi base=https://payments.internal handlers=[] src/Orders.Infrastructure/DependencyInjection.cs:21",
            ],
            WiringText.HttpClients(Split.Value),
            "HttpClients");
        SetDiff.AssertSame(
            [
                "Orders.Api RabbitMQ: MassTransit; consumers: OrderSubmittedConsumer, PaymentCompletedConsumer; host: config:RabbitMq:Host src/Orders.Infrastructure/DependencyInjection.cs:28",
                "Orders.Api RabbitMQ: MassTransit receive endpoint order-submitted src/Orders.Infrastructure/DependencyInjection.cs:31",
            ],
            WiringText.Channels(Split.Value),
            "Message channels");
        SetDiff.AssertSame(
            ["Orders.Api AddDbContextCheck (OrdersDbContext) src/Orders.Infrastructure/DependencyInjection.cs:36"],
            WiringText.HealthChecks(Split.Value).Where(h => h.Contains("Orders.Infrastructure", StringComparison.Ordinal)).ToArray(),
            "Health checks");
    }

    [Fact]
    public void Shared_library_wiring_is_listed_for_each_service_that_calls_it_directly_or_through_library_methods()
    {
        SetDiff.AssertSame(
            [
                "Billing.Api self (-) src/Shared.Defaults/ServiceDefaults.cs:16",
                "Billing.Api /health (endpoint) src/Shared.Defaults/ServiceDefaults.cs:22",
                "Orders.Api self (-) src/Shared.Defaults/ServiceDefaults.cs:16",
                "Orders.Api AddDbContextCheck (OrdersDbContext) src/Orders.Infrastructure/DependencyInjection.cs:36",
            ],
            WiringText.HealthChecks(Split.Value),
            "Health checks");

        // AddLocalCache is never called: it stays with the first service (by name) that references the library.
        SetDiff.AssertSame(
            [
                "Billing.Api HybridCache: - src/Billing.Api/Program.cs:4",
                "Billing.Api Memory: IMemoryCache src/Shared.Defaults/ServiceDefaults.cs:26",
            ],
            WiringText.Caches(Split.Value),
            "Caches");
    }

    [Fact]
    public void Authorization_builder_chain_and_identity_web_scheme_default_to_their_framework_names()
    {
        SetDiff.AssertSame(
            [
                "Orders.Api authorization orders:read: RequireClaim(scope, orders.read) src/Orders.Api/PipelineExtensions.cs:8",
                "Orders.Api authorization (fallback): RequireAuthenticatedUser() src/Orders.Api/PipelineExtensions.cs:9",
            ],
            WiringText.Policies(Split.Value),
            "Policies");
        SetDiff.AssertSame(
            ["Orders.Api Bearer MicrosoftIdentityWebApi src/Orders.Api/PipelineExtensions.cs:10"],
            WiringText.Schemes(Split.Value),
            "Authentication schemes");
    }
}
