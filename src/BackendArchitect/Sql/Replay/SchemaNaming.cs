using BackendArchitect.Sql.Ast;

namespace BackendArchitect.Sql.Replay;

/// <summary>
/// How a dialect names things: the display name of a table (default schema dropped) and its lookup key
/// (lower-cased where names are case-insensitive), and how column names compare.
/// </summary>
public sealed class SchemaNaming(SqlDialect dialect)
{
    public SqlDialect Dialect { get; } = dialect;

    public StringComparer ColumnComparer { get; } =
        dialect == SqlDialect.PostgreSql ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    public string DisplayName(QualifiedName name)
    {
        var schema = name.Schema;
        if (schema is null || IsDefaultSchema(schema))
        {
            return name.Name;
        }

        return schema + "." + name.Name;
    }

    public string KeyOf(QualifiedName name) => KeyOf(DisplayName(name));

    public string KeyOf(string displayName) =>
        Dialect == SqlDialect.PostgreSql ? displayName : displayName.ToLowerInvariant();

    private bool IsDefaultSchema(string schema) => Dialect switch
    {
        SqlDialect.PostgreSql => schema == "public",
        SqlDialect.Sqlite => schema.Equals("main", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
