using System.Text.Json;
using BackendArchitect.Reports.Schema;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Tests.Reports.Schema;

public sealed class SchemaReportTests
{
    private const string Ddl = """
        CREATE TYPE plan AS ENUM ('free', 'team');
        CREATE TABLE accounts (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            email varchar(320) NOT NULL UNIQUE,
            plan plan NOT NULL DEFAULT 'free'
        );
        CREATE TABLE profiles (
            account_id bigint PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
            bio text
        );
        CREATE TABLE "order<items>" (
            id serial PRIMARY KEY,
            account_id bigint NOT NULL REFERENCES accounts (id),
            reviewer_id bigint REFERENCES accounts (id),
            quantity int NOT NULL CHECK (quantity > 0)
        );
        CREATE INDEX order_items_account_idx ON "order<items>" (account_id) WHERE quantity > 1;
        """;

    private static Model.Schema Sample()
    {
        var parsed = SqlParser.Parse("001.sql", Ddl, SqlDialect.PostgreSql);
        return new SchemaReplayer(SqlDialect.PostgreSql).ReplayAll([Migration.FromParse("001", parsed)]);
    }

    [Fact]
    public void Mermaid_marks_keys_and_derives_cardinality_from_nullability_and_uniqueness()
    {
        var text = SchemaMermaid.Render(Sample());

        Assert.StartsWith("erDiagram\n", text, StringComparison.Ordinal);
        Assert.Contains("        bigint id PK\n", text, StringComparison.Ordinal);
        Assert.Contains("        character_varying_320 email UK\n", text, StringComparison.Ordinal);
        Assert.Contains("        bigint account_id PK, FK\n", text, StringComparison.Ordinal);
        Assert.Contains("    accounts ||--o| profiles : \"account_id\"\n", text, StringComparison.Ordinal);
        Assert.Contains("    accounts ||--o{ order_items_ : \"account_id\"\n", text, StringComparison.Ordinal);
        Assert.Contains("    accounts |o--o{ order_items_ : \"reviewer_id\"\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dot_draws_html_table_nodes_and_column_to_column_edges()
    {
        var text = SchemaDot.Render(Sample());

        Assert.StartsWith("digraph schema {\n", text, StringComparison.Ordinal);
        Assert.Contains("<B>order&lt;items&gt;</B>", text, StringComparison.Ordinal);
        Assert.Contains("\"order<items>\":c1 -> \"accounts\":c0 [label=\"account_id\"];", text, StringComparison.Ordinal);
        Assert.Contains("\"order<items>\":c2 -> \"accounts\":c0 [label=\"reviewer_id\", style=dashed];", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_documents_every_table_with_columns_keys_indexes_and_checks()
    {
        var text = SchemaMarkdown.Render(Sample());

        Assert.Contains("## accounts\n", text, StringComparison.Ordinal);
        Assert.Contains("| `id` | `bigint` | no | identity (always) | PK |", text, StringComparison.Ordinal);
        Assert.Contains("| `plan` | `plan` | no | `'free'` |  |", text, StringComparison.Ordinal);
        Assert.Contains("| `profiles_account_id_fkey` | `account_id` | [accounts](#accounts) `id` | cascade |", text, StringComparison.Ordinal);
        Assert.Contains("| `order_items_account_idx` | `account_id` |  |  |  | `quantity > 1` |", text, StringComparison.Ordinal);
        Assert.Contains("`quantity > 0`", text, StringComparison.Ordinal);
        Assert.Contains("| `plan` | `free`, `team` |", text, StringComparison.Ordinal);
        Assert.Contains("```mermaid\nerDiagram\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_is_camel_case_with_tables_sorted_by_name()
    {
        var text = SchemaJson.Render(Sample());

        using var document = JsonDocument.Parse(text);
        var tables = document.RootElement.GetProperty("tables");
        Assert.Equal(["accounts", "order<items>", "profiles"], tables.EnumerateObject().Select(p => p.Name));
        var email = tables.GetProperty("accounts").GetProperty("columns")[1];
        Assert.Equal("character varying(320)", email.GetProperty("type").GetString());
        Assert.False(email.GetProperty("nullable").GetBoolean());
        Assert.Equal(text, SchemaJson.Render(Sample()));
    }

    [Fact]
    public void Console_text_aligns_columns_and_lists_foreign_keys_and_indexes()
    {
        var text = SchemaConsoleText.Render(Sample());

        Assert.StartsWith("Schema: 3 tables, 3 foreign keys, 1 indexes, 1 enums, 1 sequences, 0 views\n", text, StringComparison.Ordinal);
        Assert.Contains("  email   character varying(320)  not null                   UK\n", text, StringComparison.Ordinal);
        Assert.Contains("  FK profiles_account_id_fkey (account_id) -> accounts (id) on delete cascade\n", text, StringComparison.Ordinal);
        Assert.Contains("  index order_items_account_idx (account_id) where quantity > 1\n", text, StringComparison.Ordinal);
    }
}
