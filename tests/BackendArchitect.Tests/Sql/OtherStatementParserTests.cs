using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using static BackendArchitect.Tests.Sql.SqlTestHelpers;

namespace BackendArchitect.Tests.Sql;

public class OtherStatementParserTests
{
    [Fact]
    public void Postgres_partial_expression_index_with_include()
    {
        var index = One<CreateIndexStatement>(
            "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON ONLY public.users USING btree (lower(email), created_at DESC) INCLUDE (id) WHERE deleted_at IS NULL");
        Assert.Equal(("users_email_idx", "users", true, true, true, "btree"), (index.Name, index.Table.Name, index.Unique, index.Concurrently, index.IfNotExists, index.Method));
        Assert.Equal(new IndexElement("lower(email)", null, false), index.Elements[0]);
        Assert.Equal(new IndexElement("created_at DESC", "created_at", true), index.Elements[1]);
        Assert.Equal(["id"], index.Include.AsEnumerable());
        Assert.Equal("deleted_at IS NULL", index.Where);
    }

    [Fact]
    public void Index_without_name_and_mysql_prefix_columns()
    {
        Assert.Null(One<CreateIndexStatement>("CREATE INDEX ON t (a)").Name);
        var mysql = One<CreateIndexStatement>("CREATE INDEX i USING BTREE ON `t` (`name`(20)) ALGORITHM=INPLACE LOCK=NONE", SqlDialect.MySql);
        Assert.Equal(("btree", "name"), (mysql.Method, mysql.Elements[0].Column));
    }

    [Fact]
    public void Cockroach_inverted_index_drop_with_table_and_index_rename()
    {
        Assert.Equal("gin", One<CreateIndexStatement>("CREATE INVERTED INDEX i ON t (config)").Method);
        var drop = One<DropStatement>("DROP INDEX IF EXISTS sessions@sessions_token_idx");
        Assert.Equal(("sessions", "sessions_token_idx"), (drop.OnTable!.Name, drop.Names[0].Name));
        var rename = One<RenameIndexStatement>("ALTER INDEX IF EXISTS old_idx RENAME TO new_idx");
        Assert.Equal(("old_idx", "new_idx", true), (rename.Name.Name, rename.To, rename.IfExists));
    }

    [Fact]
    public void Drop_statements_with_options()
    {
        var table = One<DropStatement>("DROP TABLE IF EXISTS a, b CASCADE");
        Assert.Equal(("TABLE", true, true), (table.ObjectKind, table.IfExists, table.Cascade));
        Assert.Equal(["a", "b"], table.Names.Select(n => n.Name));
        Assert.True(One<DropStatement>("DROP INDEX CONCURRENTLY IF EXISTS i").Concurrently);
        Assert.Equal("t", One<DropStatement>("DROP INDEX i ON t", SqlDialect.MySql).OnTable!.Name);
        Assert.Equal("MATERIALIZED VIEW", One<DropStatement>("DROP MATERIALIZED VIEW v").ObjectKind);
        Assert.Equal("SEQUENCE", One<DropStatement>("DROP SEQUENCE IF EXISTS s").ObjectKind);
        Assert.Equal("TYPE", One<DropStatement>("DROP TYPE mood").ObjectKind);
    }

    [Fact]
    public void Enum_types_and_value_changes()
    {
        Assert.Equal(["sad", "it's ok"], One<CreateEnumStatement>("CREATE TYPE mood AS ENUM ('sad', 'it''s ok')").Values.AsEnumerable());
        var add = One<AlterEnumAddValueStatement>("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'happy' BEFORE 'sad'");
        Assert.Equal(("happy", true, "sad"), (add.Value, add.IfNotExists, add.Before));
        Assert.Equal("glad", One<AlterEnumRenameValueStatement>("ALTER TYPE mood RENAME VALUE 'happy' TO 'glad'").To);
    }

    [Fact]
    public void Sequences_views_and_extensions()
    {
        Assert.Equal("START 10", One<CreateSequenceStatement>("CREATE SEQUENCE IF NOT EXISTS s START 10").Options);
        Assert.Equal("RESTART WITH 5", One<AlterSequenceStatement>("ALTER SEQUENCE s RESTART WITH 5").Options);
        var view = One<CreateViewStatement>("CREATE OR REPLACE VIEW active AS SELECT * FROM users WHERE active");
        Assert.Equal(("active", true, false), (view.Name.Name, view.OrReplace, view.Materialized));
        Assert.True(One<CreateViewStatement>("CREATE MATERIALIZED VIEW m AS SELECT 1").Materialized);
        Assert.Equal("v", One<CreateViewStatement>("CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`%` SQL SECURITY DEFINER VIEW `v` AS SELECT 1", SqlDialect.MySql).Name.Name);
        Assert.Equal("pgcrypto", One<CreateExtensionStatement>("CREATE EXTENSION IF NOT EXISTS \"pgcrypto\"").Name);
    }

    [Fact]
    public void Transactions_settings_comments_and_pragmas()
    {
        Assert.Equal(TransactionKind.Begin, One<TransactionStatement>("BEGIN").Kind);
        Assert.Equal(TransactionKind.Begin, One<TransactionStatement>("START TRANSACTION", SqlDialect.MySql).Kind);
        Assert.Equal(TransactionKind.Commit, One<TransactionStatement>("COMMIT").Kind);
        Assert.Equal(TransactionKind.Rollback, One<TransactionStatement>("ROLLBACK").Kind);
        Assert.Equal(new SetStatement("lock_timeout", "'5s'", false) { Text = "SET lock_timeout = '5s'", Line = 1 }, One<SetStatement>("SET lock_timeout = '5s'"));
        Assert.Equal(("statement_timeout", "0", true), Fields(One<SetStatement>("SET LOCAL statement_timeout TO 0")));
        Assert.Equal(("names", "utf8mb4", false), Fields(One<SetStatement>("SET NAMES utf8mb4", SqlDialect.MySql)));
        var comment = One<CommentOnStatement>("COMMENT ON COLUMN users.email IS 'login'");
        Assert.Equal(("COLUMN", "users.email", "login"), (comment.ObjectKind, comment.Target, comment.Comment));
        Assert.Equal(("foreign_keys", "ON"), (One<PragmaStatement>("PRAGMA foreign_keys = ON", SqlDialect.Sqlite).Name, One<PragmaStatement>("PRAGMA foreign_keys = ON", SqlDialect.Sqlite).Value));
    }

    private static (string, string, bool) Fields(SetStatement set) => (set.Name, set.Value, set.Local);

    [Theory]
    [InlineData("INSERT INTO t VALUES (1)", "INSERT")]
    [InlineData("UPDATE t SET a = 1", "UPDATE")]
    [InlineData("DELETE FROM t", "DELETE")]
    [InlineData("SELECT 1", "SELECT")]
    [InlineData("COPY t FROM stdin", "COPY")]
    [InlineData("CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql", "CREATE FUNCTION")]
    [InlineData("GRANT SELECT ON t TO app", "GRANT")]
    [InlineData("DROP FUNCTION f", "DROP FUNCTION")]
    public void Dml_and_unmodelled_statements_are_kept_with_their_keywords(string sql, string keywords)
    {
        Assert.Equal(keywords, One<OtherStatement>(sql).Keywords);
    }
}
