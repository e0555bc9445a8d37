using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Tests.Sql;

public class SqlDialectDetectorTests
{
    [Theory]
    [InlineData("migrations/0001_init.postgres.up.sql", SqlDialect.PostgreSql)]
    [InlineData("sql/20200101_x.cockroach.up.sql", SqlDialect.PostgreSql)]
    [InlineData("db/mysql/V1__init.sql", SqlDialect.MySql)]
    [InlineData("sqlite/001.sql", SqlDialect.Sqlite)]
    [InlineData("x.sqlite3.down.sql", SqlDialect.Sqlite)]
    [InlineData("migrations/V2__add_users.sql", SqlDialect.Unknown)]
    public void Dialect_from_file_name(string path, SqlDialect expected)
    {
        Assert.Equal(expected, SqlDialectDetector.FromPath(path));
    }

    [Theory]
    [InlineData("CREATE TABLE `a` (id int AUTO_INCREMENT) ENGINE=InnoDB;", SqlDialect.MySql)]
    [InlineData("CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT) WITHOUT ROWID;", SqlDialect.Sqlite)]
    [InlineData("CREATE TABLE a (id serial, data jsonb); CREATE INDEX CONCURRENTLY i ON a ((data::text));", SqlDialect.PostgreSql)]
    [InlineData("CREATE TABLE a (id int);", SqlDialect.PostgreSql)]
    public void Dialect_from_content(string sql, SqlDialect expected)
    {
        Assert.Equal(expected, SqlDialectDetector.FromContent(sql));
    }

    [Fact]
    public void Parse_detects_the_dialect_when_not_given()
    {
        Assert.Equal(SqlDialect.MySql, SqlParser.Parse("db/mysql/1.sql", "CREATE TABLE a (id int)").Dialect);
        Assert.Equal(SqlDialect.Sqlite, SqlParser.Parse("1.sql", "CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT)").Dialect);
    }

    [Theory]
    [InlineData("varchar(255)", SqlDialect.PostgreSql, "character varying(255)")]
    [InlineData("numeric(10, 2)", SqlDialect.PostgreSql, "numeric(10,2)")]
    [InlineData("int[]", SqlDialect.PostgreSql, "integer[]")]
    [InlineData("char", SqlDialect.PostgreSql, "character(1)")]
    [InlineData("timestamp(3) with time zone", SqlDialect.PostgreSql, "timestamp(3) with time zone")]
    [InlineData("float(10)", SqlDialect.PostgreSql, "real")]
    [InlineData("int(11) unsigned", SqlDialect.MySql, "int unsigned")]
    [InlineData("boolean", SqlDialect.MySql, "tinyint(1)")]
    [InlineData("VARCHAR(64)", SqlDialect.Sqlite, "varchar(64)")]
    public void Types_are_normalized_per_dialect(string type, SqlDialect dialect, string expected)
    {
        var table = (CreateTableStatement)SqlParser.Parse("t.sql", "CREATE TABLE t (c " + type + ")", dialect).Statements[0];
        Assert.Equal(expected, TypeNormalizer.Normalize(table.Columns[0].Type!, dialect));
    }
}
