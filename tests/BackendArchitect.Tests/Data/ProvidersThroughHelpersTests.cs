using BackendArchitect.Model;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Data;

/// <summary>Providers chosen away from the registration: in helpers of other files, by ABP's AbpDbContextOptions, by a design-time factory.</summary>
public sealed class ProvidersThroughHelpersTests
{
    private static readonly Lazy<SystemModel> Model = new(() => ScanEngine.Scan(Paths.Fixture("data", "providers-through-helpers")));

    [Fact]
    public void Each_context_gets_the_provider_its_registration_reaches()
    {
        string[] expected =
        [
            "context ArchiveContext service=Orders.Api provider=SQLite at=src/Orders.Infrastructure/Data/OrdersContext.cs:16 sets=Orders:Order",
            "context AuditArchiveDbContext service=Audit.Host provider=SQLite at=src/Audit.EntityFrameworkCore/AuditEntityFrameworkCoreModule.cs:20 sets=Entries:AuditEntry",
            "context AuditDbContext service=Audit.Host provider=MySQL at=src/Audit.EntityFrameworkCore/AuditEntityFrameworkCoreModule.cs:15 sets=Entries:AuditEntry",
            "context OrdersContext service=Orders.Api provider=PostgreSQL at=src/Orders.Infrastructure/Data/OrdersContext.cs:5 sets=Orders:Order",
            "context ReportingContext service=Orders.Api provider=SQL Server at=src/Orders.Infrastructure/Data/OrdersContext.cs:10 sets=Orders:Order",
        ];
        SetDiff.AssertSame(expected, DataModelLines.Contexts(Model.Value), "contexts");
    }
}
