using System.Collections.Immutable;
using BackendArchitect.Model;

namespace BackendArchitect.Rules.Schema;

/// <summary>
/// One btree-like key of a table seen the same way whether it is the primary key, a unique constraint or an index,
/// so the index rules compare them alike. Method is null for the default (btree) method.
/// </summary>
public sealed record IndexKey(string Describe, ImmutableArray<string> Columns, bool Unique, string? Method, string? Where, ImmutableArray<string> Include, bool IsPlainIndex, SourceLocation? Origin)
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
            keys.Add(new IndexKey("primary key", primaryKey.Columns, true, null, null, [], false, table.Origin));
        }

        foreach (var unique in table.Uniques)
        {
            keys.Add(new IndexKey("unique constraint " + unique.Name, unique.Columns, true, null, null, [], false, unique.Origin));
        }

        foreach (var index in table.Indexes)
        {
            var method = index.Method is null || index.Method.Equals("btree", StringComparison.OrdinalIgnoreCase) ? null : index.Method.ToLowerInvariant();
            keys.Add(new IndexKey((index.Unique ? "unique index " : "index ") + index.Name, index.Columns, index.Unique, method, index.Where, index.Include, true, index.Origin));
        }

        return keys;
    }

    private static string? NormalizedWhere(string? where) =>
        where is null ? null : string.Concat(where.Where(c => !char.IsWhiteSpace(c) && c is not ('(' or ')')));
}
