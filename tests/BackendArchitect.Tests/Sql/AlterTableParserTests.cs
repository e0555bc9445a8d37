using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using static BackendArchitect.Tests.Sql.SqlTestHelpers;

namespace BackendArchitect.Tests.Sql;

public class AlterTableParserTests
{
    [Fact]
    public void Postgres_multiple_actions_in_one_statement()
    {
        var alter = One<AlterTableStatement>("""
            ALTER TABLE IF EXISTS ONLY orders
              ADD COLUMN IF NOT EXISTS note text DEFAULT 'x' NOT NULL,
              DROP COLUMN legacy CASCADE,
              ALTER COLUMN total TYPE numeric(14,2) USING total::numeric,
              ALTER total SET NOT NULL,
              ALTER COLUMN status DROP NOT NULL,
              ALTER COLUMN created_at SET DEFAULT clock_timestamp(),
              ALTER COLUMN note DROP DEFAULT,
              ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers(id) NOT VALID,
              VALIDATE CONSTRAINT orders_customer_fk,
              DROP CONSTRAINT IF EXISTS old_chk,
              RENAME COLUMN name TO title
            """);
        Assert.True(alter.IfExists);
        Assert.Collection(
            alter.Actions,
            a => Assert.Equal(("note", true, true), (((AddColumnAction)a).Column.Name, ((AddColumnAction)a).IfNotExists, ((AddColumnAction)a).Column.NotNull == true)),
            a => Assert.Equal(new DropColumnAction("legacy", false, true) { Line = 3 }, a),
            a => Assert.Equal(("total", "numeric", "total::numeric"), (((AlterColumnTypeAction)a).Column, ((AlterColumnTypeAction)a).Type.Name, ((AlterColumnTypeAction)a).Using)),
            a => Assert.Equal(new AlterColumnNullabilityAction("total", true) { Line = 5 }, a),
            a => Assert.Equal(new AlterColumnNullabilityAction("status", false) { Line = 6 }, a),
            a => Assert.True(((AlterColumnDefaultAction)a).Default!.IsVolatile),
            a => Assert.Null(((AlterColumnDefaultAction)a).Default),
            a => Assert.True(((AddConstraintAction)a).Constraint.NotValid),
            a => Assert.Equal("orders_customer_fk", ((ValidateConstraintAction)a).Name),
            a => Assert.Equal(("old_chk", true), (((DropConstraintAction)a).Name, ((DropConstraintAction)a).IfExists)),
            a => Assert.Equal(new RenameColumnAction("name", "title") { Line = 12 }, a));
    }

    [Fact]
    public void Rename_table_and_constraint()
    {
        Assert.Equal("archive", ((RenameTableAction)One<AlterTableStatement>("ALTER TABLE orders RENAME TO archive").Actions[0]).To.Name);
        Assert.IsType<RenameConstraintAction>(One<AlterTableStatement>("ALTER TABLE orders RENAME CONSTRAINT a TO b").Actions[0]);
        Assert.Equal("new", One<RenameTableStatement>("RENAME TABLE old TO new", SqlDialect.MySql).Renames[0].To.Name);
    }

    [Fact]
    public void Mysql_modify_change_index_and_algorithm_options()
    {
        var alter = One<AlterTableStatement>(
            "ALTER TABLE `t` MODIFY COLUMN `a` varchar(64) NOT NULL, CHANGE `b` `c` int NULL AFTER `a`, ADD INDEX `t_c_idx` (`c`), DROP FOREIGN KEY `fk1`, ALGORITHM=INPLACE, LOCK=NONE",
            SqlDialect.MySql);
        var modify = Assert.IsType<ModifyColumnAction>(alter.Actions[0]);
        Assert.Equal(("a", null), (modify.Column.Name, modify.OldName));
        var change = Assert.IsType<ModifyColumnAction>(alter.Actions[1]);
        Assert.Equal(("b", "c", "AFTER a"), (change.OldName, change.Column.Name, change.Position));
        Assert.Equal(ConstraintKind.Index, ((AddConstraintAction)alter.Actions[2]).Constraint.Kind);
        Assert.Equal(ConstraintKind.ForeignKey, ((DropConstraintAction)alter.Actions[3]).Kind);
        Assert.Equal(new TableOptionAction("ALGORITHM", "INPLACE") { Line = 1 }, alter.Actions[4]);
        Assert.Equal(new TableOptionAction("LOCK", "NONE") { Line = 1 }, alter.Actions[5]);
    }

    [Fact]
    public void Sqlite_add_rename_and_drop_column()
    {
        Assert.IsType<AddColumnAction>(One<AlterTableStatement>("ALTER TABLE t ADD COLUMN c TEXT", SqlDialect.Sqlite).Actions[0]);
        Assert.IsType<RenameColumnAction>(One<AlterTableStatement>("ALTER TABLE t RENAME COLUMN c TO d", SqlDialect.Sqlite).Actions[0]);
        Assert.IsType<DropColumnAction>(One<AlterTableStatement>("ALTER TABLE t DROP COLUMN c", SqlDialect.Sqlite).Actions[0]);
    }

    [Fact]
    public void Unmodelled_actions_are_kept_as_text()
    {
        var alter = One<AlterTableStatement>("ALTER TABLE t OWNER TO app, ENABLE TRIGGER ALL");
        Assert.Equal(["OWNER TO app", "ENABLE TRIGGER ALL"], alter.Actions.Select(a => ((OtherAlterAction)a).Text));
    }
}
