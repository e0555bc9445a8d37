namespace BackendArchitect.Tests.Minimal;

/// <summary>Handler names, parameter sources and declared responses of minimal API endpoints.</summary>
public sealed class MinimalHandlerTests
{
    private const string Program = """
        var app = WebApplication.CreateBuilder(args).Build();
        var orders = app.MapGroup("/orders/{orderId:int}");
        orders.MapGet("/lines", (int orderId, int? page, ILineService lines, CancellationToken ct) => lines.List(orderId, page));
        orders.MapPost("/lines", OrderHandlers.AddLine);
        orders.MapDelete("/lines", OrderHandlers.RemoveLines);
        app.MapGet("/ping", Ping);
        app.MapGet("/typed/{id}", async Task<Results<Ok<OrderDto>, NotFound, ValidationProblem>> (int id) => TypedResults.NotFound());
        app.MapPut("/produces/{id}", (int id, OrderDto body) => Results.Ok())
            .Produces<OrderDto>(StatusCodes.Status200OK)
            .Produces(404)
            .Produces(StatusCodes.Status409Conflict, typeof(ConflictInfo))
            .ProducesProblem(500)
            .ProducesValidationProblem();
        app.MapDelete("/factories/{id}", (int id) => id > 0 ? Results.NoContent() : TypedResults.NotFound());
        app.Run();

        static string Ping() => "pong";
        """;

    private const string Handlers = """
        namespace Shop;

        public static class OrderHandlers
        {
            public static async Task<IResult> RemoveLines(int orderId, ILineService lines)
            {
                if (!await lines.Any(orderId))
                {
                    return Results.NotFound();
                }

                return TypedResults.NoContent();
            }

            public static async Task<Created<LineDto>> AddLine(int orderId, [FromHeader(Name = "X-Tenant")] string tenant, LineDto line, IFormFile? attachment) => TypedResults.Created("", line);
        }
        """;

    private static IReadOnlyList<BackendArchitect.Model.Endpoint> Scan() =>
        MinimalScan.Endpoints(("Program.cs", Program), ("OrderHandlers.cs", Handlers));

    [Fact]
    public void Lambdas_are_named_lambda_and_method_groups_by_declaring_type_and_method()
    {
        var endpoints = Scan();

        Assert.Equal("lambda", MinimalScan.Single(endpoints, "GET", "/orders/{orderId:int}/lines").Handler);
        Assert.Equal("OrderHandlers.AddLine", MinimalScan.Single(endpoints, "POST", "/orders/{orderId:int}/lines").Handler);
        Assert.Equal("Program.Ping", MinimalScan.Single(endpoints, "GET", "/ping").Handler);
    }

    [Fact]
    public void Route_parameters_include_those_declared_in_a_group_prefix()
    {
        var endpoint = MinimalScan.Single(Scan(), "GET", "/orders/{orderId:int}/lines");

        Assert.Equal("orderId:route, page:query, lines:services, ct:special", MinimalScan.Describe(endpoint.Parameters));
    }

    [Fact]
    public void Method_group_parameters_come_from_the_resolved_method_in_another_file()
    {
        var endpoint = MinimalScan.Single(Scan(), "POST", "/orders/{orderId:int}/lines");

        Assert.Equal("orderId:route, tenant:header, line:body, attachment:form", MinimalScan.Describe(endpoint.Parameters));
        Assert.Equal("201:LineDto", MinimalScan.Describe(endpoint.Responses));
    }

    [Fact]
    public void Results_union_return_type_gives_one_response_per_typed_result()
    {
        var endpoint = MinimalScan.Single(Scan(), "GET", "/typed/{id}");

        Assert.Equal("200:OrderDto, 400:HttpValidationProblemDetails, 404:-", MinimalScan.Describe(endpoint.Responses));
    }

    [Fact]
    public void Produces_conventions_add_status_codes_and_types()
    {
        var endpoint = MinimalScan.Single(Scan(), "PUT", "/produces/{id}");

        Assert.Equal("200:OrderDto, 400:HttpValidationProblemDetails, 404:-, 409:ConflictInfo, 500:ProblemDetails", MinimalScan.Describe(endpoint.Responses));
    }

    [Fact]
    public void Method_returning_IResult_reports_the_result_factories_in_its_body()
    {
        var endpoint = MinimalScan.Single(Scan(), "DELETE", "/orders/{orderId:int}/lines");

        Assert.Equal("204:-, 404:-", MinimalScan.Describe(endpoint.Responses));
    }

    [Fact]
    public void Lambda_without_return_type_reports_the_result_factories_it_calls()
    {
        var endpoint = MinimalScan.Single(Scan(), "DELETE", "/factories/{id}");

        Assert.Equal("204:-, 404:-", MinimalScan.Describe(endpoint.Responses));
    }
}
