using BackendArchitect.Model;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Tests.Sql;

public class SchemaReplayerTests
{
    private static Migration Migration(string id, string sql, SqlDialect dialect = SqlDialect.PostgreSql) =>
        BackendArchitect.Sql.Replay.Migration.FromParse(id, SqlParser.Parse(id + ".sql", sql, dialect));

    private static Schema ReplayAll(SqlDialect dialect, params Migration[] migrations) =>
        new SchemaReplayer(dialect).ReplayAll(migrations);

    [Fact]
    public void Create_table_normalizes_postgres_types_serial_and_keys()
    {
        var schema = ReplayAll(SqlDialect.PostgreSql, Migration("1", """
            CREATE TABLE public.Users (
              id serial PRIMARY KEY,
              big int8 NOT NULL,
              name varchar(40),
              active bool DEFAULT true,
              seen timestamptz,
              at timestamp,
              score float8,
              org_id int4 REFERENCES orgs (id) ON DELETE CASCADE,
              UNIQUE (name)
            );
            """));
        var table = schema.Tables["users"];
        Assert.Equal("users", table.Name);
        Assert.Equal(
            ["integer", "bigint", "character varying(40)", "boolean", "timestamp with time zone", "timestamp without time zone", "double precision", "integer"],
            table.Columns.Select(c => c.Type));
        Assert.Equal("nextval('users_id_seq'::regclass)", table.Columns[0].Default);
        Assert.False(table.Columns[0].Nullable);
        Assert.True(table.Columns[2].Nullable);
        Assert.True(schema.Sequences.ContainsKey("users_id_seq"));
        Assert.Equal(("users_pkey", "id"), (table.PrimaryKey!.Name, Assert.Single(table.PrimaryKey.Columns)));
        var foreignKey = Assert.Single(table.ForeignKeys);
        Assert.Equal(("orgs", "CASCADE", false), (foreignKey.RefTable, foreignKey.OnDelete, foreignKey.NotValid));
        Assert.Equal(["name"], Assert.Single(table.Uniques).Columns.AsEnumerable());
    }

    [Fact]
    public void Serial_columns_are_not_null_as_postgres_makes_them()
    {
        var schema = ReplayAll(SqlDialect.PostgreSql, Migration("1", "CREATE TABLE events (seq bigserial, id uuid PRIMARY KEY, note text);"));

        var columns = schema.Tables["events"].Columns;
        Assert.False(columns[0].Nullable);
        Assert.True(columns[2].Nullable);
    }

    [Fact]
    public void References_without_columns_point_at_the_primary_key_of_the_referenced_table()
    {
        var schema = ReplayAll(SqlDialect.PostgreSql, Migration("1", """
            CREATE TABLE customers (customer_no bigint PRIMARY KEY);
            CREATE TABLE orders (id bigint PRIMARY KEY, customer_no bigint REFERENCES customers, parent_id bigint REFERENCES orders);
            """));

        var keys = schema.Tables["orders"].ForeignKeys.ToDictionary(f => f.RefTable, f => string.Join(",", f.RefColumns));
        Assert.Equal("customer_no", keys["customers"]);
        Assert.Equal("id", keys["orders"]);
    }

    [Fact]
    public void Alter_rename_and_drop_change_the_schema()
    {
        var schema = ReplayAll(
            SqlDialect.PostgreSql,
            Migration("1", "CREATE TABLE a (id int PRIMARY KEY, x text, y text); CREATE INDEX a_x_idx ON a (x); CREATE TABLE b (a_id int REFERENCES a (id));"),
            Migration("2", """
                ALTER TABLE a ADD COLUMN z bigint NOT NULL DEFAULT 0, ALTER COLUMN x SET NOT NULL, ALTER COLUMN y TYPE varchar(5);
                ALTER TABLE a RENAME COLUMN x TO title;
                ALTER TABLE a DROP COLUMN y;
                ALTER TABLE a RENAME TO articles;
                ALTER TABLE b ADD CONSTRAINT b_chk CHECK (a_id > 0) NOT VALID;
                """),
            Migration("3", "DROP INDEX a_x_idx; ALTER TABLE b VALIDATE CONSTRAINT b_chk;"));
        Assert.False(schema.Tables.ContainsKey("a"));
        var articles = schema.Tables["articles"];
        Assert.Equal(["id", "title", "z"], articles.Columns.Select(c => c.Name));
        Assert.False(articles.Columns[1].Nullable);
        Assert.Equal(("bigint", "0"), (articles.Columns[2].Type, articles.Columns[2].Default));
        Assert.Empty(articles.Indexes);
        var b = schema.Tables["b"];
        Assert.Equal("articles", Assert.Single(b.ForeignKeys).RefTable);
        Assert.False(Assert.Single(b.Checks).NotValid);
    }

    [Fact]
    public void Each_step_sees_the_schema_before_its_statement()
    {
        var steps = new SchemaReplayer(SqlDialect.PostgreSql).Replay([
            Migration("1", "CREATE TABLE a (id int); ALTER TABLE a ADD COLUMN b int; CREATE INDEX a_b ON a (b);"),
        ]).ToList();
        Assert.Equal(3, steps.Count);
        Assert.Empty(steps[0].SchemaBefore.Tables);
        Assert.Equal(["id"], steps[1].SchemaBefore.Tables["a"].Columns.Select(c => c.Name));
        Assert.Equal(["id", "b"], steps[2].SchemaBefore.Tables["a"].Columns.Select(c => c.Name));
        Assert.Empty(steps[2].SchemaBefore.Tables["a"].Indexes);
        Assert.Equal(["a"], steps[2].TouchedTables.AsEnumerable());
    }

    [Fact]
    public void Tables_created_earlier_in_the_same_migration_are_new_and_others_exist()
    {
        var steps = new SchemaReplayer(SqlDialect.PostgreSql).Replay([
            Migration("1", "CREATE TABLE old (id int);"),
            Migration("2", "CREATE TABLE fresh (id int); CREATE INDEX f ON fresh (id); CREATE INDEX o ON old (id); ALTER TABLE fresh RENAME TO renamed; CREATE INDEX r ON renamed (id);"),
            Migration("3", "CREATE INDEX r2 ON renamed (id);"),
        ]).ToList();
        var fresh = new QualifiedName(null, "fresh");
        var old = new QualifiedName(null, "old");
        var renamed = new QualifiedName(null, "renamed");
        Assert.False(steps[1].IsCreatedInThisMigration(fresh));
        Assert.True(steps[2].IsCreatedInThisMigration(fresh));
        Assert.False(steps[2].IsExistingTable(fresh));
        Assert.False(steps[3].IsCreatedInThisMigration(old));
        Assert.True(steps[3].IsExistingTable(old));
        Assert.True(steps[5].IsCreatedInThisMigration(renamed));
        Assert.False(steps[6].IsCreatedInThisMigration(renamed));
        Assert.True(steps[6].IsExistingTable(renamed));
    }

    [Fact]
    public void Mysql_names_are_case_insensitive_and_modify_redefines_the_column()
    {
        var schema = ReplayAll(
            SqlDialect.MySql,
            Migration("1", "CREATE TABLE `Users` (`Id` int(11) NOT NULL AUTO_INCREMENT, `Name` varchar(10), PRIMARY KEY (`Id`), KEY `n` (`Name`)) ENGINE=InnoDB;", SqlDialect.MySql),
            Migration("2", "ALTER TABLE users MODIFY name varchar(20) NOT NULL FIRST, CHANGE COLUMN id user_id bigint unsigned NOT NULL AUTO_INCREMENT AFTER name, ADD COLUMN nick text FIRST; DROP INDEX n ON users;", SqlDialect.MySql));
        var users = schema.Tables["users"];
        Assert.Equal("Users", users.Name);
        Assert.Equal(["nick", "name", "user_id"], users.Columns.Select(c => c.Name));
        Assert.Equal(("bigint unsigned", "auto_increment"), (users.Columns[2].Type, users.Columns[2].Identity));
        Assert.Equal(("varchar(20)", false), (users.Columns[1].Type, users.Columns[1].Nullable));
        Assert.Equal(["user_id"], users.PrimaryKey!.Columns.AsEnumerable());
        Assert.Empty(users.Indexes);
    }

    [Fact]
    public void Sqlite_table_rebuild_ends_with_the_new_shape_under_the_old_name()
    {
        var schema = ReplayAll(
            SqlDialect.Sqlite,
            Migration("1", "CREATE TABLE t (a INTEGER PRIMARY KEY AUTOINCREMENT, b TEXT);", SqlDialect.Sqlite),
            Migration("2", """
                CREATE TABLE "_t_tmp" (a INTEGER PRIMARY KEY AUTOINCREMENT, c TEXT NOT NULL);
                INSERT INTO "_t_tmp" (a, c) SELECT a, b FROM t;
                DROP TABLE t;
                ALTER TABLE "_t_tmp" RENAME TO "t";
                """, SqlDialect.Sqlite));
        Assert.Equal(["t"], schema.Tables.Keys.AsEnumerable());
        Assert.Equal(["a", "c"], schema.Tables["t"].Columns.Select(c => c.Name));
    }

    [Fact]
    public void Renamed_indexes_and_partitions_are_replayed()
    {
        var schema = ReplayAll(SqlDialect.PostgreSql, Migration("1", """
            CREATE TABLE events (id bigint, at timestamptz) PARTITION BY RANGE (at);
            CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            CREATE INDEX events_at ON events (at);
            ALTER INDEX events_at RENAME TO events_at_idx;
            """));
        Assert.Equal(["events_at_idx"], schema.Tables["events"].Indexes.Select(i => i.Name));
        Assert.Equal(["id", "at"], schema.Tables["events_2026"].Columns.Select(c => c.Name));
    }

    [Fact]
    public void Drop_table_cascade_removes_the_foreign_keys_that_point_at_it()
    {
        const string setup = "CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (a_id int REFERENCES a (id)); CREATE TABLE c (a_id int REFERENCES a (id));";
        var cascaded = ReplayAll(SqlDialect.PostgreSql, Migration("1", setup), Migration("2", "DROP TABLE a CASCADE;"));
        Assert.Empty(cascaded.Tables["b"].ForeignKeys);
        var plain = ReplayAll(SqlDialect.Sqlite, Migration("1", setup, SqlDialect.Sqlite), Migration("2", "DROP TABLE a;", SqlDialect.Sqlite));
        Assert.Single(plain.Tables["c"].ForeignKeys);
    }

    [Fact]
    public void Named_inline_column_constraints_keep_their_names_and_can_be_dropped()
    {
        var schema = ReplayAll(SqlDialect.PostgreSql, Migration("1", """
            CREATE TABLE a (id int CONSTRAINT a_pk PRIMARY KEY);
            CREATE TABLE b (a_id int NOT NULL CONSTRAINT b_a_fk REFERENCES a (id) CONSTRAINT b_a_positive CHECK (a_id > 0), code text UNIQUE);
            ALTER TABLE b DROP CONSTRAINT b_a_fk;
            """));
        Assert.Equal("a_pk", schema.Tables["a"].PrimaryKey!.Name);
        Assert.Empty(schema.Tables["b"].ForeignKeys);
        Assert.Equal(["b_a_positive"], schema.Tables["b"].Checks.Select(c => c.Name));
        Assert.Equal(["b_code_key"], schema.Tables["b"].Uniques.Select(u => u.Name));
    }

    [Fact]
    public void Enums_sequences_and_views_are_tracked()
    {
        var schema = ReplayAll(SqlDialect.PostgreSql, Migration("1", """
            CREATE TYPE mood AS ENUM ('sad', 'ok');
            ALTER TYPE mood ADD VALUE 'happy' AFTER 'sad';
            CREATE SEQUENCE invoice_no;
            CREATE VIEW v AS SELECT 1;
            CREATE MATERIALIZED VIEW mv AS SELECT 1;
            DROP VIEW v;
            """));
        Assert.Equal(["sad", "happy", "ok"], schema.Enums["mood"].Values.AsEnumerable());
        Assert.True(schema.Sequences.ContainsKey("invoice_no"));
        Assert.Equal(["mv"], schema.Views.Keys.AsEnumerable());
    }

    [Fact]
    public void Statements_about_unknown_tables_leave_the_schema_and_say_so()
    {
        var replayer = new SchemaReplayer(SqlDialect.PostgreSql);
        var schema = replayer.ReplayAll([Migration("1", "ALTER TABLE ghost ADD COLUMN a int; ALTER TABLE IF EXISTS ghost2 ADD COLUMN b int;")]);
        Assert.Empty(schema.Tables);
        var diagnostic = Assert.Single(replayer.Diagnostics);
        Assert.Equal(("1.sql", 1, DiagnosticSeverity.Info), (diagnostic.File, diagnostic.Line, diagnostic.Severity));
    }
}
