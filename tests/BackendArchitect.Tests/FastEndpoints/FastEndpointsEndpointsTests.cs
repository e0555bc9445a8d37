using BackendArchitect.Model;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.FastEndpoints;

/// <summary>FastEndpoints handler names, parameters, responses and degraded cases.</summary>
public sealed class FastEndpointsEndpointsTests
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup><TargetFramework>net9.0</TargetFramework></PropertyGroup>
          <ItemGroup><PackageReference Include="FastEndpoints" Version="5.30.0" /></ItemGroup>
        </Project>
        """;

    private const string Program = """
        using FastEndpoints;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddFastEndpoints();
        var app = builder.Build();
        app.UseFastEndpoints();
        app.Run();
        """;

    private const string Orders = """
        using FastEndpoints;

        namespace Api;

        public sealed class UpdateOrderRequest
        {
            public long OrderId { get; set; }
            public string Note { get; set; } = "";
        }

        public sealed record OrderDto(long Id);

        public sealed class UpdateOrder : Endpoint<UpdateOrderRequest, OrderDto>
        {
            public override void Configure()
            {
                Verbs(Http.PUT, Http.PATCH);
                Routes("/orders/{orderId}");
            }

            public override Task HandleAsync(UpdateOrderRequest request, CancellationToken ct) => SendOkAsync(new OrderDto(request.OrderId), ct);
        }

        public sealed class FindOrder : Endpoint<UpdateOrderRequest, OrderDto>
        {
            public override void Configure() => Get("/orders/{orderId}/{day:int}");

            public override Task<OrderDto> ExecuteAsync(UpdateOrderRequest req, CancellationToken ct) => Task.FromResult(new OrderDto(req.OrderId));
        }

        public abstract class CommandEndpoint<TCommand, TResult> : Endpoint<TCommand, TResult>
            where TCommand : notnull
        {
        }

        public sealed class ShipOrder : CommandEndpoint<ShipCommand, ShipResult>
        {
            public override void Configure() => Post("/orders/ship");

            public override Task HandleAsync(ShipCommand cmd, CancellationToken ct) => Task.CompletedTask;
        }
        """;

    [Fact]
    public void Handler_is_HandleAsync_or_an_overridden_ExecuteAsync()
    {
        var endpoints = Scan(Orders, out _);

        Assert.Equal(
            ["GET FindOrder.ExecuteAsync", "PATCH UpdateOrder.HandleAsync", "POST ShipOrder.HandleAsync", "PUT UpdateOrder.HandleAsync"],
            endpoints.Select(e => $"{e.Method} {e.Handler}").Order(StringComparer.Ordinal));
        Assert.All(endpoints, e => Assert.Equal(EndpointKinds.FastEndpoints, e.Kind));
    }

    [Fact]
    public void Request_dto_is_the_body_for_put_and_patch_and_route_values_take_the_dto_property_type()
    {
        var endpoints = Scan(Orders, out _);

        foreach (var update in endpoints.Where(e => e.Handler == "UpdateOrder.HandleAsync"))
        {
            Assert.Equal(["orderId:route:long", "request:body:UpdateOrderRequest"], Describe(update.Parameters));
            Assert.Equal(new ResponseType(null, "OrderDto"), Assert.Single(update.Responses));
        }
    }

    [Fact]
    public void Request_dto_of_a_get_is_bound_from_the_query_and_unknown_route_values_use_the_constraint_type()
    {
        var find = Scan(Orders, out _).Single(e => e.Method == "GET");

        Assert.Equal(["orderId:route:long", "day:route:int", "req:query:UpdateOrderRequest"], Describe(find.Parameters));
    }

    [Fact]
    public void Request_type_is_substituted_through_a_generic_base_class_of_the_code_base()
    {
        var ship = Scan(Orders, out _).Single(e => e.Method == "POST");

        Assert.Equal(["cmd:body:ShipCommand"], Describe(ship.Parameters));
        Assert.Equal(new ResponseType(null, "ShipResult"), Assert.Single(ship.Responses));
        Assert.True(ship.Auth.Required);
    }

    [Fact]
    public void Vertical_slice_endpoints_are_named_with_their_feature_and_use_the_request_of_their_own_file()
    {
        using var dir = new TempDirectory();
        dir.Write("Api/Api.csproj", Project);
        dir.Write("Api/Program.cs", Program);
        dir.Write("Api/Features/GetInvoice.cs", """
            using FastEndpoints;
            public static class GetInvoice
            {
                public sealed record Request(Guid Id);

                public sealed class Endpoint : Endpoint<Request, string>
                {
                    public override void Configure() => Get("/invoices/{id}");

                    public override Task HandleAsync(Request req, CancellationToken ct) => SendOkAsync("", ct);
                }
            }
            """);
        dir.Write("Api/Features/GetCustomer.cs", """
            using FastEndpoints;
            public static class GetCustomer
            {
                public sealed record Request(int Id);

                public sealed class Endpoint : Endpoint<Request, string>
                {
                    public override void Configure() => Get("/customers/{id}");

                    public override Task HandleAsync(Request req, CancellationToken ct) => SendOkAsync("", ct);
                }
            }
            """);

        var endpoints = ScanEngine.Scan(dir.Path).Endpoints;

        Assert.Equal(
            ["GetCustomer.Endpoint.HandleAsync id:route:int", "GetInvoice.Endpoint.HandleAsync id:route:Guid"],
            endpoints.Select(e => $"{e.Handler} {Describe(e.Parameters)[0]}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Route_selectors_name_the_route_values_and_every_verb_method_is_read()
    {
        var endpoints = Scan("""
            using FastEndpoints;
            public sealed class Lookup : Endpoint<LookupRequest>
            {
                public override void Configure()
                {
                    Head("/lookup/{@a}/{@b}", r => new { r.Region, Code = r.Sku });
                    Options(b => b.WithName("lookup"));
                }
            }
            public sealed class Search : Endpoint<SearchRequest>
            {
                public override void Configure() => Query("/search");
            }
            """, out _);

        Assert.Equal(
            ["HEAD /lookup/{Region}/{Code}", "QUERY /search"],
            endpoints.Select(e => $"{e.Method} {e.Route}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Version_without_a_readable_UseFastEndpoints_keeps_the_route_and_says_so()
    {
        using var dir = new TempDirectory();
        dir.Write("Api/Api.csproj", Project);
        dir.Write("Api/Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.UseFastEndpoints(Settings.Apply);\napp.Run();\n");
        dir.Write("Api/Ping.cs", """
            using FastEndpoints;
            public sealed class Ping : EndpointWithoutRequest
            {
                public override void Configure()
                {
                    Get("/ping");
                    Version(2);
                }
            }
            """);

        var model = ScanEngine.Scan(dir.Path);

        Assert.Equal("/ping", Assert.Single(model.Endpoints).Route);
        Assert.Contains(model.Diagnostics, d => d.File == "Api/Program.cs" && d.Message.Contains("not an inline lambda", StringComparison.Ordinal));
        Assert.Contains(model.Diagnostics, d => d.File == "Api/Ping.cs" && d.Line == 6 && d.Message.Contains("Version(2)", StringComparison.Ordinal));
    }

    [Fact]
    public void Odd_and_broken_shapes_are_skipped_without_throwing()
    {
        var endpoints = Scan("""
            using FastEndpoints;
            public sealed class NoRoute : EndpointWithoutRequest
            {
                public override void Configure() { AllowAnonymous(); }
            }
            public sealed class Broken : Endpoint<
            {
                public override void Configure() { Get( }
            }
            public sealed class Cycle : Cycle2 { }
            public class Cycle2 : Cycle { }
            public sealed class Computed : EndpointWithoutRequest
            {
                public override void Configure() => Get(RouteFor(nameof(Computed)));
            }
            """, out var diagnostics);

        var computed = Assert.Single(endpoints);
        Assert.Equal("/RouteFor(nameof(Computed))", computed.Route);
        Assert.Contains(diagnostics, d => d.Message.Contains("NoRoute declares no readable verb and route", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Message.Contains("is not a constant", StringComparison.Ordinal));
    }

    [Fact]
    public void Repositories_without_FastEndpoints_report_none_even_with_look_alike_classes()
    {
        using var dir = new TempDirectory();
        dir.Write("Api/Api.csproj", Project.Replace("FastEndpoints", "Other", StringComparison.Ordinal));
        dir.Write("Api/Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n");
        dir.Write("Api/Endpoint.cs", """
            public abstract class Endpoint<T> { public virtual void Configure() { } protected void Get(string r) { } }
            public sealed class Mine : Endpoint<string> { public override void Configure() => Get("/x"); }
            """);

        Assert.Empty(ScanEngine.Scan(dir.Path).Endpoints);
    }

    private static IReadOnlyList<Endpoint> Scan(string code, out IReadOnlyList<Diagnostic> diagnostics)
    {
        using var dir = new TempDirectory();
        dir.Write("Api/Api.csproj", Project);
        dir.Write("Api/Program.cs", Program);
        dir.Write("Api/Endpoints.cs", code);
        var model = ScanEngine.Scan(dir.Path);
        diagnostics = model.Diagnostics;
        return model.Endpoints;
    }

    private static string[] Describe(IEnumerable<Parameter> parameters) => [.. parameters.Select(p => $"{p.Name}:{p.Source}:{p.Type}")];
}
