using System.Text.Json;
using BackendArchitect.Reports.Schema;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Replay;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Reports;

/// <summary>docs/schema-json.md keeps up with the schema model that `db schema --format json` writes.</summary>
public sealed class SchemaJsonDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(Paths.RepositoryRoot, "docs", "schema-json.md"));

    [Fact]
    public void Every_serialized_field_of_the_schema_is_documented()
    {
        var missing = JsonFormatDocTests.SerializedNames(typeof(Model.Schema), [])
            .Where(name => !Doc.Contains($"| `{name}` |", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(missing.Count == 0, "Not documented in docs/schema-json.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void Db_schema_json_reads_back_with_the_documented_top_level_fields()
    {
        var sql = "CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL);\nCREATE TYPE mood AS ENUM ('ok', 'sad');";
        var schema = new SchemaReplayer(SqlDialect.PostgreSql).ReplayAll([Migration.FromParse("1", SqlParser.Parse("1.sql", sql, SqlDialect.PostgreSql))]);

        using var json = JsonDocument.Parse(SchemaJson.Render(schema));

        Assert.Equal(["tables", "enums", "sequences", "views"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var customers = json.RootElement.GetProperty("tables").GetProperty("customers");
        Assert.Equal("id", customers.GetProperty("primaryKey").GetProperty("columns")[0].GetString());
        Assert.Equal(["ok", "sad"], json.RootElement.GetProperty("enums").GetProperty("mood").GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        foreach (var top in json.RootElement.EnumerateObject())
        {
            Assert.Contains($"| `{top.Name}` |", Doc);
        }
    }
}
