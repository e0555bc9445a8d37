using BackendArchitect.Model;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Data;

/// <summary>The EF model of the "services" fixture: two services, each with a context and its own class named Item.</summary>
public class ServicesModelTests
{
    private static readonly Lazy<SystemModel> Services = new(() => ScanEngine.Scan(Paths.Fixture("data", "services")));

    /// <summary>AddDbContext&lt;IOrderingContext, OrderingContext&gt;(ConfigureDatabase) with a provider per environment in that local function; AddDbContextPool with UseMySql.</summary>
    [Fact]
    public void EachContextTakesProviderAndServiceFromItsOwnRegistration()
    {
        string[] expected =
        [
            "context CatalogContext service=Catalog.Api provider=MySQL at=services/catalog/Catalog.Api/Data/CatalogContext.cs:6 sets=Items:Item",
            "context OrderingContext service=Ordering.Api provider=SQL Server, SQLite at=services/ordering/Ordering.Api/Data/OrderingContext.cs:10 sets=Items:Item",
        ];
        SetDiff.AssertSame(expected, DataModelLines.Contexts(Services.Value), "contexts");
    }

    /// <summary>Each Item is the class of its own project; the catalog configuration (applied through an extension) does not leak into ordering; an unapplied configuration joins the context of its project.</summary>
    [Fact]
    public void SameNamedEntitiesResolveToTheirOwnServiceAndConfiguration()
    {
        string[] expected =
        [
            "entity CatalogContext.Brand table=Brand key=Id at=services/catalog/Catalog.Api/Domain/Item.cs:16",
            "entity CatalogContext.Item table=catalog_items key=Id at=services/catalog/Catalog.Api/Domain/Item.cs:3",
            "entity CatalogContext.Warehouse table=Warehouse key=Code at=services/catalog/Catalog.Api/Data/ItemConfiguration.cs:23",
            "entity OrderingContext.Item table=Items key=Id at=services/ordering/Ordering.Api/Data/OrderingContext.cs:15",
        ];
        SetDiff.AssertSame(expected, DataModelLines.Entities(Services.Value), "entities");
    }

    /// <summary>Ordering.Item has Quantity, Catalog.Item has the configured Title.</summary>
    [Fact]
    public void PropertiesComeFromTheMatchingDeclaration()
    {
        string[] expected =
        [
            "property CatalogContext.Brand.Id int",
            "property CatalogContext.Brand.Name string",
            "property CatalogContext.Item.Id Guid",
            "property CatalogContext.Item.Title string max=80",
            "property CatalogContext.Item.BrandId int null",
            "property CatalogContext.Item.WarehouseCode string null",
            "property CatalogContext.Warehouse.Code string",
            "property OrderingContext.Item.Id int",
            "property OrderingContext.Item.Quantity int",
        ];
        SetDiff.AssertSame(expected, DataModelLines.Properties(Services.Value), "properties");
    }

    /// <summary>HasOne().WithMany() with no inverse navigation and OnDelete(SetNull) over a nullable foreign key; HasOne&lt;T&gt;().WithMany() with no navigation at all.</summary>
    [Fact]
    public void FluentRelationshipsWithoutInverseOrAnyNavigation()
    {
        string[] expected =
        [
            "relationship CatalogContext.Item.Brand -> Brand many-to-one fk=BrandId required=false delete=SetNull",
            "relationship CatalogContext.Item. -> Warehouse many-to-one fk=WarehouseCode required=false delete=ClientSetNull",
        ];
        SetDiff.AssertSame(expected, DataModelLines.Relationships(Services.Value), "relationships");
    }
}
