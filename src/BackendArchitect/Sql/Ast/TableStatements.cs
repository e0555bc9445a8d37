using System.Collections.Immutable;

namespace BackendArchitect.Sql.Ast;

/// <summary>
/// CREATE [TEMPORARY] TABLE [IF NOT EXISTS] name (columns, constraints), AS query, or LIKE / PARTITION OF
/// another table (<see cref="Like"/>: the table whose columns it takes).
/// </summary>
public sealed record CreateTableStatement(
    QualifiedName Name,
    bool IfNotExists,
    bool Temporary,
    ImmutableArray<ColumnDefinition> Columns,
    ImmutableArray<TableConstraint> Constraints,
    bool AsQuery,
    QualifiedName? Like) : SqlStatement;

/// <summary>
/// A column default: its raw text and whether it calls a volatile function (random(), gen_random_uuid(),
/// clock_timestamp(), nextval(), ...), which PostgreSQL evaluates per row, so adding such a column rewrites
/// the table. now() and CURRENT_TIMESTAMP are stable (evaluated once), so they are not volatile.
/// </summary>
public sealed record ColumnDefault(string Text, bool IsVolatile)
{
    public override string ToString() => Text;
}

/// <summary>
/// A column definition. <see cref="NotNull"/> is true for NOT NULL, false for an explicit NULL and null when
/// not written. Identity is "always", "by default", "auto_increment" or "autoincrement".
/// </summary>
public sealed record ColumnDefinition(
    string Name,
    DataType? Type,
    ColumnDefault? Default,
    bool? NotNull,
    bool PrimaryKey,
    bool Unique,
    ImmutableArray<string> Checks,
    ForeignKeyReference? References,
    string? Identity,
    string? Collation,
    string? GeneratedExpression,
    int Line)
{
    /// <summary>Names given with CONSTRAINT name to the column's inline PRIMARY KEY, UNIQUE, CHECK or REFERENCES.</summary>
    public ImmutableDictionary<ConstraintKind, string> ConstraintNames { get; init; } = ImmutableDictionary<ConstraintKind, string>.Empty;
}

/// <summary>REFERENCES table (columns) with its referential actions.</summary>
public sealed record ForeignKeyReference(QualifiedName Table, ImmutableArray<string> Columns, string? OnDelete, string? OnUpdate);

public enum ConstraintKind
{
    PrimaryKey,
    Unique,
    Check,
    ForeignKey,
    Exclude,

    /// <summary>A MySQL inline KEY/INDEX in CREATE TABLE or ALTER TABLE ADD INDEX.</summary>
    Index,
}

/// <summary>A table constraint (or MySQL inline index). Check holds the expression text for CHECK.</summary>
public sealed record TableConstraint(
    string? Name,
    ConstraintKind Kind,
    ImmutableArray<string> Columns,
    string? Check,
    ForeignKeyReference? References,
    bool NotValid,
    int Line);

/// <summary>DROP TABLE/INDEX/TYPE/VIEW/MATERIALIZED VIEW/SEQUENCE [CONCURRENTLY] [IF EXISTS] names [CASCADE].</summary>
/// <param name="ObjectKind">TABLE, INDEX, TYPE, VIEW, MATERIALIZED VIEW, SEQUENCE.</param>
/// <param name="OnTable">MySQL's DROP INDEX name ON table.</param>
public sealed record DropStatement(
    string ObjectKind,
    ImmutableArray<QualifiedName> Names,
    bool IfExists,
    bool Cascade,
    bool Concurrently,
    QualifiedName? OnTable) : SqlStatement;

/// <summary>MySQL's RENAME TABLE a TO b[, c TO d].</summary>
public sealed record RenameTableStatement(ImmutableArray<(QualifiedName From, QualifiedName To)> Renames) : SqlStatement;
