using BackendArchitect.Model;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Data;

/// <summary>The EF model of the "blog" fixture: generic base entity, inheritance, one-to-one, annotations for keys and foreign keys, records and a file without nullable context.</summary>
public class BlogModelTests
{
    private static readonly Lazy<SystemModel> Blog = new(() => ScanEngine.Scan(Paths.Fixture("data", "blog")));

    /// <summary>AddSqlServerDbContext&lt;T&gt; registers the context and says SQL Server; a primary-constructor context is found.</summary>
    [Fact]
    public void AspireRegistrationNamesTheProvider()
    {
        string[] expected =
        [
            "context BlogContext service=Blog.Web provider=SQL Server at=Blog.Web/Data/BlogContext.cs:6 sets=Authors:Author,PostStatistics:PostStatistic,Posts:Post,Reactions:Reaction",
        ];
        SetDiff.AssertSame(expected, DataModelLines.Contexts(Blog.Value), "contexts");
    }

    /// <summary>[Key], [PrimaryKey], [Keyless], a generic base Id and a table-per-hierarchy derived entity.</summary>
    [Fact]
    public void KeysComeFromAnnotationsAndDerivedEntitiesShareTheBaseTable()
    {
        string[] expected =
        [
            "entity BlogContext.Author table=Authors key=Id at=Blog.Web/Models/Author.cs:6",
            "entity BlogContext.AuthorProfile table=AuthorProfile key=ProfileNumber at=Blog.Web/Models/Author.cs:23",
            "entity BlogContext.Comment table=Comment key=Id at=Blog.Web/Models/Comment.cs:4",
            "entity BlogContext.FeaturedPost table=Posts key=Id at=Blog.Web/Models/Post.cs:42",
            "entity BlogContext.Post table=Posts key=Id at=Blog.Web/Models/Post.cs:6",
            "entity BlogContext.PostStatistic table=PostStatistics key= at=Blog.Web/Models/Reaction.cs:23",
            "entity BlogContext.Reaction table=Reactions key=PostId,UserName at=Blog.Web/Models/Reaction.cs:7",
            "entity BlogContext.Tag table=Tag key=Id at=Blog.Web/Models/Post.cs:31",
        ];
        SetDiff.AssertSame(expected, DataModelLines.Entities(Blog.Value), "entities");
    }

    /// <summary>[Required] over "?", a complex property, #nullable disable makes strings nullable, [MaxLength] from a constant in another file, record parameters, value-converted structs, shadow properties.</summary>
    [Fact]
    public void PropertiesReadNullabilityFromAnnotationsAndNullableContext()
    {
        string[] expected =
        [
            "property BlogContext.Author.Id Guid",
            "property BlogContext.Author.DisplayName string column=display_name",
            "property BlogContext.Author.Contact.Email string max=320",
            "property BlogContext.Author.Contact.Phone string null",
            "property BlogContext.AuthorProfile.ProfileNumber int",
            "property BlogContext.AuthorProfile.AuthorId Guid",
            "property BlogContext.AuthorProfile.Bio string",
            "property BlogContext.Comment.Id int",
            "property BlogContext.Comment.Body string null",
            "property BlogContext.Comment.Email string null",
            "property BlogContext.FeaturedPost.Rank int",
            "property BlogContext.Post.Id int",
            "property BlogContext.Post.Title string max=200",
            "property BlogContext.Post.Slug PostSlug max=120",
            "property BlogContext.Post.WriterId Guid",
            "property BlogContext.Post.EditorKey Guid null",
            "property BlogContext.Post.Keywords List<string>",
            "property BlogContext.Post.UpdatedAt DateTime",
            "property BlogContext.PostStatistic.PostId int",
            "property BlogContext.PostStatistic.Views long",
            "property BlogContext.Reaction.PostId int",
            "property BlogContext.Reaction.UserName string",
            "property BlogContext.Reaction.Emoji Emoji",
            "property BlogContext.Tag.Id int",
            "property BlogContext.Tag.Name string",
        ];
        SetDiff.AssertSame(expected, DataModelLines.Properties(Blog.Value), "properties");
    }

    /// <summary>[InverseProperty] pairs two navigations to one type, [ForeignKey] names a key, HasForeignKey&lt;T&gt; picks the one-to-one dependent, a shadow key for a self reference, HasMany/WithMany/UsingEntity.</summary>
    [Fact]
    public void RelationshipsResolveInversePropertyForeignKeyAttributesAndOneToOne()
    {
        string[] expected =
        [
            "relationship BlogContext.Author.EditedPosts -> Post one-to-many fk=EditorKey required=false delete=ClientSetNull",
            "relationship BlogContext.Author.Posts -> Post one-to-many fk=WriterId required=true delete=Cascade",
            "relationship BlogContext.Author.Profile -> AuthorProfile one-to-one fk=AuthorId required=true delete=Cascade",
            "relationship BlogContext.AuthorProfile.Author -> Author one-to-one fk=AuthorId required=true delete=Cascade",
            "relationship BlogContext.Comment.Post -> Post many-to-one fk=PostId required=false delete=ClientSetNull",
            "relationship BlogContext.Post.Comments -> Comment one-to-many fk=PostId required=false delete=ClientSetNull",
            "relationship BlogContext.Post.Editor -> Author many-to-one fk=EditorKey required=false delete=ClientSetNull",
            "relationship BlogContext.Post.ReplyTo -> Post many-to-one fk=ReplyToId required=false delete=NoAction",
            "relationship BlogContext.Post.Tags -> Tag many-to-many fk= required=- delete=-",
            "relationship BlogContext.Post.Writer -> Author many-to-one fk=WriterId required=true delete=Cascade",
            "relationship BlogContext.Tag.Posts -> Post many-to-many fk= required=- delete=-",
        ];
        SetDiff.AssertSame(expected, DataModelLines.Relationships(Blog.Value), "relationships");
    }

    /// <summary>[Index] without a name and IsUnique(false).</summary>
    [Fact]
    public void IndexesFromAttributeAndFluentNonUniqueIndex()
    {
        string[] expected =
        [
            "index BlogContext.Comment (Email) name=ix_comment_email",
            "index BlogContext.Reaction (PostId)",
        ];
        SetDiff.AssertSame(expected, DataModelLines.Indexes(Blog.Value), "indexes");
    }
}
