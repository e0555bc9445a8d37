using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;

namespace BackendArchitect.Tests.Sql;

public class SqlStatementSplitterTests
{
    private static List<string> Split(string sql, SqlDialect dialect) =>
        [.. SqlParser.Parse("m.sql", sql, dialect).Statements.Select(s => s.Text)];

    [Fact]
    public void Semicolons_inside_strings_comments_and_dollar_quotes_do_not_split()
    {
        const string sql = """
            INSERT INTO t VALUES ('a;b'); -- c;d
            /* e; f */ CREATE FUNCTION g() RETURNS trigger AS $$ BEGIN NEW.x := 1; RETURN NEW; END; $$ LANGUAGE plpgsql;
            SELECT 1
            """;
        var statements = Split(sql, SqlDialect.PostgreSql);
        Assert.Equal(3, statements.Count);
        Assert.StartsWith("CREATE FUNCTION", statements[1]);
        Assert.Equal("SELECT 1", statements[2]);
    }

    [Fact]
    public void Sqlite_trigger_body_is_kept_whole()
    {
        const string sql = """
            CREATE TRIGGER touch AFTER UPDATE ON users
            BEGIN
              UPDATE users SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
              SELECT CASE WHEN NEW.id IS NULL THEN RAISE(ABORT, 'x') END;
            END;
            CREATE INDEX i ON users (email);
            """;
        var statements = Split(sql, SqlDialect.Sqlite);
        Assert.Equal(2, statements.Count);
        Assert.EndsWith("END", statements[0]);
    }

    [Fact]
    public void Mysql_delimiter_blocks_split_on_the_custom_delimiter()
    {
        const string sql = """
            DELIMITER //
            CREATE PROCEDURE p()
            BEGIN
              IF 1 = 1 THEN SELECT 1; END IF;
              SELECT 2;
            END //
            DELIMITER ;
            CREATE TABLE a (id int);
            """;
        var result = SqlParser.Parse("m.sql", sql, SqlDialect.MySql);
        Assert.Equal(2, result.Statements.Length);
        Assert.Equal("CREATE PROCEDURE", Assert.IsType<OtherStatement>(result.Statements[0]).Keywords);
        Assert.IsType<CreateTableStatement>(result.Statements[1]);
        Assert.Equal(8, result.Statements[1].Line);
    }

    [Fact]
    public void Mysql_dollar_delimiter_directly_after_end_closes_the_statement()
    {
        const string sql = "DELIMITER $$\nCREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = 1; END$$\nDELIMITER ;\nDROP TABLE b;";
        var statements = Split(sql, SqlDialect.MySql);
        Assert.Equal(2, statements.Count);
        Assert.EndsWith("END", statements[0]);
        Assert.Equal("DROP TABLE b", statements[1]);
    }

    [Fact]
    public void Mysql_procedure_without_delimiter_keeps_begin_end_body()
    {
        const string sql = "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END; DROP TABLE x;";
        Assert.Equal(["CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END", "DROP TABLE x"], Split(sql, SqlDialect.MySql));
    }

    [Fact]
    public void Statement_keeps_its_start_line_after_leading_comments()
    {
        var result = SqlParser.Parse("m.sql", "-- header\n\n  CREATE TABLE a (id int);\nDROP TABLE a;", SqlDialect.PostgreSql);
        Assert.Equal([3, 4], result.Statements.Select(s => s.Line));
        Assert.Equal("CREATE TABLE a (id int)", result.Statements[0].Text);
    }
}
