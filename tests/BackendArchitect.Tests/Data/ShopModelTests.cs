using BackendArchitect.Model;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Data;

/// <summary>The EF model of the "shop" fixture: a layered solution with a base entity, partial and owned types, configuration classes, a helper extension and an Identity context.</summary>
public class ShopModelTests
{
    private static readonly Lazy<SystemModel> Shop = new(() => ScanEngine.Scan(Paths.Fixture("data", "shop")));

    /// <summary>AddDbContext with UseNpgsql in an Infrastructure extension (a test host that swaps in InMemory neither owns nor changes it), OnConfiguring with UseSqlite, IdentityDbContext users, sets from an abstract base context and Set&lt;T&gt;() properties.</summary>
    [Fact]
    public void ContextsInheritSetsAcrossFilesAndTakeProviderFromWiringOrOnConfiguring()
    {
        string[] expected =
        [
            "context AuthDbContext service=Shop.Api provider=SQLite at=src/Shop.Infrastructure/Identity/AuthDbContext.cs:6 sets=Users:ApplicationUser",
            "context ShopDbContext service=Shop.Api provider=PostgreSQL at=src/Shop.Infrastructure/Persistence/ShopDbContext.cs:7 sets=AuditEntries:AuditEntry,Customers:Customer,Orders:Order,Products:Product",
        ];
        SetDiff.AssertSame(expected, DataModelLines.Contexts(Shop.Value), "contexts");
    }

    /// <summary>Tables from ToTable over [Table], set names or the class name; keys from HasKey, HasNoKey, the base class Id, &lt;Type&gt;Id and Identity.</summary>
    [Fact]
    public void EntitiesIncludeNavigationReachableTypesWithTablesAndKeys()
    {
        string[] expected =
        [
            "entity AuthDbContext.ApplicationUser table=Users key=Id at=src/Shop.Infrastructure/Identity/ApplicationUser.cs:5",
            "entity ShopDbContext.AuditEntry table=AuditEntries key= at=src/Shop.Domain/Catalog/AuditEntry.cs:3",
            "entity ShopDbContext.Customer table=Customers key=Id at=src/Shop.Domain/Orders/Customer.cs:8",
            "entity ShopDbContext.Order table=orders key=Id at=src/Shop.Domain/Orders/Order.cs:7",
            "entity ShopDbContext.OrderLine table=OrderLine key=OrderId,LineNumber at=src/Shop.Domain/Orders/OrderLine.cs:3",
            "entity ShopDbContext.Payment table=Payment key=Id at=src/Shop.Domain/Orders/Payment.cs:3",
            "entity ShopDbContext.Product table=products key=ProductId at=src/Shop.Domain/Catalog/Product.cs:3",
            "entity ShopDbContext.Tag table=Tag key=Id at=src/Shop.Domain/Catalog/Product.cs:16",
        ];
        SetDiff.AssertSame(expected, DataModelLines.Entities(Shop.Value), "entities");
    }

    /// <summary>Columns include base-class and partial-class members and owned members; [NotMapped], Ignore and computed properties are left out.</summary>
    [Fact]
    public void PropertiesMergePartialsBaseClassesOwnedTypesAndConfiguration()
    {
        string[] expected =
        [
            "property AuthDbContext.ApplicationUser.DisplayName string null",
            "property ShopDbContext.AuditEntry.Action string",
            "property ShopDbContext.AuditEntry.At DateTime",
            "property ShopDbContext.Customer.Id int",
            "property ShopDbContext.Customer.CreatedAt DateTime",
            "property ShopDbContext.Customer.RowVersion byte[]",
            "property ShopDbContext.Customer.Name string max=100",
            "property ShopDbContext.Customer.Email string max=256",
            "property ShopDbContext.Customer.Phone string null",
            "property ShopDbContext.Order.Id int",
            "property ShopDbContext.Order.CreatedAt DateTime",
            "property ShopDbContext.Order.RowVersion byte[]",
            "property ShopDbContext.Order.CustomerId int",
            "property ShopDbContext.Order.Status OrderStatus",
            "property ShopDbContext.Order.PlacedAt DateTimeOffset",
            "property ShopDbContext.Order.Notes string null max=500 column=notes",
            "property ShopDbContext.Order.ShippingAddress.Street string max=300 column=ship_street",
            "property ShopDbContext.Order.ShippingAddress.City string",
            "property ShopDbContext.Order.ShippingAddress.PostalCode string null",
            "property ShopDbContext.OrderLine.OrderId int",
            "property ShopDbContext.OrderLine.LineNumber int",
            "property ShopDbContext.Payment.Id long",
            "property ShopDbContext.Payment.Amount decimal",
            "property ShopDbContext.Payment.Reference string null",
            "property ShopDbContext.OrderLine.ProductId Guid",
            "property ShopDbContext.OrderLine.UnitPrice decimal",
            "property ShopDbContext.Product.ProductId Guid",
            "property ShopDbContext.Product.Sku string",
            "property ShopDbContext.Product.Name string max=200",
            "property ShopDbContext.Product.Price decimal column=unit_price",
            "property ShopDbContext.Tag.Id int",
            "property ShopDbContext.Tag.Label string",
        ];
        SetDiff.AssertSame(expected, DataModelLines.Properties(Shop.Value), "properties");
    }

    /// <summary>Fluent HasOne/WithMany with OnDelete, conventional and shadow foreign keys, a field-backed collection (a computed one is no navigation) and a skip-navigation many-to-many.</summary>
    [Fact]
    public void RelationshipsAreReportedOnDependentAndPrincipal()
    {
        string[] expected =
        [
            "relationship ShopDbContext.Customer.Orders -> Order one-to-many fk=CustomerId required=true delete=Restrict",
            "relationship ShopDbContext.Order.Customer -> Customer many-to-one fk=CustomerId required=true delete=Restrict",
            "relationship ShopDbContext.Order.Lines -> OrderLine one-to-many fk=OrderId required=true delete=Cascade",
            "relationship ShopDbContext.Order.Payments -> Payment one-to-many fk=OrderId required=false delete=ClientSetNull",
            "relationship ShopDbContext.OrderLine.Order -> Order many-to-one fk=OrderId required=true delete=Cascade",
            "relationship ShopDbContext.OrderLine.Product -> Product many-to-one fk=ProductId required=true delete=Cascade",
            "relationship ShopDbContext.Product.Tags -> Tag many-to-many fk= required=- delete=-",
            "relationship ShopDbContext.Tag.Products -> Product many-to-many fk= required=- delete=-",
        ];
        SetDiff.AssertSame(expected, DataModelLines.Relationships(Shop.Value), "relationships");
    }

    /// <summary>[Index] with a name, HasIndex with HasDatabaseName, HasAlternateKey and an index in a ModelBuilder extension.</summary>
    [Fact]
    public void IndexesComeFromAttributesFluentCallsAndAlternateKeys()
    {
        string[] expected =
        [
            "index ShopDbContext.Customer (Email) unique name=ux_customers_email",
            "index ShopDbContext.Order (CustomerId,PlacedAt) name=ix_orders_customer_placed",
            "index ShopDbContext.Product (Sku) unique",
            "index ShopDbContext.Tag (Label) unique",
        ];
        SetDiff.AssertSame(expected, DataModelLines.Indexes(Shop.Value), "indexes");
    }
}
