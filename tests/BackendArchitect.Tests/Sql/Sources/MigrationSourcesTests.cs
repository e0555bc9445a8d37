using BackendArchitect.Model;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Sources;
using BackendArchitect.Tests.Support;
using BackendArchitect.Workspace;

namespace BackendArchitect.Tests.Sql.Sources;

public class MigrationSourcesTests
{
    private static (MigrationSet[] Sets, List<Diagnostic> Diagnostics) Discover(string fixture, SqlDialect? dialect = null)
    {
        var diagnostics = new List<Diagnostic>();
        var sets = MigrationSources.Discover(WorkspaceLoader.Load(Paths.Fixture("migrations", fixture)), dialect, diagnostics);
        return ([.. sets], diagnostics);
    }

    [Fact]
    public void Flyway_orders_versions_numerically_puts_repeatables_last_and_skips_undo()
    {
        var (sets, diagnostics) = Discover("flyway");
        var set = Assert.Single(sets);
        Assert.Equal("flyway", set.Kind);
        Assert.Equal(SqlDialect.PostgreSql, set.Dialect);
        Assert.Equal(["V1__init", "V1.1__add_email", "V2__orders", "V10__orders_index", "R__views"], set.Migrations.Select(m => m.Id));
        Assert.All(set.Migrations, m => Assert.True(m.InTransaction));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Golang_migrate_reads_only_up_files_in_numeric_order()
    {
        var set = Assert.Single(Discover("golang-migrate").Sets);
        Assert.Equal("golang-migrate", set.Kind);
        Assert.Equal(["0001_users.up", "0002_name.up", "0010_email_index.up"], set.Migrations.Select(m => m.Id));
        Assert.DoesNotContain(set.Migrations.SelectMany(m => m.Statements), s => s is DropStatement);

        // A single-statement file is not wrapped in PostgreSQL's implicit multi-statement transaction.
        Assert.False(set.Migrations[2].InTransaction);
    }

    [Fact]
    public void Dbmate_keeps_only_up_sections_with_their_file_lines_and_honours_transaction_false()
    {
        var set = Assert.Single(Discover("dbmate").Sets);
        Assert.Equal("dbmate", set.Kind);
        var first = set.Migrations[0];
        var create = Assert.Single(first.Statements);
        Assert.IsType<CreateTableStatement>(create);
        Assert.Equal(2, create.Line);
        Assert.True(first.InTransaction);
        Assert.False(set.Migrations[1].InTransaction);
        Assert.IsType<CreateIndexStatement>(Assert.Single(set.Migrations[1].Statements));
    }

    [Fact]
    public void A_folder_with_several_databases_gives_one_set_per_database_with_shared_files_in_each()
    {
        var sets = Discover("multi-database").Sets;
        Assert.Equal(["mysql", "postgres"], sets.Select(s => s.Variant).Order(StringComparer.Ordinal));
        var postgres = sets.Single(s => s.Variant == "postgres");
        Assert.Equal(SqlDialect.PostgreSql, postgres.Dialect);
        Assert.Equal(["20200101000000_networks.postgres.up", "20200102000000_identities.up", "20200103000000_nid_index.up"], postgres.Migrations.Select(m => m.Id));
        var mysql = sets.Single(s => s.Variant == "mysql");
        Assert.Equal(SqlDialect.MySql, mysql.Dialect);

        // The generic file of a version is only for databases without their own file for it.
        Assert.Equal(["20200101000000_networks.mysql.up", "20200102000000_identities.up", "20200103000000_nid_index.mysql.up"], mysql.Migrations.Select(m => m.Id));
    }

    [Fact]
    public void A_forced_dialect_keeps_only_that_databases_files()
    {
        var set = Assert.Single(Discover("multi-database", SqlDialect.MySql).Sets);
        Assert.Equal(["20200101000000_networks.mysql.up", "20200102000000_identities.up", "20200103000000_nid_index.mysql.up"], set.Migrations.Select(m => m.Id));
    }

    [Theory]
    [InlineData("V1__a.sql", "V1.1__b.sql")]
    [InlineData("V2__a.sql", "V10__b.sql")]
    [InlineData("V10__a.sql", "R__b.sql")]
    [InlineData("2_a.sql", "10_b.sql")]
    [InlineData("0009_a.up.sql", "0010_b.up.sql")]
    public void File_names_sort_the_way_their_tool_applies_them(string earlier, string later)
    {
        var a = MigrationFileName.Read(earlier);
        var b = MigrationFileName.Read(later);
        Assert.True(MigrationFileName.Compare(a, earlier, b, later) < 0);
        Assert.True(MigrationFileName.Compare(b, later, a, earlier) > 0);
    }

    [Theory]
    [InlineData("U3__undo.sql")]
    [InlineData("0003_x.down.sql")]
    public void Undo_and_down_files_are_not_applied(string name) => Assert.True(MigrationFileName.Read(name).Skipped);

    [Theory]
    [InlineData("PostgresMigrations/Migrations", SqlDialect.PostgreSql)]
    [InlineData("util/MySqlMigrations", SqlDialect.MySql)]
    [InlineData("src/SqliteMigrations", SqlDialect.Sqlite)]
    [InlineData("util/MsSql", SqlDialect.SqlServer)]
    [InlineData("db/migrations", SqlDialect.Unknown)]
    public void Folder_names_tell_the_database_even_when_glued_to_other_words(string path, SqlDialect expected) =>
        Assert.Equal(expected, MigrationSources.PathDialect(path));
}
