using System.Collections.Immutable;
using BackendArchitect.Model;
using BackendArchitect.Sql.Ast;

namespace BackendArchitect.Sql.Replay;

/// <summary>
/// Applies statements in order to an immutable <see cref="Schema"/>. <see cref="Replay"/> yields every statement
/// with the schema before it; statements about objects the schema does not hold leave it unchanged.
/// </summary>
public sealed partial class SchemaReplayer(SqlDialect dialect)
{
    private readonly List<Diagnostic> diagnostics = [];

    public SchemaNaming Naming { get; } = new(dialect);

    /// <summary>The schema after the statements replayed so far.</summary>
    public Schema Schema { get; private set; } = Schema.Empty;

    /// <summary>Statements that referred to objects the replayed schema does not have.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => diagnostics;

    /// <summary>Replays migrations in the given order; lazily, so <see cref="Schema"/> follows the enumeration.</summary>
    public IEnumerable<ReplayStep> Replay(IEnumerable<Migration> migrations)
    {
        foreach (var migration in migrations)
        {
            var created = ImmutableHashSet.Create<string>(StringComparer.Ordinal);
            foreach (var statement in migration.Statements)
            {
                var before = Schema;
                var touched = TouchedTables(statement);
                var step = new ReplayStep(migration, statement, before, touched, created, Naming);
                Schema = Apply(before, statement, migration.File);
                created = TrackCreated(created, statement, before);
                yield return step;
            }
        }
    }

    /// <summary>Replays everything and returns the final schema.</summary>
    public Schema ReplayAll(IEnumerable<Migration> migrations)
    {
        foreach (var step in Replay(migrations))
        {
            _ = step;
        }

        return Schema;
    }

    /// <summary>Keys of the tables a statement reads or changes.</summary>
    public ImmutableArray<string> TouchedTables(SqlStatement statement) => statement switch
    {
        CreateTableStatement create => [Naming.KeyOf(create.Name)],
        AlterTableStatement alter => [Naming.KeyOf(alter.Name), .. alter.Actions.OfType<RenameTableAction>().Select(a => Naming.KeyOf(a.To))],
        CreateIndexStatement index => [Naming.KeyOf(index.Table)],
        DropStatement { ObjectKind: "TABLE" } drop => [.. drop.Names.Select(Naming.KeyOf)],
        DropStatement { ObjectKind: "INDEX" } drop => [.. drop.Names.Select(n => drop.OnTable is { } table ? Naming.KeyOf(table) : TableOfIndex(Schema, n.Name)).OfType<string>().Distinct()],
        RenameIndexStatement renameIndex => TableOfIndex(Schema, renameIndex.Name.Name) is { } indexTable ? [indexTable] : [],
        RenameTableStatement rename => [.. rename.Renames.SelectMany(r => new[] { Naming.KeyOf(r.From), Naming.KeyOf(r.To) })],
        _ => [],
    };

    private ImmutableHashSet<string> TrackCreated(ImmutableHashSet<string> created, SqlStatement statement, Schema before)
    {
        switch (statement)
        {
            case CreateTableStatement create when !(create.IfNotExists && before.Tables.ContainsKey(Naming.KeyOf(create.Name))):
                return created.Add(Naming.KeyOf(create.Name));
            case AlterTableStatement alter:
                foreach (var rename in alter.Actions.OfType<RenameTableAction>())
                {
                    created = Renamed(created, Naming.KeyOf(alter.Name), Naming.KeyOf(rename.To));
                }

                return created;
            case RenameTableStatement rename:
                foreach (var (from, to) in rename.Renames)
                {
                    created = Renamed(created, Naming.KeyOf(from), Naming.KeyOf(to));
                }

                return created;
            case DropStatement { ObjectKind: "TABLE" } drop:
                return created.Except(drop.Names.Select(Naming.KeyOf));
            default:
                return created;
        }
    }

    private static ImmutableHashSet<string> Renamed(ImmutableHashSet<string> created, string from, string to) =>
        created.Contains(from) ? created.Remove(from).Add(to) : created;

    /// <summary>The schema after one statement.</summary>
    public Schema Apply(Schema schema, SqlStatement statement, string file)
    {
        switch (statement)
        {
            case CreateTableStatement create:
                return CreateTable(schema, create, file);
            case AlterTableStatement alter:
                return AlterTable(schema, alter, file);
            case CreateIndexStatement index:
                return CreateIndex(schema, index, file);
            case DropStatement drop:
                return Drop(schema, drop);
            case RenameTableStatement rename:
                foreach (var (from, to) in rename.Renames)
                {
                    schema = RenameTable(schema, Naming.KeyOf(from), to, statement, file);
                }

                return schema;
            case RenameIndexStatement renameIndex when TableOfIndex(schema, renameIndex.Name.Name) is { } indexTable:
                return schema with { Tables = schema.Tables.SetItem(indexTable, RenameConstraint(schema.Tables[indexTable], renameIndex.Name.Name, renameIndex.To)) };
            case CreateEnumStatement createEnum:
                return schema with { Enums = schema.Enums.SetItem(Naming.KeyOf(createEnum.Name), new EnumType(Naming.DisplayName(createEnum.Name), createEnum.Values)) };
            case AlterEnumAddValueStatement addValue:
                return AddEnumValue(schema, addValue);
            case AlterEnumRenameValueStatement renameValue
                when schema.Enums.TryGetValue(Naming.KeyOf(renameValue.Name), out var renamedEnum):
                return schema with
                {
                    Enums = schema.Enums.SetItem(
                        Naming.KeyOf(renameValue.Name),
                        renamedEnum with { Values = [.. renamedEnum.Values.Select(v => v == renameValue.From ? renameValue.To : v)] }),
                };
            case CreateSequenceStatement sequence:
                return schema with { Sequences = schema.Sequences.SetItem(Naming.KeyOf(sequence.Name), new Sequence(Naming.DisplayName(sequence.Name))) };
            case CreateViewStatement view:
                return schema with { Views = schema.Views.SetItem(Naming.KeyOf(view.Name), new View(Naming.DisplayName(view.Name), view.Materialized)) };
            default:
                return schema;
        }
    }

    private Schema AddEnumValue(Schema schema, AlterEnumAddValueStatement statement)
    {
        var key = Naming.KeyOf(statement.Name);
        if (!schema.Enums.TryGetValue(key, out var type) || type.Values.Contains(statement.Value))
        {
            return schema;
        }

        var anchor = statement.Before ?? statement.After;
        var index = anchor is null ? -1 : type.Values.IndexOf(anchor);
        var values = index < 0
            ? type.Values.Add(statement.Value)
            : type.Values.Insert(statement.Before is not null ? index : index + 1, statement.Value);
        return schema with { Enums = schema.Enums.SetItem(key, type with { Values = values }) };
    }

    private Schema Drop(Schema schema, DropStatement drop)
    {
        foreach (var name in drop.Names)
        {
            var key = Naming.KeyOf(name);
            schema = drop.ObjectKind switch
            {
                "TABLE" => DropTable(schema, key, drop.Cascade),
                "TYPE" => schema with { Enums = schema.Enums.Remove(key) },
                "VIEW" or "MATERIALIZED VIEW" => schema with { Views = schema.Views.Remove(key) },
                "SEQUENCE" => schema with { Sequences = schema.Sequences.Remove(key) },
                "INDEX" => DropIndex(schema, drop.OnTable is { } table ? Naming.KeyOf(table) : TableOfIndex(schema, name.Name), name.Name),
                _ => schema,
            };
        }

        return schema;
    }

    /// <summary>
    /// Drops a table; with CASCADE the foreign keys pointing at it go too. Without CASCADE they stay, which is
    /// what SQLite's rebuild recipe (drop, then rename the copy into place) relies on.
    /// </summary>
    private Schema DropTable(Schema schema, string key, bool cascade)
    {
        var tables = schema.Tables.Remove(key);
        if (cascade)
        {
            foreach (var (otherKey, other) in tables)
            {
                if (other.ForeignKeys.Any(f => Naming.KeyOf(f.RefTable) == key))
                {
                    tables = tables.SetItem(otherKey, other with { ForeignKeys = other.ForeignKeys.RemoveAll(f => Naming.KeyOf(f.RefTable) == key) });
                }
            }
        }

        return schema with { Tables = tables };
    }

    private Schema DropIndex(Schema schema, string? tableKey, string indexName)
    {
        if (tableKey is null || !schema.Tables.TryGetValue(tableKey, out var table))
        {
            return schema;
        }

        var updated = table with
        {
            Indexes = table.Indexes.RemoveAll(i => Naming.ColumnComparer.Equals(i.Name, indexName)),
            Uniques = table.Uniques.RemoveAll(u => Naming.ColumnComparer.Equals(u.Name, indexName)),
        };
        return schema with { Tables = schema.Tables.SetItem(tableKey, updated) };
    }

    private string? TableOfIndex(Schema schema, string indexName)
    {
        foreach (var (key, table) in schema.Tables)
        {
            if (table.Indexes.Any(i => Naming.ColumnComparer.Equals(i.Name, indexName))
                || table.Uniques.Any(u => Naming.ColumnComparer.Equals(u.Name, indexName)))
            {
                return key;
            }
        }

        return null;
    }

    private Schema CreateIndex(Schema schema, CreateIndexStatement statement, string file)
    {
        var key = Naming.KeyOf(statement.Table);
        if (!schema.Tables.TryGetValue(key, out var table))
        {
            Missing(file, statement, "CREATE INDEX", statement.Table);
            return schema;
        }

        var name = statement.Name ?? DefaultName(table.Name, statement.Elements.Select(e => e.Column ?? "expr"), "idx");
        if (table.Indexes.Any(i => Naming.ColumnComparer.Equals(i.Name, name)))
        {
            return schema;
        }

        var index = new TableIndex(
            name,
            table.Name,
            [.. statement.Elements.Select(e => e.Column is null ? e.Text : e.Descending ? e.Column + " DESC" : e.Column)],
            statement.Unique,
            statement.Method,
            statement.Where,
            statement.Include,
            new SourceLocation(file, statement.Line));
        return schema with { Tables = schema.Tables.SetItem(key, table with { Indexes = table.Indexes.Add(index) }) };
    }

    private void Missing(string file, SqlStatement statement, string what, QualifiedName table) =>
        diagnostics.Add(new Diagnostic(file, statement.Line, what + ": table " + Naming.DisplayName(table) + " is not in the replayed schema", DiagnosticSeverity.Info));

    /// <summary>PostgreSQL's generated constraint and index names; other dialects get the same shape for lookups.</summary>
    private static string DefaultName(string table, IEnumerable<string> columns, string suffix)
    {
        var bare = table[(table.LastIndexOf('.') + 1)..];
        var joined = string.Join("_", columns);
        return joined.Length == 0 ? bare + "_" + suffix : bare + "_" + joined + "_" + suffix;
    }
}
