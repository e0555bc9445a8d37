using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Sql;

public class MigrationFolderReplayTests
{
    private static List<Migration> LoadFixture(out List<SqlParseResult> results, string name = "migrations-postgres")
    {
        var folder = Paths.Fixture("sql", name);
        results = [.. Directory.GetFiles(folder, "*.sql")
            .Order(StringComparer.Ordinal)
            .Select(path => SqlParser.Parse(Path.GetFileName(path), File.ReadAllText(path)))];
        return [.. results.Select(r => Migration.FromParse(r.File, r))];
    }

    [Fact]
    public void The_fixture_folder_parses_without_diagnostics_as_postgres()
    {
        LoadFixture(out var results);
        Assert.All(results, r => Assert.Equal(SqlDialect.PostgreSql, r.Dialect));
        Assert.Empty(results.SelectMany(r => r.Diagnostics));
        Assert.DoesNotContain(results.SelectMany(r => r.Statements), s => s.IsPartial);
    }

    [Fact]
    public void Replaying_the_fixture_folder_builds_the_final_schema()
    {
        var replayer = new SchemaReplayer(SqlDialect.PostgreSql);
        var schema = replayer.ReplayAll(LoadFixture(out _));
        Assert.Empty(replayer.Diagnostics);
        Assert.Equal(["accounts", "invoice_archive", "invoices", "members"], schema.Tables.Keys.AsEnumerable());
        Assert.Equal(["free", "startup", "team", "enterprise"], schema.Enums["account_plan"].Values.AsEnumerable());
        Assert.Equal(["id", "account_id", "email", "full_name", "created_at"], schema.Tables["members"].Columns.Select(c => c.Name));
        Assert.Equal(["members_account_email_idx"], schema.Tables["members"].Indexes.Select(i => i.Name));
        Assert.Equal("character varying(3)", schema.Tables["invoices"].Columns.Single(c => c.Name == "currency").Type);
        Assert.Equal(["invoices_amount_check", "invoices_number_positive"], schema.Tables["invoices"].Checks.Select(c => c.Name));
        Assert.Equal(schema.Tables["invoices"].Columns.Select(c => c.Name), schema.Tables["invoice_archive"].Columns.Select(c => c.Name));
        Assert.Equal(["invoice_numbers", "members_id_seq"], schema.Sequences.Keys.AsEnumerable());
        Assert.Equal(["account_totals"], schema.Views.Keys.AsEnumerable());
    }

    [Fact]
    public void Replay_answers_the_questions_migration_rules_ask()
    {
        var steps = new SchemaReplayer(SqlDialect.PostgreSql).Replay(LoadFixture(out _)).ToList();
        var unpaidIndex = steps.Single(s => s.Statement is CreateIndexStatement { Name: "invoices_unpaid_idx" });
        Assert.True(unpaidIndex.IsCreatedInThisMigration(new QualifiedName(null, "invoices")));

        var statusIndex = steps.Single(s => s.Statement is CreateIndexStatement { Name: "members_status_idx" });
        Assert.True(statusIndex.IsExistingTable(new QualifiedName(null, "members")));
        Assert.Equal("text", statusIndex.TableBefore(new QualifiedName(null, "members"))!.Columns.Single(c => c.Name == "status").Type);

        var setNotNull = steps.Single(s => s.Statement is AlterTableStatement a && a.Actions[0] is AlterColumnNullabilityAction);
        Assert.True(setNotNull.TableBefore(new QualifiedName("public", "members"))!.Columns.Single(c => c.Name == "status").Nullable);
        Assert.Equal(["lock_timeout", "statement_timeout"], steps.Where(s => s.Migration.File.StartsWith("0003")).Select(s => s.Statement).OfType<SetStatement>().Select(s => s.Name));
    }

    [Fact]
    public void Mysql_fixture_folder_parses_and_replays()
    {
        var migrations = LoadFixture(out var results, "migrations-mysql");
        Assert.All(results, r => Assert.Equal(SqlDialect.MySql, r.Dialect));
        Assert.Empty(results.SelectMany(r => r.Diagnostics));
        Assert.Contains(results[1].Statements, s => s is OtherStatement { Keywords: "CREATE TRIGGER" });

        var replayer = new SchemaReplayer(SqlDialect.MySql);
        var schema = replayer.ReplayAll(migrations);
        Assert.Empty(replayer.Diagnostics);
        Assert.Equal(["product_categories", "products"], schema.Tables.Keys.AsEnumerable());
        var products = schema.Tables["products"];
        Assert.Equal(["id", "category_id", "sku", "name", "price", "created_at", "updated_at", "stock"], products.Columns.Select(c => c.Name));
        Assert.Equal(("bigint unsigned", "auto_increment"), (products.Columns[0].Type, products.Columns[0].Identity));
        Assert.Equal("decimal(10,2)", products.Columns[4].Type);
        Assert.Equal(["products_category_idx"], products.Indexes.Select(i => i.Name));
        Assert.Equal("product_categories", Assert.Single(products.ForeignKeys).RefTable);
        Assert.Equal("product_categories", Assert.Single(schema.Tables["product_categories"].ForeignKeys).RefTable);
    }

    [Fact]
    public void Sqlite_fixture_folder_parses_and_replays_the_table_rebuild()
    {
        var migrations = LoadFixture(out var results, "migrations-sqlite");
        Assert.All(results, r => Assert.Equal(SqlDialect.Sqlite, r.Dialect));
        Assert.Empty(results.SelectMany(r => r.Diagnostics));

        var steps = new SchemaReplayer(SqlDialect.Sqlite).Replay(migrations).ToList();
        var rename = steps.Single(s => s.Statement is AlterTableStatement { Actions: [RenameTableAction] });
        Assert.True(rename.IsCreatedInThisMigration(new QualifiedName(null, "users_new")));
        var addPinned = steps.Single(s => s.Statement is AlterTableStatement { Actions: [AddColumnAction] });
        Assert.True(addPinned.IsExistingTable(new QualifiedName(null, "notes")));

        var schema = new SchemaReplayer(SqlDialect.Sqlite).ReplayAll(migrations);
        Assert.Equal(["id", "email", "display_name", "created_at"], schema.Tables["users"].Columns.Select(c => c.Name));
        Assert.Equal(["id", "user_id", "content", "updated_at", "pinned"], schema.Tables["notes"].Columns.Select(c => c.Name));
        Assert.Equal("users", Assert.Single(schema.Tables["notes"].ForeignKeys).RefTable);
    }
}
