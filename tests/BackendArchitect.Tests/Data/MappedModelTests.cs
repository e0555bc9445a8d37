using BackendArchitect.Model;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Data;

/// <summary>EF model classes that derive from same-named domain classes in another project.</summary>
public class MappedModelTests
{
    private static readonly Lazy<SystemModel> Mapped = new(() => ScanEngine.Scan(Paths.Fixture("data", "mapped-models")));

    [Fact]
    public void ModelClassTakesColumnsFromTheSameNamedDomainBase()
    {
        string[] expected =
        [
            "property VaultContext.Folder.Id Guid",
            "property VaultContext.Folder.UserId Guid",
            "property VaultContext.Folder.Name string",
            "property VaultContext.User.Id Guid",
            "property VaultContext.User.Email string",
        ];
        SetDiff.AssertSame(expected, DataModelLines.Properties(Mapped.Value), "properties");
    }

    [Fact]
    public void NavigationsBetweenModelClassesUseTheInheritedForeignKey()
    {
        string[] expected =
        [
            "relationship VaultContext.Folder.User -> User many-to-one fk=UserId required=true delete=Cascade",
            "relationship VaultContext.User.Folders -> Folder one-to-many fk=UserId required=true delete=Cascade",
        ];
        SetDiff.AssertSame(expected, DataModelLines.Relationships(Mapped.Value), "relationships");
    }

    [Fact]
    public void ModelClassesAreReportedAtTheirOwnDeclaration()
    {
        string[] expected =
        [
            "entity VaultContext.Folder table=Folders key=Id at=src/Infrastructure/Models/Folder.cs:5",
            "entity VaultContext.User table=Users key=Id at=src/Infrastructure/Models/Folder.cs:10",
        ];
        SetDiff.AssertSame(expected, DataModelLines.Entities(Mapped.Value), "entities");
    }
}
