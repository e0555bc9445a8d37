using System.Collections.Immutable;
using BackendArchitect.Model;
using Npgsql;

namespace BackendArchitect.Sql.Live;

/// <summary>
/// Reads a live PostgreSQL database's schema from pg_catalog into the model the replayer builds, inside a
/// read-only transaction, spelling names and types the way replayed migrations spell them.
/// </summary>
public static class PostgresInspector
{
    // System and toast schemas never hold user tables; extensions' own schemas are kept (they are the user's choice).
    private const string UserNamespaces =
        "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    public static Schema Read(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "SET TRANSACTION READ ONLY");
        var reader = new CatalogReader(connection, transaction);
        var schema = reader.Read();
        transaction.Rollback();
        return schema;
    }

    internal static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    /// <summary>The display name the replayer gives: bare in public, schema-qualified elsewhere.</summary>
    internal static string DisplayName(string schema, string name) => schema == "public" ? name : schema + "." + name;

    private sealed class CatalogReader(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        private readonly Dictionary<uint, string> tableNames = [];
        private readonly Dictionary<(uint Table, short Number), string> columnNames = [];

        public Schema Read()
        {
            ReadTables();
            var columns = ReadColumns();
            var constraints = ReadConstraints();
            var indexes = ReadIndexes();
            var result = Schema.Empty;
            foreach (var (oid, name) in tableNames)
            {
                var table = new SchemaTable(
                    name,
                    columns.GetValueOrDefault(oid, []),
                    constraints.PrimaryKeys.GetValueOrDefault(oid),
                    constraints.Uniques.GetValueOrDefault(oid, []),
                    constraints.Checks.GetValueOrDefault(oid, []),
                    constraints.ForeignKeys.GetValueOrDefault(oid, []),
                    indexes.GetValueOrDefault(oid, []));
                result = result with { Tables = result.Tables.SetItem(name, table) };
            }

            return result with { Enums = ReadEnums(), Sequences = ReadSequences(), Views = ReadViews() };
        }

        private void ReadTables()
        {
            Query(
                "SELECT c.oid, n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND " + UserNamespaces
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')",
                row => tableNames[row.GetFieldValue<uint>(0)] = DisplayName(row.GetString(1), row.GetString(2)));
        }

        private Dictionary<uint, ImmutableArray<Column>> ReadColumns()
        {
            var result = new Dictionary<uint, ImmutableArray<Column>>();
            Query(
                "SELECT a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                + "pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, a.attgenerated::text "
                + "FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "WHERE a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attrelid, a.attnum",
                row =>
                {
                    var table = row.GetFieldValue<uint>(0);
                    if (!tableNames.ContainsKey(table))
                    {
                        return;
                    }

                    var name = row.GetString(2);
                    columnNames[(table, row.GetInt16(1))] = name;
                    var identity = row.GetString(6) switch
                    {
                        "a" => "always",
                        "d" => "by default",
                        _ => null,
                    };
                    var column = new Column(name, row.GetString(3), !row.GetBoolean(4), row.IsDBNull(5) ? null : row.GetString(5), identity);
                    result[table] = result.GetValueOrDefault(table, []).Add(column);
                });
            return result;
        }

        private Constraints ReadConstraints()
        {
            var result = new Constraints();
            Query(
                "SELECT c.conrelid, c.conname, c.contype::text, c.conkey, c.confrelid, c.confkey, c.confdeltype::text, c.convalidated, "
                + "pg_get_constraintdef(c.oid, true) FROM pg_constraint c WHERE c.contype IN ('p', 'u', 'c', 'f') ORDER BY c.conrelid, c.conname",
                row =>
                {
                    var table = row.GetFieldValue<uint>(0);
                    if (!tableNames.ContainsKey(table))
                    {
                        return;
                    }

                    var name = row.GetString(1);
                    var columns = Columns(table, row.IsDBNull(3) ? [] : row.GetFieldValue<short[]>(3));
                    switch (row.GetString(2))
                    {
                        case "p":
                            result.PrimaryKeys[table] = new PrimaryKey(name, columns);
                            break;
                        case "u":
                            result.Uniques[table] = result.Uniques.GetValueOrDefault(table, []).Add(new UniqueConstraint(name, columns));
                            break;
                        case "c":
                            var check = new CheckConstraint(name, CheckExpression(row.GetString(8)), !row.GetBoolean(7));
                            result.Checks[table] = result.Checks.GetValueOrDefault(table, []).Add(check);
                            break;
                        case "f":
                            var refTable = row.GetFieldValue<uint>(4);
                            var foreignKey = new ForeignKey(
                                name,
                                columns,
                                tableNames.GetValueOrDefault(refTable, "?"),
                                Columns(refTable, row.GetFieldValue<short[]>(5)),
                                OnDelete(row.GetString(6)),
                                !row.GetBoolean(7));
                            result.ForeignKeys[table] = result.ForeignKeys.GetValueOrDefault(table, []).Add(foreignKey);
                            break;
                    }
                });
            return result;
        }

        private Dictionary<uint, ImmutableArray<TableIndex>> ReadIndexes()
        {
            var result = new Dictionary<uint, ImmutableArray<TableIndex>>();
            // Indexes behind primary key, unique and exclusion constraints are part of those constraints, as in a replay.
            Query(
                "SELECT i.indrelid, c.relname, i.indisunique, am.amname, i.indnkeyatts, i.indnatts, i.indoption::int2[], "
                + "pg_get_expr(i.indpred, i.indrelid, true), "
                + "ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnatts) AS k ORDER BY k) "
                + "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam "
                + "WHERE NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x')) "
                + "ORDER BY i.indrelid, c.relname",
                row =>
                {
                    var table = row.GetFieldValue<uint>(0);
                    if (!tableNames.TryGetValue(table, out var tableName))
                    {
                        return;
                    }

                    var keyCount = row.GetInt16(4);
                    var options = row.GetFieldValue<short[]>(6);
                    var definitions = row.GetFieldValue<string[]>(8);
                    var keys = ImmutableArray.CreateBuilder<string>();
                    for (var k = 0; k < keyCount && k < definitions.Length; k++)
                    {
                        // indoption bit 0 is DESC.
                        var descending = k < options.Length && (options[k] & 1) != 0;
                        keys.Add(descending ? definitions[k] + " DESC" : definitions[k]);
                    }

                    var method = row.GetString(3);
                    var index = new TableIndex(
                        row.GetString(1),
                        tableName,
                        keys.ToImmutable(),
                        row.GetBoolean(2),
                        method == "btree" ? null : method,
                        row.IsDBNull(7) ? null : row.GetString(7),
                        [.. definitions.Skip(keyCount)]);
                    result[table] = result.GetValueOrDefault(table, []).Add(index);
                });
            return result;
        }

        private ImmutableSortedDictionary<string, EnumType> ReadEnums()
        {
            var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            Query(
                "SELECT n.nspname, t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid "
                + "JOIN pg_namespace n ON n.oid = t.typnamespace WHERE " + UserNamespaces + " ORDER BY n.nspname, t.typname, e.enumsortorder",
                row =>
                {
                    var name = DisplayName(row.GetString(0), row.GetString(1));
                    if (!values.TryGetValue(name, out var list))
                    {
                        values[name] = list = [];
                    }

                    list.Add(row.GetString(2));
                });
            return values.ToImmutableSortedDictionary(p => p.Key, p => new EnumType(p.Key, [.. p.Value]), StringComparer.Ordinal);
        }

        private ImmutableSortedDictionary<string, Sequence> ReadSequences()
        {
            var names = new List<string>();
            // Identity columns own an internal sequence ('i' dependency); a replay models those as the column's identity.
            Query(
                "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'S' AND "
                + UserNamespaces + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('i', 'e'))",
                row => names.Add(DisplayName(row.GetString(0), row.GetString(1))));
            return names.ToImmutableSortedDictionary(n => n, n => new Sequence(n), StringComparer.Ordinal);
        }

        private ImmutableSortedDictionary<string, View> ReadViews()
        {
            var views = new List<View>();
            Query(
                "SELECT n.nspname, c.relname, c.relkind = 'm' FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND "
                + UserNamespaces + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')",
                row => views.Add(new View(DisplayName(row.GetString(0), row.GetString(1)), row.GetBoolean(2))));
            return views.ToImmutableSortedDictionary(v => v.Name, v => v, StringComparer.Ordinal);
        }

        private ImmutableArray<string> Columns(uint table, short[] numbers) =>
            [.. numbers.Select(n => columnNames.GetValueOrDefault((table, n), "?"))];

        private void Query(string sql, Action<NpgsqlDataReader> onRow)
        {
            using var command = new NpgsqlCommand(sql, connection, transaction);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                onRow(reader);
            }
        }
    }

    /// <summary>pg_get_constraintdef gives "CHECK (expr)" with " NOT VALID" when unvalidated; the model holds expr.</summary>
    internal static string CheckExpression(string definition)
    {
        var text = definition.Trim();
        if (text.EndsWith(" NOT VALID", StringComparison.Ordinal))
        {
            text = text[..^" NOT VALID".Length];
        }

        if (text.StartsWith("CHECK (", StringComparison.Ordinal) && text.EndsWith(')'))
        {
            text = text["CHECK (".Length..^1];
        }

        return text;
    }

    private static string? OnDelete(string code) => code switch
    {
        "r" => "RESTRICT",
        "c" => "CASCADE",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        _ => null,
    };

    private sealed class Constraints
    {
        public Dictionary<uint, PrimaryKey> PrimaryKeys { get; } = [];

        public Dictionary<uint, ImmutableArray<UniqueConstraint>> Uniques { get; } = [];

        public Dictionary<uint, ImmutableArray<CheckConstraint>> Checks { get; } = [];

        public Dictionary<uint, ImmutableArray<ForeignKey>> ForeignKeys { get; } = [];
    }
}
