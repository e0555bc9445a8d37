using System.Collections.Immutable;
using BackendArchitect.Model;

namespace BackendArchitect.Rules.Schema;

/// <summary>
/// One btree-like key of a table seen the same way whether it is the primary key, a unique constraint or an index,
/// so the index rules compare them alike. Method is null for the default (btree) method; Name is the index or constraint name.
/// </summary>
public sealed record IndexKey(string Describe, ImmutableArray<string> Columns, bool Unique, string? Method, string? Where, ImmutableArray<string> Include, bool IsPlainIndex, SourceLocation? Origin, string? Name = null)
{
    /// <summary>True when every element is a plain column (no expression).</summary>
    public bool AllColumns(SchemaTable table, StringComparer comparer) =>
        Columns.All(c => table.FindColumn(ColumnOf(c), comparer) is not null);

    /// <summary>Same columns in the same order and direction, same uniqueness, method, predicate and included columns.</summary>
    public bool SameAs(IndexKey other, StringComparer comparer) =>
        Unique == other.Unique
        && Method == other.Method
        && string.Equals(NormalizedWhere(Where), NormalizedWhere(other.Where), StringComparison.OrdinalIgnoreCase)
        && Columns.SequenceEqual(other.Columns, comparer)
        && Include.Order(comparer).SequenceEqual(other.Include.Order(comparer), comparer);

    public static string ColumnOf(string element) =>
        element.EndsWith(" DESC", StringComparison.Ordinal) ? element[..^" DESC".Length] : element;

    /// <summary>The table's keys in definition order: primary key, unique constraints, then indexes.</summary>
    public static IReadOnlyList<IndexKey> Of(SchemaTable table)
    {
        var keys = new List<IndexKey>();
        if (table.PrimaryKey is { } primaryKey)
        {
            keys.Add(new IndexKey("primary key", primaryKey.Columns, true, null, null, [], false, table.Origin, primaryKey.Name));
        }

        foreach (var unique in table.Uniques)
        {
            keys.Add(new IndexKey("unique constraint " + unique.Name, unique.Columns, true, null, null, [], false, unique.Origin, unique.Name));
        }

        keys.AddRange(table.Indexes.Select(Of));
        return keys;
    }

    public static IndexKey Of(TableIndex index)
    {
        var method = index.Method is null || index.Method.Equals("btree", StringComparison.OrdinalIgnoreCase) ? null : index.Method.ToLowerInvariant();
        return new IndexKey((index.Unique ? "unique index " : "index ") + index.Name, index.Columns, index.Unique, method, index.Where, index.Include, true, index.Origin, index.Name);
    }

    /// <summary>
    /// True for a key another one can make redundant: a plain, non-unique btree index on columns, without a predicate or
    /// included columns (a unique index enforces a constraint, so it is never redundant).
    /// </summary>
    public bool CanBeRedundant => IsPlainIndex && !Unique && Where is null && Include.IsEmpty && Method is null && !Columns.IsEmpty;

    /// <summary>A strictly longer key that starts with the candidate's columns, or a unique key on exactly them.</summary>
    public bool Serves(IndexKey candidate, StringComparer comparer)
    {
        if (Where is not null || Method is not null)
        {
            return false;
        }

        var prefix = Columns.Length >= candidate.Columns.Length
            && Columns.Take(candidate.Columns.Length).SequenceEqual(candidate.Columns, comparer);
        return prefix && (Columns.Length > candidate.Columns.Length || Unique);
    }

    private static string? NormalizedWhere(string? where) =>
        where is null ? null : string.Concat(where.Where(c => !char.IsWhiteSpace(c) && c is not ('(' or ')')));
}
