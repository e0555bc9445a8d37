using BackendArchitect.CSharp;
using BackendArchitect.CSharp.Auth;
using BackendArchitect.Model;
using BackendArchitect.Tests.Support;
using BackendArchitect.Workspace;

namespace BackendArchitect.Tests.Controllers;

/// <summary>Global authorization wiring per service: fallback policies, global filters, RequireAuthorization on MapControllers.</summary>
public sealed class ServiceAuthDefaultsReaderTests
{
    private static (IReadOnlyDictionary<string, ServiceAuthDefaults> Defaults, List<Diagnostic> Diagnostics, CSharpCorpus Corpus) Read(string root)
    {
        var diagnostics = new List<Diagnostic>();
        var corpus = CSharpCorpus.Load(WorkspaceLoader.Load(root), diagnostics);
        return (ServiceAuthDefaultsReader.Read(corpus, diagnostics), diagnostics, corpus);
    }

    private static string Program(string body) => $$"""
        var builder = WebApplication.CreateBuilder(args);
        {{body}}
        var app = builder.Build();
        app.Run();
        """;

    [Fact]
    public void Every_service_and_the_fallback_name_have_defaults()
    {
        var (defaults, _, corpus) = Read(Paths.Fixture("endpoints", "controllers-multi-service"));

        Assert.Equal(["Legacy.Web", "Orders.Api", corpus.Services.FallbackName], defaults.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Unreadable_fallback_policy_is_unknown_with_a_diagnostic()
    {
        var (defaults, diagnostics, _) = Read(Paths.Fixture("endpoints", "controllers-multi-service"));

        Assert.Equal(AuthMetadataKind.Unknown, defaults["Legacy.Web"].Fallback?.Kind);
        Assert.Contains(diagnostics, d => d.File == "services/Legacy/Program.cs" && d.Message.Contains("fallback", StringComparison.Ordinal));
        Assert.Null(defaults["Orders.Api"].Fallback);
    }

    [Fact]
    public void Require_authorization_on_map_controllers_applies_its_policy_to_controllers()
    {
        var (defaults, _, _) = Read(Paths.Fixture("endpoints", "controllers-multi-service"));

        var m = Assert.Single(defaults["Orders.Api"].Controllers);
        Assert.Equal(AuthMetadataKind.Authorize, m.Kind);
        Assert.Equal(["OrdersScope"], m.Policies.ToArray());
        Assert.Equal("services/Orders/Program.cs", m.File);
    }

    [Fact]
    public void Global_authorize_filter_in_an_extension_method_of_the_service_is_found()
    {
        var (defaults, _, _) = Read(Paths.Fixture("endpoints", "controllers-global-filter"));

        var m = Assert.Single(defaults["Payments.Api"].Controllers);
        Assert.Equal(["PaymentsUser"], m.Policies.ToArray());
        Assert.Equal("Extensions/MvcSetup.cs", m.File);
    }

    [Fact]
    public void Fallback_equal_to_default_policy_requires_authentication_and_notes_the_changed_default()
    {
        using var dir = new TempDirectory();
        dir.Write("Program.cs", Program("""
            builder.Services.AddAuthorization(o =>
            {
                o.DefaultPolicy = new AuthorizationPolicyBuilder().RequireRole("Staff").Build();
                o.FallbackPolicy = o.DefaultPolicy;
            });
            """));

        var (defaults, _, corpus) = Read(dir.Path);

        var fallback = ServiceAuthDefaultsReader.For(defaults, corpus.Services.Services[0].Name).Fallback;
        Assert.NotNull(fallback);
        Assert.Equal(AuthMetadataKind.Authorize, fallback.Kind);
        Assert.Equal(["Staff"], fallback.Roles.ToArray());
        Assert.Contains("default policy changed at Program.cs:4", fallback.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Configure_mvc_options_filters_and_allow_anonymous_on_map_controllers_are_read()
    {
        using var dir = new TempDirectory();
        dir.Write("Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<MvcOptions>(o => o.Filters.Add(new AuthorizeFilter()));
            builder.Services.Configure<JsonOptions>(o => o.Filters.Add(new AuthorizeFilter("Ignored")));
            var app = builder.Build();
            app.MapControllers().AllowAnonymous();
            app.MapRazorPages().RequireAuthorization(new AuthorizeAttribute { Roles = "Admin, Ops" });
            app.Run();
            """);

        var (defaults, _, corpus) = Read(dir.Path);

        var d = defaults[corpus.Services.Services[0].Name];
        Assert.Equal([AuthMetadataKind.Authorize, AuthMetadataKind.AllowAnonymous], d.Controllers.Select(m => m.Kind));
        Assert.Empty(d.Controllers[0].Policies);
        Assert.Equal(["Admin", "Ops"], d.RazorPages[^1].Roles.ToArray());
    }

    [Fact]
    public void Authorize_filter_with_a_policy_built_in_a_local_variable_reads_its_roles_and_schemes()
    {
        using var dir = new TempDirectory();
        dir.Write("Program.cs", Program("""
            builder.Services.AddMvc(options =>
            {
                var policy = new AuthorizationPolicyBuilder("Cookies")
                    .RequireAuthenticatedUser()
                    .RequireRole("Admin", "Auditor")
                    .Build();
                options.Filters.Add(new AuthorizeFilter(policy));
            });
            """));

        var (defaults, diagnostics, corpus) = Read(dir.Path);

        var m = Assert.Single(defaults[corpus.Services.Services[0].Name].Controllers);
        Assert.Equal(["Admin", "Auditor"], m.Roles.ToArray());
        Assert.Equal(["Cookies"], m.Schemes.ToArray());
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Global_custom_authorization_filter_is_unknown_and_other_filters_are_ignored()
    {
        using var dir = new TempDirectory();
        dir.Write("Program.cs", Program("""
            builder.Services.AddControllers(o =>
            {
                o.Filters.Add<TenantGate>();
                o.Filters.Add(typeof(RequestLogger));
            });
            """));
        dir.Write("Filters.cs", """
            public sealed class TenantGate : IAsyncAuthorizationFilter
            {
                public Task OnAuthorizationAsync(AuthorizationFilterContext context) => Task.CompletedTask;
            }

            public sealed class RequestLogger : IActionFilter
            {
                public void OnActionExecuting(ActionExecutingContext context) { }
                public void OnActionExecuted(ActionExecutedContext context) { }
            }
            """);

        var (defaults, _, corpus) = Read(dir.Path);

        var m = Assert.Single(defaults[corpus.Services.Services[0].Name].Controllers);
        Assert.Equal(AuthMetadataKind.Unknown, m.Kind);
    }

    [Fact]
    public void Null_fallback_policy_means_no_fallback()
    {
        using var dir = new TempDirectory();
        dir.Write("Program.cs", Program("builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(null);"));

        var (defaults, _, corpus) = Read(dir.Path);

        Assert.Null(defaults[corpus.Services.Services[0].Name].Fallback);
    }

    [Fact]
    public void For_returns_none_for_a_missing_service()
    {
        var d = ServiceAuthDefaultsReader.For(new Dictionary<string, ServiceAuthDefaults>(), "missing");

        Assert.Equal(ServiceAuthDefaults.None("missing").Service, d.Service);
        Assert.Empty(d.Controllers);
        Assert.Null(d.Fallback);
    }
}
