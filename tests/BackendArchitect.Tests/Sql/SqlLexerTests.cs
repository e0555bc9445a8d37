using BackendArchitect.Sql;

namespace BackendArchitect.Tests.Sql;

public class SqlLexerTests
{
    private static List<string> Texts(string sql, SqlDialect dialect = SqlDialect.PostgreSql)
    {
        var tokens = SqlLexer.Tokenize(sql, dialect);
        return [.. tokens.Select(t => sql.Substring(t.Start, t.Length))];
    }

    [Fact]
    public void Dollar_quoted_body_with_semicolons_is_one_token()
    {
        const string sql = "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;";
        var tokens = SqlLexer.Tokenize(sql, SqlDialect.PostgreSql);
        var dollar = Assert.Single(tokens, t => t.Kind == SqlTokenKind.DollarString);
        Assert.Equal("$body$ BEGIN RETURN 1; END; $body$", sql.Substring(dollar.Start, dollar.Length));
    }

    [Fact]
    public void Anonymous_dollar_quotes_and_positional_parameters_differ()
    {
        var tokens = SqlLexer.Tokenize("SELECT $$a;b$$, $1", SqlDialect.PostgreSql);
        Assert.Equal(SqlTokenKind.DollarString, tokens[1].Kind);
        Assert.Equal(SqlTokenKind.Parameter, tokens[3].Kind);
    }

    [Fact]
    public void Nested_block_comments_are_skipped_whole_in_postgres()
    {
        Assert.Equal(["SELECT", "1"], Texts("SELECT /* outer /* inner */ still comment */ 1"));
    }

    [Fact]
    public void Line_comments_and_mysql_hash_comments_are_skipped()
    {
        Assert.Equal(["a", "b"], Texts("a -- x; y\nb"));
        Assert.Equal(["a", "b"], Texts("a # note; here\nb", SqlDialect.MySql));
    }

    [Fact]
    public void Doubled_quotes_stay_inside_the_string()
    {
        Assert.Equal(["'it''s; fine'", ";"], Texts("'it''s; fine';"));
    }

    [Fact]
    public void E_strings_honour_backslash_escapes()
    {
        var tokens = Texts(@"SELECT E'a\'b;c', 'd'");
        Assert.Equal(["SELECT", @"E'a\'b;c'", ",", "'d'"], tokens);
    }

    [Fact]
    public void Backslash_escapes_apply_in_mysql_strings_only()
    {
        Assert.Equal([@"'a\'b'"], Texts(@"'a\'b'", SqlDialect.MySql));
        Assert.Equal([@"'a\'", "c", "'"], Texts(@"'a\'c'", SqlDialect.PostgreSql));
    }

    [Fact]
    public void Quoted_identifiers_in_each_dialect()
    {
        Assert.Equal(SqlTokenKind.QuotedIdentifier, SqlLexer.Tokenize("\"Order Items\"", SqlDialect.PostgreSql)[0].Kind);
        Assert.Equal(SqlTokenKind.QuotedIdentifier, SqlLexer.Tokenize("`order`", SqlDialect.MySql)[0].Kind);
        Assert.Equal(SqlTokenKind.QuotedIdentifier, SqlLexer.Tokenize("[order items]", SqlDialect.Sqlite)[0].Kind);
        Assert.Equal(["int", "[", "]"], Texts("int[]"));
    }

    [Fact]
    public void Tokens_carry_line_and_column()
    {
        var tokens = SqlLexer.Tokenize("SELECT\n  id,\n\tname", SqlDialect.PostgreSql);
        Assert.Equal((1, 1), (tokens[0].Line, tokens[0].Column));
        Assert.Equal((2, 3), (tokens[1].Line, tokens[1].Column));
        Assert.Equal((3, 2), (tokens[3].Line, tokens[3].Column));
    }

    [Fact]
    public void Numbers_and_multi_character_operators()
    {
        Assert.Equal(["x", "::", "numeric", "(", "10", ",", "2", ")", ">=", "1.5e3"], Texts("x::numeric(10,2) >= 1.5e3"));
    }

    [Fact]
    public void Mysql_delimiter_command_changes_the_statement_end()
    {
        const string sql = "DELIMITER //\nCREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = 1; END//\nDELIMITER ;\nSELECT 1;";
        var tokens = SqlLexer.Tokenize(sql, SqlDialect.MySql);
        Assert.Equal(2, tokens.Count(t => t.Kind == SqlTokenKind.DelimiterCommand));
        Assert.Single(tokens, t => t.Kind == SqlTokenKind.Delimiter);
    }

    [Fact]
    public void Unterminated_string_runs_to_the_end_and_is_reported()
    {
        var problems = new List<(int Line, string Message)>();
        var tokens = SqlLexer.Tokenize("SELECT 1;\nSELECT 'oops", SqlDialect.PostgreSql, problems);
        Assert.Equal(SqlTokenKind.String, tokens[^1].Kind);
        Assert.Equal((2, "unterminated string"), Assert.Single(problems));
    }
}
