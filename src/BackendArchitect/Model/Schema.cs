using System.Collections.Immutable;

namespace BackendArchitect.Model;

/// <summary>
/// A relational schema: tables, enums, sequences and views, each keyed by its lookup key
/// (the normalized name, lower-cased for dialects whose names are case-insensitive).
/// </summary>
public sealed record Schema(
    ImmutableSortedDictionary<string, SchemaTable> Tables,
    ImmutableSortedDictionary<string, EnumType> Enums,
    ImmutableSortedDictionary<string, Sequence> Sequences,
    ImmutableSortedDictionary<string, View> Views)
{
    public static Schema Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, SchemaTable>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, EnumType>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, Sequence>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, View>(StringComparer.Ordinal));
}

/// <summary>
/// A table. Name is schema-qualified only outside the default schema (public, main). CreatedAs is the name it was
/// created under when a later statement renamed it, else null.
/// </summary>
public sealed record SchemaTable(
    string Name,
    ImmutableArray<Column> Columns,
    PrimaryKey? PrimaryKey,
    ImmutableArray<UniqueConstraint> Uniques,
    ImmutableArray<CheckConstraint> Checks,
    ImmutableArray<ForeignKey> ForeignKeys,
    ImmutableArray<TableIndex> Indexes,
    SourceLocation? Origin = null,
    string? CreatedAs = null)
{
    public Column? FindColumn(string name, StringComparer comparer)
    {
        foreach (var column in Columns)
        {
            if (comparer.Equals(column.Name, name))
            {
                return column;
            }
        }

        return null;
    }
}

/// <summary>
/// A column. Type is normalized for the dialect (PostgreSQL: int4 -> integer, varchar(n) -> character varying(n),
/// serial -> integer with a nextval default). Identity: "always", "by default", "auto_increment", "autoincrement" or null.
/// Origin (here and on tables, keys and indexes): where the object was created or last redefined, when read from a file;
/// for a column also where it was last renamed, since that statement gave it its name. TypeOrigin and NullabilityOrigin
/// are the statements that gave the column its current type and its current nullability, so a finding about either
/// points there rather than at a later rename or SET NOT NULL. CreatedAs is the name it was created under when a later
/// statement renamed it, else null.
/// </summary>
public sealed record Column(
    string Name,
    string Type,
    bool Nullable,
    string? Default,
    string? Identity,
    SourceLocation? Origin = null,
    SourceLocation? TypeOrigin = null,
    SourceLocation? NullabilityOrigin = null,
    string? CreatedAs = null);

public sealed record PrimaryKey(string? Name, ImmutableArray<string> Columns);

public sealed record UniqueConstraint(string? Name, ImmutableArray<string> Columns, SourceLocation? Origin = null);

public sealed record CheckConstraint(string? Name, string Expression, bool NotValid);

/// <summary>A foreign key; NotValid while it was added NOT VALID and not yet validated.</summary>
public sealed record ForeignKey(string? Name, ImmutableArray<string> Columns, string RefTable, ImmutableArray<string> RefColumns, string? OnDelete, bool NotValid, SourceLocation? Origin = null);

/// <summary>An index; Columns holds column names or expression text in order (with DESC when descending).</summary>
public sealed record TableIndex(string? Name, string Table, ImmutableArray<string> Columns, bool Unique, string? Method, string? Where, ImmutableArray<string> Include, SourceLocation? Origin = null);

public sealed record EnumType(string Name, ImmutableArray<string> Values);

public sealed record Sequence(string Name);

public sealed record View(string Name, bool Materialized);
