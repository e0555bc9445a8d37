using System.Collections.Immutable;
using BackendArchitect.Findings;
using BackendArchitect.Model;
using BackendArchitect.Rules.Schema;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Tests.Rules.Schema;

/// <summary>What the fixtures cannot show: schemas without source files, dialect skipping, catalog shape, name splitting.</summary>
public sealed class SchemaRuleBehaviourTests
{
    private static SchemaLintContext Context(SchemaTable table, SqlDialect dialect, string file = "live:postgres") =>
        new(BackendArchitect.Model.Schema.Empty with { Tables = BackendArchitect.Model.Schema.Empty.Tables.Add(table.Name, table) }, dialect, new LintOptions(), file);

    private static SchemaTable Table(string name, params Column[] columns) =>
        new(name, [.. columns], null, [], [], [], []);

    [Fact]
    public void Findings_on_a_schema_without_origins_point_at_the_context_file()
    {
        var table = Table("events", new Column("payload", "json", true, null, null));

        var findings = new TableWithoutPrimaryKey().Check(Context(table, SqlDialect.PostgreSql))
            .Concat(new JsonInsteadOfJsonb().Check(Context(table, SqlDialect.PostgreSql)))
            .ToArray();

        Assert.Equal(["SCH001", "SCH007"], findings.Select(f => f.Code));
        Assert.All(findings, f => Assert.Equal(("live:postgres", 1), (f.File, f.Line)));
    }

    [Theory]
    [InlineData(SqlDialect.PostgreSql, new[] { "SCH006", "SCH007", "SCH010" })]
    [InlineData(SqlDialect.Unknown, new[] { "SCH006", "SCH007", "SCH010" })]
    [InlineData(SqlDialect.Sqlite, new string[0])]
    [InlineData(SqlDialect.MySql, new[] { "SCH011" })]
    public void The_runner_calls_dialect_specific_rules_only_on_their_dialects(SqlDialect dialect, string[] expected)
    {
        const string Sql = "CREATE TABLE t (code character(2) PRIMARY KEY, at timestamp without time zone NOT NULL, doc json, v varchar);";
        var migration = Migration.FromParse("001_t.sql", SqlParser.Parse("001_t.sql", Sql, dialect), null);
        ISchemaRule[] rules = [new TimestampWithoutTimeZone(), new FixedLengthChar(), new JsonInsteadOfJsonb(), new VarcharWithoutLength()];

        var (findings, _) = SqlLintRunner.Run([migration], dialect, new LintOptions(), rules: rules);

        Assert.Equal(expected, findings.Select(f => f.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Postgres_identifier_limit_counts_bytes_not_characters()
    {
        var name = new string('é', 32);
        var table = Table("t", new Column(name, "text", true, null, null)) with { PrimaryKey = new PrimaryKey(null, [name]) };

        Assert.Single(new IdentifierProblem().Check(Context(table, SqlDialect.PostgreSql)));
        Assert.Empty(new IdentifierProblem().Check(Context(table, SqlDialect.MySql)));
    }

    [Fact]
    public void Catalog_holds_sixteen_schema_rules_with_docs_and_https_references()
    {
        var rules = RuleCatalog.OfType<ISchemaRule>().Where(r => r.Metadata.Code.StartsWith("SCH", StringComparison.Ordinal)).ToArray();

        Assert.Equal(Enumerable.Range(1, 16).Select(i => $"SCH{i:000}"), rules.Select(r => r.Metadata.Code));
        Assert.All(rules, r =>
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", r.Metadata.Name);
            Assert.NotEmpty(r.Metadata.Why);
            Assert.NotEmpty(r.Metadata.Bad);
            Assert.NotEmpty(r.Metadata.Good);
            Assert.NotEmpty(r.Metadata.References);
            Assert.All(r.Metadata.References, u => Assert.StartsWith("https://", u, StringComparison.Ordinal));
        });
        Assert.Equal(rules.Length, rules.Select(r => r.Metadata.Name).Distinct().Count());
    }

    [Theory]
    [InlineData("unit_price", "unit price")]
    [InlineData("UnitPrice", "unit price")]
    [InlineData("APIKey", "api key")]
    [InlineData("address_line2", "address line2")]
    [InlineData("refresh-token", "refresh token")]
    public void Identifier_words_split_snake_camel_and_acronyms(string identifier, string words) =>
        Assert.Equal(words, string.Join(" ", IdentifierWords.Of(identifier)));

    [Theory]
    [InlineData("categories", "category")]
    [InlineData("addresses", "address")]
    [InlineData("orders", "order")]
    [InlineData("status", "status")]
    [InlineData("boxes", "box")]
    public void Singular_follows_plain_english_plurals(string plural, string singular) =>
        Assert.Equal(singular, IdentifierWords.Singular(plural));

    [Fact]
    public void Empty_tables_from_unparsed_statements_do_not_throw()
    {
        var table = new SchemaTable("", ImmutableArray<Column>.Empty, null, [], [], [new ForeignKey(null, [], "", [], null, false)], []);
        var context = Context(table, SqlDialect.PostgreSql);

        foreach (var rule in RuleCatalog.OfType<ISchemaRule>())
        {
            _ = rule.Check(context).ToArray();
        }
    }

    [Fact]
    public void Findings_on_a_renamed_table_name_both_its_names()
    {
        var table = Table("orders", new Column("total", "real", true, null, null)) with { CreatedAs = "order_items" };

        var findings = new TableWithoutPrimaryKey().Check(Context(table, SqlDialect.PostgreSql))
            .Concat(new FloatingPointMoney().Check(Context(table, SqlDialect.PostgreSql)))
            .Select(f => f.Message)
            .ToArray();

        Assert.Equal(
            ["Table orders (created as order_items) has no primary key.", "Column orders.total (created as order_items.total) looks like money but has the floating-point type real."],
            findings);
    }

    [Fact]
    public void Findings_on_a_renamed_column_name_the_name_it_was_created_under()
    {
        var table = Table("invoices", new Column("total", "real", true, null, null, CreatedAs: "amount"));

        var finding = Assert.Single(new FloatingPointMoney().Check(Context(table, SqlDialect.PostgreSql)));

        Assert.StartsWith("Column invoices.total (created as invoices.amount) looks like money", finding.Message, StringComparison.Ordinal);
    }
}
