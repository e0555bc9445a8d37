using BackendArchitect.CSharp;
using BackendArchitect.CSharp.Endpoints;

namespace BackendArchitect.Tests.Minimal;

/// <summary>How mapping methods are followed and how routes and auth are combined across them.</summary>
public sealed class MinimalRoutingTests
{
    [Fact]
    public void A_route_that_is_not_constant_is_kept_as_written_with_a_diagnostic()
    {
        var (endpoints, diagnostics) = MinimalScan.Run(null, ("Program.cs", """
            var app = WebApplication.CreateBuilder(args).Build();
            var settings = app.Configuration.Get<RouteSettings>();
            app.MapGet(settings.OrdersRoute, () => "x");
            """));

        Assert.Equal("/settings.OrdersRoute", Assert.Single(endpoints).Route);
        Assert.Contains(diagnostics, d => d.File == "Program.cs" && d.Line == 3 && d.Message.Contains("settings.OrdersRoute", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mapping_method_called_twice_reports_its_diagnostic_once()
    {
        var (endpoints, diagnostics) = MinimalScan.Run(
            null,
            ("Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.MapGroup(\"/a\").MapDynamic();\napp.MapGroup(\"/b\").MapDynamic();"),
            ("Dynamic.cs", """
                public static class Dynamic
                {
                    public static void MapDynamic(this RouteGroupBuilder group) => group.MapGet(Environment.GetEnvironmentVariable("ROUTE"), () => "x");
                }
                """));

        Assert.Equal(2, endpoints.Count);
        Assert.Single(diagnostics, d => d.File == "Dynamic.cs");
    }

    [Fact]
    public void The_fallback_policy_applies_only_to_endpoints_without_authorization_metadata()
    {
        var fallback = AuthMetadata.Authorize("fallback policy", "Program.cs", 1);
        var defaults = new Dictionary<string, ServiceAuthDefaults> { ["virtual"] = new("virtual", [], [], fallback) };
        var (endpoints, _) = MinimalScan.Run(defaults, ("Program.cs", """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/open", () => "x").AllowAnonymous();
            app.MapGet("/plain", () => "x");
            app.MapGet("/filtered", () => "x").AddEndpointFilter<AuditFilter>();
            """));

        Assert.False(MinimalScan.Single(endpoints, "GET", "/open").Auth.Required);
        Assert.True(MinimalScan.Single(endpoints, "GET", "/plain").Auth.Required);
        Assert.True(MinimalScan.Single(endpoints, "GET", "/filtered").Auth.Required);
    }

    [Fact]
    public void A_mapping_method_is_resolved_in_the_callers_project_when_two_projects_declare_the_same_name()
    {
        const string Extensions = """
            public static class EndpointExtensions
            {
                public static void MapApi(this WebApplication app) => app.MapGet("/{0}", () => "x");
            }
            """;
        var endpoints = MinimalScan.Endpoints(
            ("a/A.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"></Project>"),
            ("a/Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.MapGroup(\"/a\").MapApi();"),
            ("a/EndpointExtensions.cs", Extensions.Replace("{0}", "from-a", StringComparison.Ordinal).Replace("WebApplication app", "RouteGroupBuilder app", StringComparison.Ordinal)),
            ("b/B.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"></Project>"),
            ("b/Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.MapGroup(\"/b\").MapApi();"),
            ("b/EndpointExtensions.cs", Extensions.Replace("{0}", "from-b", StringComparison.Ordinal).Replace("WebApplication app", "RouteGroupBuilder app", StringComparison.Ordinal)));

        Assert.Equal(["/a/from-a", "/b/from-b"], endpoints.Select(e => e.Route));
        Assert.Equal(["A", "B"], endpoints.Select(e => e.Service));
    }

    [Fact]
    public void A_method_sharing_a_mapping_methods_name_but_called_on_something_else_is_not_followed()
    {
        var endpoints = MinimalScan.Endpoints(
            ("Program.cs", """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.Configure<Options>(builder.Configuration);
                var app = builder.Build();
                app.MapGroup("/api").Configure();
                """),
            ("Routes.cs", """
                public static class Routes
                {
                    public static void Configure(this RouteGroupBuilder group) => group.MapGet("/items", () => "x");
                }
                """));

        Assert.Equal(["/api/items"], endpoints.Select(e => e.Route));
    }

    [Fact]
    public void Recursive_mapping_methods_end()
    {
        var endpoints = MinimalScan.Endpoints(
            ("Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.MapGroup(\"/r\").MapTree();"),
            ("Tree.cs", """
                public static class Tree
                {
                    public static RouteGroupBuilder MapTree(this RouteGroupBuilder group)
                    {
                        group.MapGet("/leaf", () => "x");
                        group.MapGroup("/child").MapTree();
                        return group;
                    }
                }
                """));

        Assert.Equal(["/r/leaf"], endpoints.Select(e => e.Route));
    }

    [Fact]
    public void A_group_returned_by_a_mapping_method_takes_conventions_from_the_caller()
    {
        var endpoints = MinimalScan.Endpoints(
            ("Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.MapUsers().RequireAuthorization(\"Users\");\napp.MapGet(\"/other\", () => 1);"),
            ("Users.cs", """
                public static class Users
                {
                    public static IEndpointConventionBuilder MapUsers(this IEndpointRouteBuilder routes)
                    {
                        var users = routes.MapGroup("/users");
                        users.MapGet("/", () => "x");
                        return users;
                    }
                }
                """));

        Assert.Equal(["Users"], MinimalScan.Single(endpoints, "GET", "/users").Auth.Policies.ToArray());
        Assert.False(MinimalScan.Single(endpoints, "GET", "/other").Auth.Required);
    }

    [Fact]
    public void UseEndpoints_lambdas_and_startup_configure_map_at_the_root()
    {
        var endpoints = MinimalScan.Endpoints(("Startup.cs", """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapGet("/hello", () => "hi").RequireAuthorization("Greeters");
                    });
                }
            }
            """));

        var endpoint = MinimalScan.Single(endpoints, "GET", "/hello");
        Assert.Equal(["Greeters"], endpoint.Auth.Policies.ToArray());
        Assert.Equal(8, endpoint.Line);
    }

    [Theory]
    [InlineData("app.MapGet(\"/\", () => 1);", true)]
    [InlineData("group.MapOrders();", true)]
    [InlineData("app.Map(\"/\", () => 1);", true)]
    [InlineData("var dto = mapper.Map<OrderDto>(order);", false)]
    [InlineData("CreateMap<Order, OrderDto>(); var m = new Mapper(config);", false)]
    public void Documents_are_walked_only_when_they_mention_a_map_call(string text, bool expected) =>
        Assert.Equal(expected, MinimalApiEndpoints.MentionsMapCall(text));

    [Fact]
    public void Proto_services_are_read_with_package_and_rpc_names_through_comments_and_option_blocks()
    {
        var services = GrpcServices.Parse("""
            syntax = "proto3";
            /* service Hidden { rpc Nope (A) returns (B); } */
            package shop.orders.v1;
            service Orders {
              rpc Place (PlaceRequest) returns (PlaceReply) { option (google.api.http) = { post: "/v1/orders" }; }
              // rpc Commented (A) returns (B);
              rpc track_order (TrackRequest) returns (stream TrackReply);
            }
            service Audit { rpc Log (LogRequest) returns (LogReply); }
            """, "orders.proto");

        Assert.Equal(["Orders: shop.orders.v1 Place,track_order", "Audit: shop.orders.v1 Log"], services.Select(s => $"{s.Name}: {s.Package} {string.Join(',', s.Rpcs)}"));
    }
}
