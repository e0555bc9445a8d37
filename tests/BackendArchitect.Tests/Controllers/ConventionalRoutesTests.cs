using BackendArchitect.CSharp.Endpoints;

namespace BackendArchitect.Tests.Controllers;

/// <summary>Which conventional route reaches an action, and the URL reported for it.</summary>
public sealed class ConventionalRoutesTests
{
    private static readonly Dictionary<string, string> NoDefaults = new(StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Default_route_expands_controller_and_action_and_keeps_other_parameters()
    {
        var route = new ConventionalRoute(ConventionalRoutes.DefaultPattern, null, NoDefaults);

        Assert.Equal("/Home/Index/{id?}", ConventionalRoutes.Expand(route, "Home", "Index", null));
    }

    [Fact]
    public void Route_without_area_parameter_does_not_reach_area_controllers()
    {
        var route = new ConventionalRoute(ConventionalRoutes.DefaultPattern, null, NoDefaults);

        Assert.Null(ConventionalRoutes.Expand(route, "Dashboard", "Index", "Admin"));
    }

    [Fact]
    public void Area_exists_route_reaches_only_area_controllers()
    {
        var route = new ConventionalRoute("{area:exists}/{controller=Home}/{action=Index}", null, NoDefaults);

        Assert.Equal("/Admin/Dashboard/Index", ConventionalRoutes.Expand(route, "Dashboard", "Index", "Admin"));
        Assert.Null(ConventionalRoutes.Expand(route, "Home", "Index", null));
    }

    [Fact]
    public void Route_with_fixed_defaults_reaches_only_that_action()
    {
        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["controller"] = "Blog", ["action"] = "Article" };
        var route = new ConventionalRoute("blog/{*slug}", null, defaults);

        Assert.Equal("/blog/{*slug}", ConventionalRoutes.Expand(route, "Blog", "Article", null));
        Assert.Null(ConventionalRoutes.Expand(route, "Blog", "Index", null));
    }

    [Fact]
    public void Slugify_constraint_transforms_the_value()
    {
        var route = new ConventionalRoute("{controller:slugify=Home}/{action:slugify=Index}/{id?}", null, NoDefaults);

        Assert.Equal("/order-history/view-all/{id?}", ConventionalRoutes.Expand(route, "OrderHistory", "ViewAll", null));
    }
}
