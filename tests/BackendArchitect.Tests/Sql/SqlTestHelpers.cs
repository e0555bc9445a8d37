using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;

namespace BackendArchitect.Tests.Sql;

/// <summary>Parses one statement and insists it parsed cleanly.</summary>
internal static class SqlTestHelpers
{
    public static T One<T>(string sql, SqlDialect dialect = SqlDialect.PostgreSql)
        where T : SqlStatement
    {
        var result = SqlParser.Parse("test.sql", sql, dialect);
        Assert.Empty(result.Diagnostics.Select(d => d.Line + ": " + d.Message));
        var statement = Assert.Single(result.Statements);
        Assert.False(statement.IsPartial);
        return Assert.IsType<T>(statement);
    }
}
