using System.Collections.Immutable;
using BackendArchitect.Model;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;
using Microsoft.Data.Sqlite;

namespace BackendArchitect.Sql.Live;

/// <summary>
/// Reads a SQLite file's schema, opened read-only, into the model the replayer builds. Structure comes from the
/// pragmas (table_info, index_list, index_xinfo, foreign_key_list); what SQLite keeps only in the stored CREATE text
/// (constraint names, CHECK expressions, AUTOINCREMENT, index expressions and WHERE) comes from parsing that text.
/// </summary>
public static class SqliteInspector
{
    private static readonly SchemaNaming Naming = new(SqlDialect.Sqlite);

    public static Schema Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("no such SQLite file: " + path);
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ConnectionString);
        connection.Open();
        var objects = Query(connection, "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
            .Select(r => (Type: (string)r[0]!, Name: (string)r[1]!, Table: (string)r[2]!, Sql: r[3] as string))
            .ToList();
        var schema = Schema.Empty;
        foreach (var table in objects.Where(o => o.Type == "table"))
        {
            var indexSql = objects.Where(o => o.Type == "index" && o.Table == table.Name && o.Sql is not null)
                .ToDictionary(o => o.Name, o => o.Sql!, StringComparer.OrdinalIgnoreCase);
            var read = ReadTable(connection, table.Name, table.Sql ?? "", indexSql);
            schema = schema with { Tables = schema.Tables.SetItem(Naming.KeyOf(read.Name), read) };
        }

        foreach (var view in objects.Where(o => o.Type == "view"))
        {
            schema = schema with { Views = schema.Views.SetItem(Naming.KeyOf(view.Name), new View(view.Name, false)) };
        }

        return schema;
    }

    private static SchemaTable ReadTable(SqliteConnection connection, string name, string sql, Dictionary<string, string> indexSql)
    {
        var declared = Declared(sql, name);
        var comparer = StringComparer.OrdinalIgnoreCase;
        var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

        var columns = ImmutableArray.CreateBuilder<Column>();
        var keyColumns = new SortedList<long, string>();
        foreach (var row in Query(connection, $"PRAGMA table_info({quoted})"))
        {
            var columnName = (string)row[1]!;
            var primaryKeyPosition = (long)row[5]!;
            if (primaryKeyPosition > 0)
            {
                keyColumns.Add(primaryKeyPosition, columnName);
            }

            // The replayed model treats key columns as NOT NULL, which SQLite enforces for rowid keys only.
            var nullable = (long)row[3]! == 0 && primaryKeyPosition == 0;
            var identity = declared?.FindColumn(columnName, comparer)?.Identity;
            columns.Add(new Column(columnName, NormalizeType((string)row[2]!), nullable, row[4] as string, identity));
        }

        PrimaryKey? primaryKey = keyColumns.Count == 0
            ? null
            : new PrimaryKey(declared?.PrimaryKey?.Name ?? name + "_pkey", [.. keyColumns.Values]);

        var uniques = ImmutableArray.CreateBuilder<UniqueConstraint>();
        var indexes = ImmutableArray.CreateBuilder<TableIndex>();
        foreach (var row in Query(connection, $"PRAGMA index_list({quoted})"))
        {
            var indexName = (string)row[1]!;
            var unique = (long)row[2]! != 0;
            var origin = (string)row[3]!;
            var keys = IndexKeys(connection, indexName);
            if (origin == "u")
            {
                var columnNames = keys.Select(k => k.Name ?? "").ToImmutableArray();
                var declaredName = declared?.Uniques.FirstOrDefault(u => u.Columns.SequenceEqual(columnNames, comparer))?.Name;
                uniques.Add(new UniqueConstraint(declaredName ?? DefaultName(name, columnNames, "key"), columnNames));
            }
            else if (origin == "c")
            {
                indexes.Add(ReadIndex(name, indexName, unique, keys, indexSql.GetValueOrDefault(indexName)));
            }
        }

        return new SchemaTable(
            name,
            columns.ToImmutable(),
            primaryKey,
            [.. uniques.OrderBy(u => u.Name, StringComparer.Ordinal)],
            declared?.Checks ?? [],
            ReadForeignKeys(connection, name, quoted, declared),
            [.. indexes.OrderBy(i => i.Name, StringComparer.Ordinal)]);
    }

    private static ImmutableArray<ForeignKey> ReadForeignKeys(SqliteConnection connection, string table, string quoted, SchemaTable? declared)
    {
        var comparer = StringComparer.OrdinalIgnoreCase;
        var result = ImmutableArray.CreateBuilder<ForeignKey>();
        // Rows are (id, seq, table, from, to, on_update, on_delete, match); one id per foreign key, seq orders its columns.
        foreach (var group in Query(connection, $"PRAGMA foreign_key_list({quoted})").GroupBy(r => (long)r[0]!).OrderByDescending(g => g.Key))
        {
            var rows = group.OrderBy(r => (long)r[1]!).ToList();
            var columns = rows.Select(r => (string)r[3]!).ToImmutableArray();
            var refColumns = rows.All(r => r[4] is string) ? rows.Select(r => (string)r[4]!).ToImmutableArray() : [];
            var refTable = (string)rows[0][2]!;
            var onDelete = (string)rows[0][6]! is var action && action == "NO ACTION" ? null : action;
            var declaredName = declared?.ForeignKeys.FirstOrDefault(f => f.Columns.SequenceEqual(columns, comparer) && comparer.Equals(f.RefTable, refTable))?.Name;
            result.Add(new ForeignKey(declaredName ?? DefaultName(table, columns, "fkey"), columns, refTable, refColumns, onDelete, false));
        }

        return result.ToImmutable();
    }

    private static TableIndex ReadIndex(string table, string name, bool unique, IReadOnlyList<(string? Name, bool Descending)> keys, string? sql)
    {
        var statement = sql is null ? null : SqlParser.Parse(name, sql, SqlDialect.Sqlite).Statements.OfType<CreateIndexStatement>().FirstOrDefault();
        var columns = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < keys.Count; i++)
        {
            var (column, descending) = keys[i];
            if (column is null)
            {
                // An expression key: only the stored CREATE INDEX text says what it is.
                columns.Add(statement is not null && i < statement.Elements.Length ? statement.Elements[i].Text : "?");
            }
            else
            {
                columns.Add(descending ? column + " DESC" : column);
            }
        }

        return new TableIndex(name, table, columns.ToImmutable(), unique, null, statement?.Where, []);
    }

    private static List<(string? Name, bool Descending)> IndexKeys(SqliteConnection connection, string index)
    {
        var quoted = "\"" + index.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        // index_xinfo rows: (seqno, cid, name, desc, coll, key); key = 0 marks the rowid and other auxiliary columns.
        return [.. Query(connection, $"PRAGMA index_xinfo({quoted})")
            .Where(r => (long)r[5]! != 0)
            .OrderBy(r => (long)r[0]!)
            .Select(r => (r[2] as string, (long)r[3]! != 0))];
    }

    /// <summary>The table as its stored CREATE TABLE text declares it (names, checks, AUTOINCREMENT), or null when unreadable.</summary>
    private static SchemaTable? Declared(string sql, string name)
    {
        var parsed = SqlParser.Parse(name, sql, SqlDialect.Sqlite);
        if (parsed.Statements.OfType<CreateTableStatement>().FirstOrDefault() is not { } create)
        {
            return null;
        }

        var replayer = new SchemaReplayer(SqlDialect.Sqlite);
        var schema = replayer.Apply(Schema.Empty, create, name);
        return schema.Tables.Values.FirstOrDefault();
    }

    /// <summary>Declared types as the replayer spells them for SQLite: lower-case name, arguments without spaces.</summary>
    internal static string NormalizeType(string declared)
    {
        var text = declared.Trim();
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return string.Join(" ", text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        }

        var typeName = string.Join(" ", text[..open].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        return typeName + text[open..].Replace(" ", "", StringComparison.Ordinal);
    }

    private static string DefaultName(string table, IEnumerable<string> columns, string suffix)
    {
        var joined = string.Join("_", columns);
        return joined.Length == 0 ? table + "_" + suffix : table + "_" + joined + "_" + suffix;
    }

    private static List<object?[]> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
