using BackendArchitect.Model;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Tests.Rules.Schema;

/// <summary>The replayer records where each table, column, key and index was created or last redefined.</summary>
public sealed class SchemaOriginTests
{
    private static Migration Migration(string file, string sql, SqlDialect dialect = SqlDialect.PostgreSql) =>
        BackendArchitect.Sql.Replay.Migration.FromParse(file, SqlParser.Parse(file, sql, dialect));

    [Fact]
    public void Create_table_records_the_statement_line_and_each_column_definition_line()
    {
        var schema = new SchemaReplayer(SqlDialect.PostgreSql).ReplayAll([Migration("001.sql", """
            -- header
            CREATE TABLE orders (
                id bigint PRIMARY KEY,
                customer_id bigint REFERENCES customers (id),
                code text,
                CONSTRAINT orders_code_key UNIQUE (code)
            );
            CREATE INDEX orders_customer_idx ON orders (customer_id);
            """)]);

        var table = schema.Tables["orders"];
        Assert.Equal(new SourceLocation("001.sql", 2), table.Origin);
        Assert.Equal([3, 4, 5], table.Columns.Select(c => c.Origin!.Line));
        Assert.Equal(new SourceLocation("001.sql", 4), Assert.Single(table.ForeignKeys).Origin);
        Assert.Equal(new SourceLocation("001.sql", 6), Assert.Single(table.Uniques).Origin);
        Assert.Equal(new SourceLocation("001.sql", 8), Assert.Single(table.Indexes).Origin);
    }

    [Fact]
    public void Each_column_property_keeps_the_origin_of_the_statement_that_set_it()
    {
        var schema = new SchemaReplayer(SqlDialect.PostgreSql).ReplayAll([
            Migration("001.sql", "CREATE TABLE t (\n  id bigint PRIMARY KEY,\n  a integer,\n  b integer,\n  c integer\n);"),
            Migration("002.sql", "ALTER TABLE t ALTER COLUMN a TYPE bigint;\n\nALTER TABLE t RENAME COLUMN b TO bb;\nALTER TABLE t ALTER COLUMN c SET DEFAULT 0;\nALTER TABLE t ALTER COLUMN bb SET NOT NULL;"),
        ]);

        var columns = schema.Tables["t"].Columns.ToDictionary(c => c.Name);
        Assert.Equal(new SourceLocation("001.sql", 3), columns["a"].Origin);
        Assert.Equal(new SourceLocation("002.sql", 1), columns["a"].TypeOrigin);
        Assert.Equal(new SourceLocation("001.sql", 3), columns["a"].NullabilityOrigin);
        Assert.Equal(new SourceLocation("002.sql", 3), columns["bb"].Origin);
        Assert.Equal(new SourceLocation("001.sql", 4), columns["bb"].TypeOrigin);
        Assert.Equal(new SourceLocation("002.sql", 5), columns["bb"].NullabilityOrigin);
        Assert.Equal(new SourceLocation("001.sql", 5), columns["c"].Origin);
        Assert.Equal("b", columns["bb"].CreatedAs);
        Assert.Null(columns["a"].CreatedAs);
    }

    [Fact]
    public void A_renamed_table_keeps_its_creation_origin_and_the_name_it_was_created_under()
    {
        var schema = new SchemaReplayer(SqlDialect.PostgreSql).ReplayAll([
            Migration("001.sql", "CREATE TABLE order_items (id bigint PRIMARY KEY);\nCREATE TABLE shops (id bigint PRIMARY KEY);"),
            Migration("002.sql", "ALTER TABLE order_items RENAME TO order_lines;\nALTER TABLE order_lines RENAME TO lines;\nALTER TABLE shops RENAME TO stores;\nALTER TABLE stores RENAME TO shops;"),
        ]);

        Assert.Equal(new SourceLocation("001.sql", 1), schema.Tables["lines"].Origin);
        Assert.Equal("order_items", schema.Tables["lines"].CreatedAs);
        Assert.Null(schema.Tables["shops"].CreatedAs);
    }

    [Fact]
    public void Mysql_modify_column_and_inline_keys_point_at_their_own_lines()
    {
        var schema = new SchemaReplayer(SqlDialect.MySql).ReplayAll([
            Migration("V1.sql", "CREATE TABLE t (\n  id INT PRIMARY KEY,\n  name VARCHAR(10),\n  KEY ix_t_name (name)\n);", SqlDialect.MySql),
            Migration("V2.sql", "ALTER TABLE t\n  MODIFY name VARCHAR(20) NOT NULL;", SqlDialect.MySql),
        ]);

        var table = schema.Tables["t"];
        Assert.Equal(new SourceLocation("V2.sql", 2), table.FindColumn("name", StringComparer.OrdinalIgnoreCase)!.Origin);
        Assert.Equal(new SourceLocation("V1.sql", 4), Assert.Single(table.Indexes).Origin);
    }

    [Fact]
    public void Columns_copied_with_like_point_at_the_copying_statement()
    {
        var schema = new SchemaReplayer(SqlDialect.PostgreSql).ReplayAll([
            Migration("001.sql", "CREATE TABLE invoices (\n  id bigint PRIMARY KEY,\n  issued_at timestamp\n);\n\nCREATE TABLE invoice_archive (LIKE invoices);"),
        ]);

        Assert.All(schema.Tables["invoice_archive"].Columns, c => Assert.Equal(new SourceLocation("001.sql", 6), c.Origin));
        Assert.Equal(new SourceLocation("001.sql", 3), schema.Tables["invoices"].Columns[1].Origin);
    }
}
