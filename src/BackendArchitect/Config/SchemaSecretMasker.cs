using System.Collections.Immutable;
using BackendArchitect.Model;

namespace BackendArchitect.Config;

/// <summary>
/// Masks the SQL text a schema carries (column defaults, check expressions, index predicates) before
/// any schema output, whether the schema was replayed from migrations or read from a live database.
/// </summary>
public static class SchemaSecretMasker
{
    public static Schema Mask(Schema schema) =>
        schema with { Tables = schema.Tables.ToImmutableSortedDictionary(t => t.Key, t => Mask(t.Value), StringComparer.Ordinal) };

    private static SchemaTable Mask(SchemaTable table) => table with
    {
        Columns = [.. table.Columns.Select(c => c with { Default = SqlSecretMasker.MaskDefault(c.Name, c.Default) })],
        Checks = [.. table.Checks.Select(c => c with { Expression = SqlSecretMasker.Mask(c.Expression) })],
        Indexes = [.. table.Indexes.Select(i => i with { Where = i.Where is null ? null : SqlSecretMasker.Mask(i.Where), Columns = [.. i.Columns.Select(SqlSecretMasker.Mask)] })],
    };
}
