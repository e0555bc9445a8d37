using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;

namespace BackendArchitect.Tests.Sql;

public class SqlParserDiagnosticsTests
{
    [Fact]
    public void A_bad_column_keeps_the_rest_of_the_table_and_reports_its_line()
    {
        var result = SqlParser.Parse("001_init.sql", """
            CREATE TABLE users (
              id uuid PRIMARY KEY,
              email text NOT NULL WIBBLE,
              name text
            );
            """, SqlDialect.PostgreSql);
        var table = Assert.IsType<CreateTableStatement>(Assert.Single(result.Statements));
        Assert.True(table.IsPartial);
        Assert.Equal(["id", "name"], table.Columns.Select(c => c.Name));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("001_init.sql", 3), (diagnostic.File, diagnostic.Line));
        Assert.Contains("WIBBLE", diagnostic.Message);
    }

    [Fact]
    public void A_bad_alter_action_keeps_the_other_actions()
    {
        var result = SqlParser.Parse("m.sql", "ALTER TABLE t ADD COLUMN a int, ALTER COLUMN b TYPE, DROP COLUMN c", SqlDialect.PostgreSql);
        var alter = Assert.IsType<AlterTableStatement>(Assert.Single(result.Statements));
        Assert.True(alter.IsPartial);
        Assert.Equal([typeof(AddColumnAction), typeof(DropColumnAction)], alter.Actions.Select(a => a.GetType()));
        Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void An_unreadable_statement_becomes_a_partial_other_statement_and_parsing_continues()
    {
        var result = SqlParser.Parse("m.sql", "CREATE INDEX ON;\nDROP TABLE x;", SqlDialect.PostgreSql);
        Assert.Equal(2, result.Statements.Length);
        var broken = Assert.IsType<OtherStatement>(result.Statements[0]);
        Assert.Equal(("CREATE INDEX", true), (broken.Keywords, broken.IsPartial));
        Assert.IsType<DropStatement>(result.Statements[1]);
        Assert.Equal(1, Assert.Single(result.Diagnostics).Line);
    }

    [Fact]
    public void Unbalanced_parentheses_and_unterminated_quotes_never_throw()
    {
        var result = SqlParser.Parse("m.sql", "CREATE TABLE t (a int, b varchar(10;\nALTER TABLE \"x ADD y", SqlDialect.PostgreSql);
        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Statements, s => Assert.True(s.IsPartial));
    }
}
