using BackendArchitect.Model;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Endpoints;

/// <summary>The sources behind the auth-custom-middleware fixture's answers: the middleware is named where it runs.</summary>
public sealed class CustomAuthMiddlewareTests
{
    private static readonly Lazy<SystemModel> Model = new(() => ScanEngine.Scan(Paths.Fixture("endpoints", "auth-custom-middleware")));

    [Fact]
    public void Every_endpoint_behind_an_authenticating_middleware_lists_it_and_no_other_does()
    {
        string[] expected =
        [
            "DELETE /inline/{id}: middleware Inline.Api/Program.cs:5 custom authentication middleware Use: reads the Authorization header",
            "GET /accounts: middleware Accounts.Api/Startup.cs:12 custom authentication middleware UseMiddleware<JwtMiddleware>: reads the Authorization header (JwtMiddleware at Accounts.Api/Helpers/JwtMiddleware.cs:4)",
            "GET /inline: middleware Inline.Api/Program.cs:5 custom authentication middleware Use: reads the Authorization header",
            "GET /keys: middleware Keys.Api/Program.cs:7 custom authentication middleware UseMiddleware<ApiKeyMiddleware>: reads an API key (ApiKeyMiddleware at Keys.Api/ApiKeyMiddleware.cs:3)",
            "POST /accounts/login: middleware Accounts.Api/Startup.cs:12 custom authentication middleware UseMiddleware<JwtMiddleware>: reads the Authorization header (JwtMiddleware at Accounts.Api/Helpers/JwtMiddleware.cs:4)",
        ];
        var actual = Model.Value.Endpoints
            .SelectMany(e => e.Auth.Sources.Where(s => s.Kind == "middleware").Select(s => $"{e.Method} {e.Route}: {s.Kind} {s.File}:{s.Line} {s.Detail}"))
            .ToArray();
        SetDiff.AssertSame(expected, actual, "middleware sources");
    }

    [Fact]
    public void A_look_alike_Authorize_attribute_is_named_as_the_code_bases_own()
    {
        var list = Assert.Single(Model.Value.Endpoints, e => e.Route == "/accounts" && e.Method == "GET");
        var source = Assert.Single(list.Auth.Sources, s => s.Kind == "unknown");
        Assert.Equal("[Authorize] on action AccountsController.List (the code base's own AuthorizeAttribute at Accounts.Api/Helpers/AuthorizeAttribute.cs:6, not ASP.NET Core's)", source.Detail);
    }
}
