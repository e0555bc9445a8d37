using BackendArchitect.Sql;
using BackendArchitect.Sql.Live;
using BackendArchitect.Tests.Support;
using Npgsql;

namespace BackendArchitect.Tests.Live;

/// <summary>Live introspection against a real PostgreSQL cluster the tests start in a temp folder.</summary>
public sealed class PostgresInspectorTests(PostgresClusterFixture fixture) : IClassFixture<PostgresClusterFixture>
{
    private PostgresCluster Cluster => fixture.Cluster ?? throw new InvalidOperationException(fixture.Unavailable);

    [Fact]
    public void Inspecting_a_migrated_database_gives_the_schema_the_migrations_replay_to()
    {
        var files = MigrationFiles.Discover(Paths.Fixture("live", "postgres-shop"));
        var database = Cluster.CreateDatabase("shop");
        foreach (var file in files)
        {
            Cluster.ApplyFile(database, file);
        }

        var replayed = MigrationFiles.Replay(files, SqlDialect.PostgreSql);
        var live = PostgresInspector.Read(Cluster.ConnectionString(database));

        Assert.Empty(replayed.Diagnostics);
        SetDiff.AssertSame(SchemaCanonicalText.Lines(replayed.Schema).ToList(), SchemaCanonicalText.Lines(live).ToList(), "live schema (found) and replayed migrations (expected)");
    }

    [Fact]
    public void Inspection_reports_what_the_catalog_holds()
    {
        var database = Cluster.CreateDatabase("facts");
        foreach (var file in MigrationFiles.Discover(Paths.Fixture("live", "postgres-shop")))
        {
            Cluster.ApplyFile(database, file);
        }

        var schema = PostgresInspector.Read(Cluster.ConnectionString(database));

        Assert.Equal(["pending", "paid", "dispatched", "refunded", "cancelled"], schema.Enums["order_status"].Values.AsEnumerable());
        var orders = schema.Tables["orders"];
        Assert.Equal("character varying(500)", orders.FindColumn("customer_note", StringComparer.Ordinal)!.Type);
        Assert.Equal("timestamp with time zone", orders.FindColumn("placed_at", StringComparer.Ordinal)!.Type);
        Assert.Equal("by default", orders.FindColumn("id", StringComparer.Ordinal)!.Identity);
        Assert.True(orders.Checks.Single(c => c.Name == "orders_total_nonnegative").NotValid);
        var open = orders.Indexes.Single(i => i.Name == "orders_open_idx");
        Assert.Equal(["customer_id"], open.Include.AsEnumerable());
        Assert.Equal("status = 'pending'::order_status", open.Where);
        Assert.Empty(schema.Tables["catalog.categories"].Indexes);
        var unique = schema.Tables["events"].Indexes.Single(i => i.Name == "events_name_lower_idx");
        Assert.True(unique.Unique);
        Assert.Equal(["lower(name) DESC", "seq"], unique.Columns.AsEnumerable());
        Assert.Equal("amount IS NOT NULL", unique.Where);
        Assert.Equal(["customer_id", "placed_at DESC"], orders.Indexes.Single(i => i.Name == "orders_customer_placed_idx").Columns.AsEnumerable());
        var items = schema.Tables["items"];
        Assert.Equal("nextval('products_id_seq'::regclass)", items.FindColumn("id", StringComparer.Ordinal)!.Default);
        Assert.False(items.ForeignKeys.Single(f => f.Name == "products_category_fk").NotValid);
        Assert.Equal("catalog.categories", items.ForeignKeys.Single(f => f.Name == "products_category_fk").RefTable);
        Assert.True(schema.Tables["order_lines"].ForeignKeys.Single(f => f.Name == "order_lines_product_fk").NotValid);
        Assert.Equal("items_price_check", items.Checks.Single().Name);
        Assert.Equal("price >= 0::numeric", items.Checks.Single().Expression);
        Assert.Equal("gin", items.Indexes.Single(i => i.Name == "items_title_idx").Method);
        Assert.DoesNotContain(schema.Tables.Values.SelectMany(t => t.Indexes), i => i.Name is "orders_pkey" or "products_sku_key");
        Assert.Contains("audit_log_id_seq", schema.Sequences.Keys);
        Assert.DoesNotContain("customers_id_seq", schema.Sequences.Keys);
        Assert.True(schema.Views["item_counts"].Materialized);
    }

    [Fact]
    public void Inspection_writes_nothing_so_it_works_on_a_read_only_database()
    {
        var database = Cluster.CreateDatabase("readonly");
        Cluster.ApplyFile(database, Paths.Fixture("live", "postgres-shop", "001_initial.sql"));
        using (var connection = new NpgsqlConnection(Cluster.ConnectionString("postgres")))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"ALTER DATABASE \"{database}\" SET default_transaction_read_only = on", connection);
            command.ExecuteNonQuery();
        }

        var schema = PostgresInspector.Read(Cluster.ConnectionString(database));

        Assert.Equal(["customers", "order_lines", "orders", "products"], schema.Tables.Keys.AsEnumerable());
    }

    [Fact]
    public void Db_inspect_shows_a_live_database()
    {
        var database = Cluster.CreateDatabase("cli");
        Cluster.ApplyFile(database, Paths.Fixture("live", "postgres-shop", "001_initial.sql"));

        var (code, stdout, stderr) = DbCommandTests.Run("db", "inspect", "--connection", Cluster.ConnectionString(database), "--format", "mermaid");

        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Contains("    customers ||--o{ orders : \"customer_id\"\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Connecting_to_a_missing_database_fails_with_the_password_masked()
    {
        var connection = Cluster.ConnectionString("no_such_database") + ";Password=hunter2-secret";
        var error = Assert.Throws<LiveSchemaException>(() => LiveSchema.Read(connection, LiveProvider.Postgres));
        Assert.DoesNotContain("hunter2-secret", error.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_database", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>One cluster for all PostgreSQL tests of a class; missing PostgreSQL fails every test with how to install it.</summary>
public sealed class PostgresClusterFixture : IDisposable
{
    public PostgresClusterFixture()
    {
        var cluster = new PostgresCluster();
        Unavailable = cluster.Unavailable;
        Cluster = cluster.Started ? cluster : null;
    }

    public PostgresCluster? Cluster { get; }

    public string? Unavailable { get; }

    public void Dispose() => Cluster?.Dispose();
}
