using BackendArchitect.CSharp;
using BackendArchitect.CSharp.Endpoints;
using BackendArchitect.Model;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;
using BackendArchitect.Workspace;

namespace BackendArchitect.Tests.RazorPages;

/// <summary>Razor Pages routes, handler names and bound parameters.</summary>
public sealed class RazorPageEndpointsTests
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup><TargetFramework>net9.0</TargetFramework></PropertyGroup>
        </Project>
        """;

    private const string Program = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages();
        var app = builder.Build();
        app.MapRazorPages();
        app.Run();
        """;

    private const string EditModel = """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        namespace Web.Pages.Orders;

        public class EditModel : PageModel
        {
            [BindProperty]
            public OrderInput Input { get; set; } = new();

            [BindProperty(SupportsGet = true)]
            public string? ReturnUrl { get; set; }

            public string Title { get; set; } = "";

            public void OnGet(int id) { }

            public IActionResult OnPost(int id) => Page();

            [Authorize(Roles = "Admin")]
            public IActionResult OnPostDelete(int id, [FromBody] DeleteReason reason, CancellationToken ct) => Page();

            public IActionResult OnPostAttach(int id, IFormFile file, OrderNote note, IEnumerable<LineInput> lines, IOrderService orders) => Page();
        }
        """;

    [Theory]
    [InlineData("OnGet", "GET", null)]
    [InlineData("OnGetAsync", "GET", null)]
    [InlineData("OnPostDeleteAsync", "POST", "Delete")]
    [InlineData("OnPostDelete", "POST", "Delete")]
    [InlineData("OnPatch", "PATCH", null)]
    [InlineData("OnDeleteLineItem", "DELETE", "LineItem")]
    public void Handler_method_names_give_verb_and_handler_name(string method, string verb, string? handler)
    {
        var parsed = RazorPageModel.ParseHandlerName(method);

        Assert.NotNull(parsed);
        Assert.Equal((verb, handler), parsed.Value);
    }

    [Theory]
    [InlineData("OnPageHandlerExecuting")]
    [InlineData("OnPosted")]
    [InlineData("Once")]
    [InlineData("Get")]
    public void Methods_that_only_look_like_handlers_are_not_handlers(string method) =>
        Assert.Null(RazorPageModel.ParseHandlerName(method));

    [Theory]
    [InlineData("Web/Pages/Index.cshtml", "Web", null, "/", "/Index")]
    [InlineData("Web/Pages/Orders/Index.cshtml", "Web", null, "/Orders", "/Orders/Index")]
    [InlineData("Web/Pages/Orders/Edit.cshtml", "Web", "{id:int}", "/Orders/Edit/{id:int}", "/Orders/Edit")]
    [InlineData("Web/Pages/Orders/Index.cshtml", "Web", "{id?}", "/Orders/{id?}", "/Orders/Index")]
    [InlineData("Web/Pages/Orders/Details.cshtml", "Web", "/order/{id}", "/order/{id}", "/Orders/Details")]
    [InlineData("Web/Pages/Orders/Details.cshtml", "Web", "~/legacy/order", "/legacy/order", "/Orders/Details")]
    [InlineData("Web/Areas/Identity/Pages/Account/Login.cshtml", "Web", null, "/Identity/Account/Login", "/Account/Login")]
    [InlineData("Pages/Privacy.cshtml", ".", null, "/Privacy", "/Privacy")]
    public void Page_paths_become_routes(string path, string projectDirectory, string? template, string route, string viewEnginePath)
    {
        var page = RazorPageRoute.Of(path, projectDirectory, template);

        Assert.NotNull(page);
        Assert.Equal(route, page.Route);
        Assert.Equal(viewEnginePath, page.ViewEnginePath);
    }

    [Theory]
    [InlineData("Web/Pages/_Host.cshtml")]
    [InlineData("Web/Pages/Shared/_Layout.cshtml")]
    [InlineData("Web/Views/Home/Index.cshtml")]
    [InlineData("Web/Components/Pages/Counter.cshtml")]
    public void Files_outside_Pages_or_starting_with_underscore_are_not_pages(string path) =>
        Assert.Null(RazorPageRoute.Of(path, "Web", null));

    [Fact]
    public void Handler_names_are_class_and_method()
    {
        var endpoints = ScanEditPage(out _);

        Assert.Equal(
            ["GET EditModel.OnGet", "POST EditModel.OnPost", "POST EditModel.OnPostAttach", "POST EditModel.OnPostDelete"],
            endpoints.Select(e => $"{e.Method} {e.Handler}").Order(StringComparer.Ordinal));
        Assert.All(endpoints, e => Assert.Equal("/Orders/Edit/{id:int}", e.Route));
        Assert.All(endpoints, e => Assert.Equal(EndpointKinds.RazorPage, e.Kind));
    }

    [Fact]
    public void Get_binds_only_properties_that_support_get()
    {
        var get = ScanEditPage(out _).Single(e => e.Method == "GET");

        Assert.Equal(["id:route:int", "ReturnUrl:query:string?"], Describe(get.Parameters));
    }

    [Fact]
    public void Post_binds_handler_parameters_and_bound_properties_from_the_form()
    {
        var post = ScanEditPage(out _).Single(e => e.Handler == "EditModel.OnPost");

        Assert.Equal(["id:route:int", "Input:form:OrderInput", "ReturnUrl:form:string?"], Describe(post.Parameters));
    }

    [Fact]
    public void Named_handlers_take_the_handler_from_the_query_and_complex_types_from_the_form_unless_FromBody()
    {
        var endpoints = ScanEditPage(out _);
        var delete = endpoints.Single(e => e.Handler == "EditModel.OnPostDelete");
        var attach = endpoints.Single(e => e.Handler == "EditModel.OnPostAttach");

        Assert.Equal(
            ["id:route:int", "reason:body:DeleteReason", "ct:special:CancellationToken", "Input:form:OrderInput", "ReturnUrl:form:string?", "handler:query:string"],
            Describe(delete.Parameters));
        Assert.Equal(
            ["id:route:int", "file:form:IFormFile", "note:form:OrderNote", "lines:form:IEnumerable<LineInput>", "orders:services:IOrderService", "Input:form:OrderInput", "ReturnUrl:form:string?", "handler:query:string"],
            Describe(attach.Parameters));
    }

    [Fact]
    public void Authorize_on_a_handler_method_is_ignored_and_reported()
    {
        var endpoints = ScanEditPage(out var diagnostics);

        Assert.All(endpoints, e => Assert.False(e.Auth.Required));
        Assert.Contains(diagnostics, d => d.File == "Web/Pages/Orders/Edit.cshtml.cs" && d.Message.Contains("OnPostDelete is ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void Page_without_model_is_a_get_whose_handler_is_the_page_file_with_route_values_as_parameters()
    {
        using var dir = new TempDirectory();
        dir.Write("Web/Web.csproj", Project);
        dir.Write("Web/Program.cs", Program);
        dir.Write("Web/Pages/Tracking.cshtml", "@page \"{code:guid}\"\n<p>Tracking</p>\n");

        var endpoint = Assert.Single(ScanEngine.Scan(dir.Path).Endpoints);

        Assert.Equal(("GET", "/Tracking/{code:guid}", "Web/Pages/Tracking.cshtml", 1), (endpoint.Method, endpoint.Route, endpoint.Handler, endpoint.Line));
        Assert.Equal(["code:route:Guid"], Describe(endpoint.Parameters));
        Assert.Equal("Web", endpoint.Service);
    }

    [Fact]
    public void Page_directive_must_come_first_but_may_follow_comments()
    {
        using var dir = new TempDirectory();
        dir.Write("Web/Web.csproj", Project);
        dir.Write("Web/Program.cs", Program);
        dir.Write("Web/Pages/A.cshtml", "@* a comment\n   over lines *@\n\n@page\n");
        dir.Write("Web/Pages/B.cshtml", "@using Web\n@page\n");
        dir.Write("Web/Pages/C.cshtml", "@pageTitle\n");

        var endpoint = Assert.Single(ScanEngine.Scan(dir.Path).Endpoints);

        Assert.Equal(("/A", 4), (endpoint.Route, endpoint.Line));
    }

    [Fact]
    public void Map_razor_pages_require_authorization_is_one_source_of_every_page()
    {
        using var dir = new TempDirectory();
        dir.Write("Web/Web.csproj", Project);
        dir.Write("Web/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRazorPages();
            var app = builder.Build();
            app.MapRazorPages().RequireAuthorization("Staff");
            app.Run();
            """);
        dir.Write("Web/Pages/Index.cshtml", "@page\n");

        var page = Assert.Single(ScanEngine.Scan(dir.Path).Endpoints);

        var source = Assert.Single(page.Auth.Sources);
        Assert.Equal(("authorize", "Web/Program.cs", 4), (source.Kind, source.File, source.Line));
        Assert.Equal("Staff", Assert.Single(page.Auth.Policies));
    }

    [Fact]
    public void Convention_sources_name_the_convention_call_and_its_line()
    {
        using var dir = new TempDirectory();
        dir.Write("Web/Web.csproj", Project);
        dir.Write("Web/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRazorPages(o =>
                o.Conventions
                    .AuthorizeFolder("/Account")
                    .AllowAnonymousToPage("/Account/Login"));
            var app = builder.Build();
            app.MapRazorPages();
            app.Run();
            """);
        dir.Write("Web/Pages/Account/Login.cshtml", "@page\n");
        dir.Write("Web/Pages/Account/Settings.cshtml", "@page\n");

        var endpoints = ScanEngine.Scan(dir.Path).Endpoints;
        var login = endpoints.Single(e => e.Route == "/Account/Login");
        var settings = endpoints.Single(e => e.Route == "/Account/Settings");

        Assert.Equal(
            ["allow-anonymous Conventions.AllowAnonymousToPage(\"/Account/Login\") Web/Program.cs:5", "authorize Conventions.AuthorizeFolder(\"/Account\") Web/Program.cs:4"],
            login.Auth.Sources.Select(s => $"{s.Kind} {s.Detail} {s.File}:{s.Line}").Order(StringComparer.Ordinal));
        Assert.False(login.Auth.Required);
        Assert.True(settings.Auth.Required);
    }

    [Fact]
    public void Service_defaults_apply_the_razor_pages_metadata_and_the_fallback_only_where_nothing_else_decides()
    {
        using var dir = new TempDirectory();
        dir.Write("Web/Web.csproj", Project);
        dir.Write("Web/Program.cs", Program);
        dir.Write("Web/Pages/Index.cshtml", "@page\n");
        dir.Write("Web/Pages/Login.cshtml", "@page\n@model LoginModel\n");
        dir.Write("Web/Pages/Login.cshtml.cs", """
            [AllowAnonymous]
            public class LoginModel : PageModel { }
            """);
        var diagnostics = new List<Diagnostic>();
        var workspace = WorkspaceLoader.Load(dir.Path);
        var corpus = CSharpCorpus.Load(workspace, diagnostics);
        var fallback = AuthMetadata.Authorize("fallback policy", "Web/Program.cs", 2);
        var schemes = AuthMetadata.Authorize("pages filter", "Web/Program.cs", 3, schemes: ["Cookies"]);

        var withFallback = RazorPageEndpoints.Discover(corpus, workspace, new Dictionary<string, ServiceAuthDefaults> { ["Web"] = new("Web", [], [], fallback) }, diagnostics).ToList();
        var withPageDefaults = RazorPageEndpoints.Discover(corpus, workspace, new Dictionary<string, ServiceAuthDefaults> { ["Web"] = new("Web", [], [schemes], fallback) }, diagnostics).ToList();

        Assert.Equal(["/ True", "/Login False"], withFallback.Select(e => $"{e.Route} {e.Auth.Required}").Order(StringComparer.Ordinal));
        Assert.Equal("fallback policy", Assert.Single(withFallback.Single(e => e.Route == "/").Auth.Sources).Detail);
        Assert.Equal("Cookies", Assert.Single(withPageDefaults.Single(e => e.Route == "/").Auth.Schemes));
        Assert.False(withPageDefaults.Single(e => e.Route == "/Login").Auth.Required);
    }

    private static IReadOnlyList<Endpoint> ScanEditPage(out IReadOnlyList<Diagnostic> diagnostics)
    {
        using var dir = new TempDirectory();
        dir.Write("Web/Web.csproj", Project);
        dir.Write("Web/Program.cs", Program);
        dir.Write("Web/Pages/Orders/Edit.cshtml", "@page \"{id:int}\"\n@model EditModel\n");
        dir.Write("Web/Pages/Orders/Edit.cshtml.cs", EditModel);
        var model = ScanEngine.Scan(dir.Path);
        diagnostics = model.Diagnostics;
        return model.Endpoints;
    }

    private static string[] Describe(IEnumerable<Parameter> parameters) => [.. parameters.Select(p => $"{p.Name}:{p.Source}:{p.Type}")];
}
