using System.Collections.Immutable;

namespace BackendArchitect.Sql.Ast;

/// <summary>ALTER TABLE [IF EXISTS] [ONLY] name action[, action...].</summary>
public sealed record AlterTableStatement(QualifiedName Name, bool IfExists, ImmutableArray<AlterTableAction> Actions) : SqlStatement;

/// <summary>One action of an ALTER TABLE, with the line it starts on.</summary>
public abstract record AlterTableAction
{
    public int Line { get; init; }
}

/// <summary>ADD [COLUMN] [IF NOT EXISTS] definition; Position is MySQL's "FIRST" or "AFTER col".</summary>
public sealed record AddColumnAction(ColumnDefinition Column, bool IfNotExists, string? Position = null) : AlterTableAction;

public sealed record DropColumnAction(string Column, bool IfExists, bool Cascade) : AlterTableAction;

/// <summary>ALTER COLUMN c [SET DATA] TYPE t [USING expr].</summary>
public sealed record AlterColumnTypeAction(string Column, DataType Type, string? Using, string? Collation) : AlterTableAction;

/// <summary>ALTER COLUMN c SET NOT NULL (NotNull true) or DROP NOT NULL (false).</summary>
public sealed record AlterColumnNullabilityAction(string Column, bool NotNull) : AlterTableAction;

/// <summary>ALTER COLUMN c SET DEFAULT expr, or DROP DEFAULT when <see cref="Default"/> is null.</summary>
public sealed record AlterColumnDefaultAction(string Column, ColumnDefault? Default) : AlterTableAction;

/// <summary>Other ALTER COLUMN forms (ADD GENERATED, SET STATISTICS, ...), kept as text.</summary>
public sealed record AlterColumnOtherAction(string Column, string Text) : AlterTableAction;

/// <summary>MySQL MODIFY [COLUMN] def or CHANGE [COLUMN] old def: the whole column is redefined.</summary>
public sealed record ModifyColumnAction(string? OldName, ColumnDefinition Column, string? Position) : AlterTableAction;

public sealed record AddConstraintAction(TableConstraint Constraint) : AlterTableAction;

public sealed record ValidateConstraintAction(string Name) : AlterTableAction;

/// <summary>DROP CONSTRAINT name, or MySQL's DROP INDEX/KEY/FOREIGN KEY/PRIMARY KEY/CHECK (Kind says which).</summary>
public sealed record DropConstraintAction(string? Name, ConstraintKind? Kind, bool IfExists, bool Cascade) : AlterTableAction;

public sealed record RenameColumnAction(string From, string To) : AlterTableAction;

public sealed record RenameTableAction(QualifiedName To) : AlterTableAction;

public sealed record RenameConstraintAction(string From, string To) : AlterTableAction;

/// <summary>MySQL's RENAME INDEX a TO b.</summary>
public sealed record RenameIndexAction(string From, string To) : AlterTableAction;

/// <summary>A table option such as MySQL ALGORITHM=INPLACE, LOCK=NONE or ENGINE=InnoDB (name upper-cased).</summary>
public sealed record TableOptionAction(string Name, string Value) : AlterTableAction;

/// <summary>Any other action (OWNER TO, ENABLE TRIGGER, SET (...)), kept as text.</summary>
public sealed record OtherAlterAction(string Text) : AlterTableAction;
