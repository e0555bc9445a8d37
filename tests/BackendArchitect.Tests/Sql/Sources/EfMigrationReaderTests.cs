using BackendArchitect.Findings;
using BackendArchitect.Model;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Sources;
using BackendArchitect.Sql.Sources.Ef;
using BackendArchitect.Tests.Support;
using BackendArchitect.Workspace;

namespace BackendArchitect.Tests.Sql.Sources;

public class EfMigrationReaderTests
{
    private static (MigrationSet Set, List<Diagnostic> Diagnostics) Load()
    {
        var diagnostics = new List<Diagnostic>();
        var sets = MigrationSources.Discover(WorkspaceLoader.Load(Paths.Fixture("migrations", "ef-postgres")), null, diagnostics);
        return (Assert.Single(sets), diagnostics);
    }

    [Fact]
    public void Migrations_are_ordered_by_their_id_and_the_provider_comes_from_the_package_reference()
    {
        var (set, _) = Load();
        Assert.Equal("ef-core", set.Kind);
        Assert.Equal(SqlDialect.PostgreSql, set.Dialect);
        Assert.Equal(["20240101000000_Init", "20240215093000_CustomerEmail"], set.Migrations.Select(m => m.Id));
        Assert.NotNull(set.Snapshot);
    }

    [Fact]
    public void Create_table_becomes_a_create_table_statement_at_the_line_of_the_call()
    {
        var (set, _) = Load();
        var create = set.Migrations[0].Statements.OfType<CreateTableStatement>().First();
        Assert.Equal(13, create.Line);
        Assert.Equal("Customers", create.Name.Name);
        Assert.Equal("by default", create.Columns[0].Identity);
        Assert.Equal(true, create.Columns[1].NotNull);
        Assert.StartsWith("CREATE TABLE \"Customers\"", create.Text);
        var orders = set.Migrations[0].Statements.OfType<CreateTableStatement>().Last();
        var fk = Assert.Single(orders.Constraints, c => c.Kind == ConstraintKind.ForeignKey);
        Assert.Equal(["CustomerId"], fk.Columns.AsEnumerable());
        Assert.Equal("CASCADE", fk.References!.OnDelete);
    }

    [Fact]
    public void Sql_calls_are_parsed_in_the_provider_dialect_and_suppress_transaction_takes_the_migration_out_of_its_transaction()
    {
        var (set, diagnostics) = Load();
        var second = set.Migrations[1];
        Assert.False(second.InTransaction);
        Assert.True(set.Migrations[0].InTransaction);
        var index = Assert.Single(second.Statements.OfType<CreateIndexStatement>());
        Assert.True(index.Concurrently);
        Assert.Equal(23, index.Line); // the line of the SQL inside the verbatim string, not of the Sql( call
        Assert.IsType<AddColumnAction>(second.Statements.OfType<AlterTableStatement>().First().Actions.Single());
        Assert.Contains(second.Statements.OfType<AlterTableStatement>(), s => s.Actions.Single() is RenameColumnAction { From: "Total", To: "Amount" });
        var unknown = Assert.Single(diagnostics);
        Assert.Equal(26, unknown.Line);
        Assert.Contains("SeedLegacyData", unknown.Message);
    }

    [Fact]
    public void Replay_compared_with_the_model_snapshot_reports_exactly_the_drift()
    {
        var (set, _) = Load();
        var (_, replayed) = SqlLintRunner.Run(set.Migrations, set.Dialect, new(), rules: []);
        var snapshot = EfSnapshotReader.Read(set.Snapshot!.Path, set.Snapshot.Text, set.Dialect, new List<Diagnostic>());
        var drift = EfDrift.Compare(replayed, snapshot);
        Assert.Equal(
            ["column-type Orders CustomerId", "missing-column Customers Phone"],
            drift.Select(d => $"{d.Kind} {d.Table} {d.Item}").Order(StringComparer.Ordinal));
    }
}
