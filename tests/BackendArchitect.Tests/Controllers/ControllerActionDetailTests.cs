using BackendArchitect.Model;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Controllers;

/// <summary>Parameters, responses, handler names and auth sources of controller actions, read from the controllers-* fixtures.</summary>
public sealed class ControllerActionDetailTests
{
    private static readonly Lazy<SystemModel> Tokens = new(() => ScanEngine.Scan(Paths.Fixture("endpoints", "controllers-tokens")));
    private static readonly Lazy<SystemModel> Verbs = new(() => ScanEngine.Scan(Paths.Fixture("endpoints", "controllers-verbs")));
    private static readonly Lazy<SystemModel> Auth = new(() => ScanEngine.Scan(Paths.Fixture("endpoints", "controllers-auth")));

    private static Endpoint Single(SystemModel model, string method, string route) =>
        Assert.Single(model.Endpoints, e => e.Method == method && e.Route == route);

    private static string Describe(IEnumerable<Parameter> parameters) =>
        string.Join("; ", parameters.Select(p => $"{p.Name}:{p.Source}:{p.Type}"));

    private static string Describe(IEnumerable<ResponseType> responses) =>
        string.Join("; ", responses.Select(r => $"{r.Status?.ToString() ?? "-"}:{r.Type ?? "-"}"));

    [Fact]
    public void Route_constraint_parameter_binds_from_route_and_status_constants_give_response_codes()
    {
        var e = Single(Tokens.Value, "GET", "/api/Orders/{id:int}");

        Assert.Equal("id:route:int", Describe(e.Parameters));
        Assert.Equal("200:Order; 404:-", Describe(e.Responses));
    }

    [Fact]
    public void Action_token_route_binds_route_and_query_parameters_and_task_result_is_the_body()
    {
        var e = Single(Tokens.Value, "GET", "/api/Orders/ByCustomer/{customerId}");

        Assert.Equal("customerId:route:string; page:query:int", Describe(e.Parameters));
        Assert.Equal("200:IReadOnlyList<Order>", Describe(e.Responses));
        Assert.Equal("OrdersController.ByCustomerAsync", e.Handler);
    }

    [Fact]
    public void Complex_parameter_binds_from_body_and_action_result_of_t_gives_the_200_type()
    {
        var e = Single(Tokens.Value, "POST", "/api/Orders");

        Assert.Equal("request:body:CreateOrder", Describe(e.Parameters));
        Assert.Equal("200:Order", Describe(e.Responses));
    }

    [Fact]
    public void Untyped_results_declare_no_response_and_cancellation_tokens_are_special()
    {
        var list = Single(Tokens.Value, "GET", "/api/Orders");
        var delete = Single(Tokens.Value, "DELETE", "/api/Orders/{id:int}");

        Assert.Equal("cancellationToken:special:CancellationToken", Describe(list.Parameters));
        Assert.Equal("200:IReadOnlyList<Order>", Describe(list.Responses));
        Assert.Empty(delete.Responses);
    }

    [Fact]
    public void Generic_cast_and_named_response_attributes_combine_with_controller_level_ones()
    {
        var e = Single(Verbs.Value, "HEAD", "/api/v2/invoices/{id:guid}");

        Assert.Equal("200:InvoiceDto; 404:-; 410:GoneReason; 500:ProblemDetails", Describe(e.Responses));
        Assert.Equal("id:route:Guid", Describe(e.Parameters));
    }

    [Fact]
    public void Controller_endpoints_carry_kind_service_and_the_line_of_the_method_name()
    {
        var e = Single(Tokens.Value, "GET", "/api/Orders/{id:int}");

        Assert.Equal(EndpointKinds.Controller, e.Kind);
        Assert.Equal("Shop.Api", e.Service);
        Assert.Equal("Controllers/OrdersController.cs", e.File);
        Assert.Contains("GetById(int id)", File.ReadAllLines(Paths.Fixture("endpoints", "controllers-tokens", "Controllers", "OrdersController.cs"))[e.Line - 1]);
    }

    [Fact]
    public void Auth_sources_name_the_attribute_and_where_it_sits_including_base_classes()
    {
        var e = Single(Auth.Value, "DELETE", "/api/Accounts/{id}");

        var details = e.Auth.Sources.Select(s => $"{s.Kind}: {s.Detail}").ToArray();
        Assert.Contains("authorize: [Authorize] on class SecureControllerBase", details);
        Assert.Contains("authorize: [Authorize(Roles = \"Admin, Support\")] on action AccountsController.Delete", details);
        Assert.Equal(2, details.Length);
    }

    [Fact]
    public void Allow_anonymous_keeps_the_overridden_authorize_in_the_sources()
    {
        var e = Single(Auth.Value, "POST", "/api/Accounts/login");

        Assert.False(e.Auth.Required);
        Assert.Equal(["allow-anonymous", "authorize"], e.Auth.Sources.Select(s => s.Kind).Order(StringComparer.Ordinal));
    }
}
