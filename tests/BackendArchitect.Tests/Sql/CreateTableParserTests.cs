using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using static BackendArchitect.Tests.Sql.SqlTestHelpers;

namespace BackendArchitect.Tests.Sql;

public class CreateTableParserTests
{
    [Fact]
    public void Postgres_columns_types_defaults_and_constraints()
    {
        var table = One<CreateTableStatement>("""
            CREATE TABLE IF NOT EXISTS public."Orders" (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              Customer_Id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
              total numeric(12, 2) NOT NULL DEFAULT 0 CHECK (total >= 0),
              tags text[] DEFAULT '{}'::text[],
              token uuid DEFAULT gen_random_uuid(),
              created_at timestamp(3) with time zone NOT NULL DEFAULT now(),
              code varchar(10) COLLATE "C" UNIQUE,
              CONSTRAINT orders_code_chk CHECK (code <> '') NOT VALID,
              CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE SET NULL
            );
            """);
        Assert.Equal(new QualifiedName("public", "Orders"), table.Name);
        Assert.True(table.IfNotExists);
        Assert.Equal(["id", "customer_id", "total", "tags", "token", "created_at", "code"], table.Columns.Select(c => c.Name));

        var id = table.Columns[0];
        Assert.Equal(("bigint", "always", true), (id.Type!.Name, id.Identity, id.PrimaryKey));

        var customer = table.Columns[1];
        Assert.True(customer.NotNull);
        Assert.Equal(("customers", "CASCADE"), (customer.References!.Table.Name, customer.References.OnDelete));

        var total = table.Columns[2];
        Assert.Equal(["12", "2"], total.Type!.Arguments.AsEnumerable());
        Assert.Equal("0", total.Default!.Text);
        Assert.Equal(["total >= 0"], total.Checks.AsEnumerable());

        Assert.Equal(1, table.Columns[3].Type!.ArrayDimensions);
        Assert.Equal("'{}'::text[]", table.Columns[3].Default!.Text);
        Assert.True(table.Columns[4].Default!.IsVolatile);
        Assert.False(table.Columns[5].Default!.IsVolatile);
        Assert.Equal("timestamp with time zone", table.Columns[5].Type!.Name);
        Assert.Equal(("C", true), (table.Columns[6].Collation, table.Columns[6].Unique));

        Assert.Equal(2, table.Constraints.Length);
        Assert.Equal(("orders_code_chk", ConstraintKind.Check, true), (table.Constraints[0].Name, table.Constraints[0].Kind, table.Constraints[0].NotValid));
        Assert.Equal(("SET NULL", "customer_id"), (table.Constraints[1].References!.OnDelete, Assert.Single(table.Constraints[1].Columns)));
    }

    [Fact]
    public void Mysql_backticks_auto_increment_inline_keys_and_table_options()
    {
        var table = One<CreateTableStatement>("""
            CREATE TABLE `users` (
              `id` int(11) unsigned NOT NULL AUTO_INCREMENT,
              `Email` varchar(255) CHARACTER SET utf8mb4 NOT NULL COMMENT 'login',
              `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
              `status` enum('a','b') DEFAULT 'a',
              PRIMARY KEY (`id`),
              UNIQUE KEY `users_email_uq` (`Email`),
              KEY `users_status_idx` (`status`(10))
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
            """, SqlDialect.MySql);
        Assert.Equal("Email", table.Columns[1].Name);
        Assert.Equal(("auto_increment", "unsigned"), (table.Columns[0].Identity, table.Columns[0].Type!.Modifiers));
        Assert.Equal("CURRENT_TIMESTAMP", table.Columns[2].Default!.Text);
        Assert.Equal(["'a'", "'b'"], table.Columns[3].Type!.Arguments.AsEnumerable());
        Assert.Equal(
            [ConstraintKind.PrimaryKey, ConstraintKind.Unique, ConstraintKind.Index],
            table.Constraints.Select(c => c.Kind));
        Assert.Equal(("users_status_idx", "status"), (table.Constraints[2].Name, table.Constraints[2].Columns[0]));
    }

    [Fact]
    public void Sqlite_autoincrement_typeless_columns_and_without_rowid()
    {
        var table = One<CreateTableStatement>("""
            CREATE TABLE "sessions" (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              data,
              token TEXT NOT NULL ON CONFLICT REPLACE UNIQUE,
              FOREIGN KEY (id) REFERENCES [users] (id) ON DELETE CASCADE
            ) WITHOUT ROWID;
            """, SqlDialect.Sqlite);
        Assert.Equal(("autoincrement", true), (table.Columns[0].Identity, table.Columns[0].PrimaryKey));
        Assert.Null(table.Columns[1].Type);
        Assert.True(table.Columns[2].Unique);
        Assert.Equal("users", table.Constraints[0].References!.Table.Name);
    }

    [Fact]
    public void Postgres_folds_unquoted_names_and_keeps_quoted_ones()
    {
        var table = One<CreateTableStatement>("CREATE TABLE Accounts (\"DisplayName\" text, Email text)");
        Assert.Equal("accounts", table.Name.Name);
        Assert.Equal(["DisplayName", "email"], table.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Create_table_as_select_and_like_are_recognised()
    {
        Assert.True(One<CreateTableStatement>("CREATE TABLE a AS SELECT * FROM b").AsQuery);
        Assert.Equal("b", One<CreateTableStatement>("CREATE TABLE a (LIKE b INCLUDING ALL)").Like!.Name);
    }

    [Fact]
    public void Generated_stored_column_is_not_an_identity()
    {
        var column = One<CreateTableStatement>("CREATE TABLE a (x int, y int GENERATED ALWAYS AS (x * 2) STORED)").Columns[1];
        Assert.Equal(("x * 2", null), (column.GeneratedExpression, column.Identity));
    }
}
