using BackendArchitect.Model;

namespace BackendArchitect.Tests.Reports;

/// <summary>A small hand-built system model with one of each fact the reports render.</summary>
public static class SampleModel
{
    public static AuthRequirement Required(string[] policies, string[] roles) =>
        new(true, [.. policies], [.. roles], [], [new AuthSource("authorize", "[Authorize]", "Api/OrdersController.cs", 10)]);

    public static AuthRequirement Anonymous { get; } = new(false, [], [], [], [new AuthSource("allow-anonymous", "[AllowAnonymous]", "Api/OrdersController.cs", 30)]);

    public static SystemModel Create() => new()
    {
        Root = "/repos/shop",
        Services =
        [
            new Service("Orders.Api", "src/Orders.Api", "src/Orders.Api/Orders.Api.csproj", "net10.0", new SourceLocation("src/Orders.Api/Program.cs", 1)),
        ],
        Endpoints =
        [
            Endpoint("GET", "/api/orders/{id}", "OrdersController.Get", 12, Required(["CanRead"], ["Admin", "Clerk"])),
            Endpoint("POST", "/api/orders", "OrdersController.Create", 31, Anonymous),
            Endpoint("GET", "/api/health|live", "HealthController.Live", 40, Anonymous),
            Endpoint("DELETE", "/api/orders/{id}", "OrdersController.Delete", 50, AuthRequirement.Unknown),
        ],
        Middleware =
        [
            new Middleware("Orders.Api", 0, "UseAuthentication", "src/Orders.Api/Program.cs", 20, null),
            new Middleware("Orders.Api", 1, "UseAuthorization", "src/Orders.Api/Program.cs", 21, null),
        ],
        HttpClients =
        [
            new HttpDependency("Orders.Api", "payments", "named", null, "https://payments.example.com/v1/", "src/Orders.Api/Program.cs", 30),
        ],
        MessageChannels = [new MessageChannel("Orders.Api", "RabbitMQ", "MassTransit", "src/Orders.Api/Program.cs", 31)],
        Caches = [new Cache("Orders.Api", "Redis", "AddStackExchangeRedisCache", "src/Orders.Api/Program.cs", 32)],
        DataContexts =
        [
            new DataContext("Shop-Db.Context", "Orders.Api", "SqlServer", [new DbSetInfo("Orders", "Order"), new DbSetInfo("Customers", "Customer")], "src/Orders.Api/Data/ShopDbContext.cs", 5),
        ],
        Entities =
        [
            new Entity(
                "Customer",
                "Shop-Db.Context",
                "customers",
                [new EntityProperty("Id", "int", false, null, null), new EntityProperty("Email", "string", false, 200, "email")],
                ["Id"],
                [new Relationship("Orders", "Order", "one-to-many", ["CustomerId"], true, "Cascade")],
                [new EntityIndex(["Email"], true, null)],
                "src/Orders.Api/Domain/Customer.cs",
                3),
            new Entity(
                "Order",
                "Shop-Db.Context",
                "orders",
                [
                    new EntityProperty("Id", "System.Guid", false, null, null),
                    new EntityProperty("CustomerId", "int", false, null, null),
                    new EntityProperty("Total", "decimal?", true, null, null),
                    new EntityProperty("Tags", "List<string>", false, null, null),
                ],
                ["Id"],
                [new Relationship("Customer", "Customer", "many-to-one", ["CustomerId"], true, "Cascade")],
                [],
                "src/Orders.Api/Domain/Order.cs",
                3),
        ],
        Configuration =
        [
            new ConfigEntry("src/Orders.Api/appsettings.json", 3, "ConnectionStrings:Default", "Server=db;Password=S****!", true),
            new ConfigEntry("src/Orders.Api/appsettings.json", 8, "Logging:LogLevel:Default", "Information", false),
        ],
        Containers = [new ContainerImage("src/Orders.Api/Dockerfile", ["mcr.microsoft.com/dotnet/aspnet:10.0"], ["8080"], "dotnet Orders.Api.dll")],
        ComposeServices =
        [
            new ComposeService("docker-compose.yml", 2, "orders-api", null, "./src/Orders.Api", ["8080:8080"], ["db", "cache"], [new("ASPNETCORE_ENVIRONMENT", "Production")]),
            new ComposeService("docker-compose.yml", 10, "db", "postgres:16", null, [], [], []),
            new ComposeService("docker-compose.yml", 14, "cache", "redis:7", null, [], [], []),
        ],
        Statistics = new ScanStatistics(12, 3456, 9, 1),
        Diagnostics = [new Diagnostic("src/Orders.Api/appsettings.Broken.json", 4, "invalid JSON, configuration keys not read")],
    };

    /// <summary>Names that break naive Mermaid: reserved words, quotes, brackets, generics, leading digits.</summary>
    public static SystemModel Hostile() => Create() with
    {
        Services = [new Service("end", ".", null, null, null), new Service("My \"Svc\" <x> [y] {z} |p| #1;", "a", null, null, null)],
        DataContexts = [new DataContext("Ctx<T>", "end", "Npgsql \"pg\"", [], "c.cs", 1), new DataContext("Other", null, null, [], "o.cs", 1)],
        HttpClients = [new HttpDependency("end", "gh (api)", "named", null, "not a url {x}", "p.cs", 1), new HttpDependency("ghost", "x", "typed", "XClient", null, "p.cs", 2)],
        Caches = [new Cache("end", "Memory Cache", null, "p.cs", 3)],
        MessageChannels = [new MessageChannel("end", "Azure Service Bus", null, "p.cs", 4)],
        ComposeServices =
        [
            new ComposeService("d.yml", 1, "web-1", "nginx:1.25", null, [], ["db"], []),
            new ComposeService("d.yml", 2, "db", "postgres", null, [], [], []),
            new ComposeService("d.yml", 3, "mq", "rabbitmq:3", null, [], ["unknown"], []),
        ],
        Entities =
        [
            new Entity("end", "C", null, [], [], [new Relationship("Other", "Other Thing", "one-to-one", [], false, null)], [], "a.cs", 1),
            new Entity(
                "Other Thing",
                "C",
                null,
                [
                    new EntityProperty("1st", "Dictionary<string, int>", false, null, null),
                    new EntityProperty("Data", "byte[]", false, null, null),
                    new EntityProperty("Id", "System.Collections.Generic.List<Foo.Bar>?", true, null, null),
                    new EntityProperty("EndId", "int", false, null, null),
                ],
                ["Id", "1st"],
                [new Relationship("Tags", "Tag", "many-to-many", [], null, null), new Relationship("End", "end", "one-to-one", ["EndId"], true, null)],
                [],
                "b.cs",
                1),
            new Entity("Tag", "C", null, [new EntityProperty("Name", "string", false, null, null)], ["Name"], [new Relationship("Things", "Other Thing", "many-to-many", [], null, null)], [], "t.cs", 1),
        ],
    };

    private static Endpoint Endpoint(string method, string route, string handler, int line, AuthRequirement auth) =>
        new("Orders.Api", EndpointKinds.Controller, method, route, handler, "src/Orders.Api/Controllers/OrdersController.cs", line, auth, [], [], null);
}
