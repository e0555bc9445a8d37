using BackendArchitect.Model;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Sources;
using BackendArchitect.Sql.TSql;
using BackendArchitect.Tests.Support;
using BackendArchitect.Workspace;

namespace BackendArchitect.Tests.Sql.Sources;

public class TSqlReaderTests
{
    private static SqlParseResult Fixture()
    {
        var path = Paths.Fixture("migrations", "tsql", "2024-01-01_00_Init.sql");
        return TSqlReader.Parse("2024-01-01_00_Init.sql", File.ReadAllText(path));
    }

    [Fact]
    public void Ddl_inside_if_begin_end_is_read_as_a_create_table_with_its_columns_and_key()
    {
        var create = Fixture().Statements.OfType<CreateTableStatement>().First();
        Assert.Equal(new QualifiedName("dbo", "Customer"), create.Name);
        Assert.Equal(3, create.Line);
        Assert.Equal(["Id", "Name", "Seq"], create.Columns.Select(c => c.Name));
        Assert.Equal("nvarchar(256)", create.Columns[1].Type!.Text);
        Assert.True(create.Columns[1].NotNull);
        Assert.Equal("identity", create.Columns[2].Identity);
        var key = Assert.Single(create.Constraints);
        Assert.Equal(ConstraintKind.PrimaryKey, key.Kind);
        Assert.Equal(["Id"], key.Columns.AsEnumerable());
    }

    [Fact]
    public void Go_with_a_semicolon_separates_batches_and_go_inside_a_block_comment_does_not()
    {
        var statements = Fixture().Statements;
        var add = statements.OfType<AlterTableStatement>().First();
        Assert.Equal(12, add.Line);
        Assert.IsType<AddColumnAction>(Assert.Single(add.Actions));
        var alter = statements.OfType<AlterTableStatement>().Single(s => s.Actions.OfType<AlterColumnTypeAction>().Any());
        Assert.Equal(29, alter.Line);
        Assert.Contains(alter.Actions, a => a is AlterColumnNullabilityAction { NotNull: true });
    }

    [Fact]
    public void The_sql_of_exec_string_literals_is_parsed_at_the_exec_line()
    {
        var index = Assert.Single(Fixture().Statements.OfType<CreateIndexStatement>());
        Assert.Equal("IX_Customer_Email", index.Name);
        Assert.Equal(new QualifiedName("dbo", "Customer"), index.Table);
        Assert.Equal(15, index.Line);
    }

    [Fact]
    public void Procedures_are_kept_by_their_keywords()
    {
        var procedure = Assert.Single(Fixture().Statements.OfType<OtherStatement>(), s => s.Keywords == "CREATE PROCEDURE");
        Assert.Equal(18, procedure.Line);
        Assert.Contains("Customer_ReadById", procedure.Text);
    }

    [Fact]
    public void Routine_batches_are_kept_whole_by_their_head_and_errors_in_their_bodies_are_not_reported()
    {
        const string script = "-- reads one order\n/* v2 */\nCREATE OR ALTER PROC [dbo].[Order_Read] @Id INT AS\nSELECT * FROM [dbo].[Order] WHERE Id = @Id,,\nGO\n"
            + "ALTER FUNCTION dbo.Total() RETURNS INT AS BEGIN RETURN (SELECT ,) END\nGO\n"
            + "CREATE OR ALTER VIEW dbo.OpenOrders AS SELECT Id FROM dbo.[Order]\nGO\n";
        var result = TSqlReader.Parse("routines.sql", script);
        Assert.Empty(result.Diagnostics);
        var routines = result.Statements.OfType<OtherStatement>().ToArray();
        Assert.Equal(["CREATE OR", "ALTER FUNCTION"], routines.Select(r => r.Keywords));
        Assert.Equal([3, 6], routines.Select(r => r.Line));
        Assert.StartsWith("CREATE OR ALTER PROC [dbo].[Order_Read]", routines[0].Text);
        Assert.EndsWith("WHERE Id = @Id,,", routines[0].Text);
        Assert.False(routines[0].IsPartial);
        Assert.Equal(8, Assert.Single(result.Statements.OfType<CreateViewStatement>()).Line);
    }

    [Fact]
    public void A_broken_batch_becomes_a_diagnostic_at_its_line_and_later_batches_are_still_read()
    {
        var result = Fixture();
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(33, diagnostic.Line);
        Assert.Contains(result.Statements, s => s.IsPartial);
        var drop = result.Statements.OfType<AlterTableStatement>().Last(s => s.Actions.Any(a => a is DropColumnAction));
        Assert.IsType<DropColumnAction>(Assert.Single(drop.Actions));
    }

    [Fact]
    public void Replay_of_the_tsql_folder_builds_the_table_in_the_sqlserver_dialect()
    {
        var diagnostics = new List<Diagnostic>();
        var set = Assert.Single(MigrationSources.Discover(WorkspaceLoader.Load(Paths.Fixture("migrations", "tsql")), null, diagnostics));
        Assert.Equal(SqlDialect.SqlServer, set.Dialect);
        var (_, schema) = BackendArchitect.Findings.SqlLintRunner.Run(set.Migrations, set.Dialect, new(), rules: []);
        var table = schema.Tables["dbo.customer"];
        Assert.Equal(["Id", "Name", "EmailAddress"], table.Columns.Select(c => c.Name));
        Assert.Single(table.Indexes);
    }

    [Fact]
    public void Sp_rename_of_a_column_is_read_as_a_column_rename()
    {
        var rename = Assert.Single(Fixture().Statements.OfType<AlterTableStatement>(), s => s.Actions.Any(a => a is RenameColumnAction));
        Assert.Equal(new QualifiedName("dbo", "Customer"), rename.Name);
        Assert.Equal(new RenameColumnAction("Email", "EmailAddress"), rename.Actions.Single());
        Assert.Equal(40, rename.Line);
    }

    [Theory]
    [InlineData("CREATE TABLE [dbo].[A] ([Id] INT NOT NULL)\nGO\n", true)]
    [InlineData("CREATE TABLE a (id NVARCHAR(10), b INT IDENTITY(1,1))", true)]
    [InlineData("CREATE TABLE a (id bigserial PRIMARY KEY);", false)]
    [InlineData("CREATE TABLE `a` (id int AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB;", false)]
    public void Tsql_is_recognized_from_its_telling_constructs(string text, bool expected) =>
        Assert.Equal(expected, TSqlReader.LooksLikeTSql(text));
}
