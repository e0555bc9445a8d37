using BackendArchitect.Findings;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Replay;
using BackendArchitect.Sql.TSql;

namespace BackendArchitect.Tests.Rules.Migrations;

/// <summary>Findings on T-SQL describe what SQL Server does, never PostgreSQL's error text.</summary>
public sealed class SqlServerWordingTests
{
    [Fact]
    public void A_not_null_column_without_default_quotes_sql_servers_error()
    {
        var migrations = new[]
        {
            ("001.sql", "CREATE TABLE [dbo].[Report] ([Id] INT NOT NULL PRIMARY KEY);\nGO\n"),
            ("002.sql", "ALTER TABLE [dbo].[Report] ADD [Key] NVARCHAR (MAX) NOT NULL;\nGO\n"),
        }.Select(m => Migration.FromParse(m.Item1, TSqlReader.Parse(m.Item1, m.Item2))).ToList();

        var finding = Assert.Single(SqlLintRunner.Run(migrations, SqlDialect.SqlServer, new LintOptions(), rules: RuleCatalog.OfType<IMigrationRule>()).Findings);

        Assert.Equal("MIG004", finding.Code);
        Assert.Contains("error 4901", finding.Message);
        Assert.DoesNotContain("column contains null values", finding.Message);
    }
}
