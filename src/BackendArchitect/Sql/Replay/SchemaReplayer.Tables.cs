using System.Collections.Immutable;
using BackendArchitect.Model;
using BackendArchitect.Sql.Ast;

namespace BackendArchitect.Sql.Replay;

public sealed partial class SchemaReplayer
{
    private Schema CreateTable(Schema schema, CreateTableStatement statement, string file)
    {
        var key = Naming.KeyOf(statement.Name);
        if (statement.IfNotExists && schema.Tables.ContainsKey(key))
        {
            return schema;
        }

        var name = Naming.DisplayName(statement.Name);
        var origin = new SourceLocation(file, statement.Line);
        var table = new SchemaTable(name, [], null, [], [], [], [], origin);
        if (statement.Like is { } like && schema.Tables.TryGetValue(Naming.KeyOf(like), out var source))
        {
            // The copied columns are defined by this statement, so findings about them point here.
            table = table with { Columns = [.. source.Columns.Select(c => c with { Origin = origin, TypeOrigin = origin, NullabilityOrigin = origin })], PrimaryKey = source.PrimaryKey, Checks = source.Checks };
        }

        foreach (var column in statement.Columns)
        {
            (table, schema) = AddColumn(table, schema, column, file);
        }

        foreach (var constraint in statement.Constraints)
        {
            table = AddConstraint(table, constraint, file);
        }

        return schema with { Tables = schema.Tables.SetItem(key, table) };
    }

    private (SchemaTable Table, Schema Schema) AddColumn(SchemaTable table, Schema schema, ColumnDefinition definition, string file)
    {
        var column = ToColumn(table, definition, file);
        if (definition.Type is { } type && Naming.Dialect == SqlDialect.PostgreSql && TypeNormalizer.IsSerial(type))
        {
            var sequence = SerialSequence(table, definition.Name);
            schema = schema with { Sequences = schema.Sequences.SetItem(Naming.KeyOf(sequence), new Sequence(sequence)) };
        }

        var existing = IndexOfColumn(table, column.Name);
        table = table with { Columns = existing >= 0 ? table.Columns.SetItem(existing, column) : table.Columns.Add(column) };
        return (ApplyInlineConstraints(table, definition, file), schema);
    }

    private int IndexOfColumn(SchemaTable table, string name)
    {
        for (var i = 0; i < table.Columns.Length; i++)
        {
            if (Naming.ColumnComparer.Equals(table.Columns[i].Name, name))
            {
                return i;
            }
        }

        return -1;
    }

    private static string SerialSequence(SchemaTable table, string column) => table.Name + "_" + column + "_seq";

    private Column ToColumn(SchemaTable table, ColumnDefinition definition, string file)
    {
        var type = definition.Type is null ? "" : TypeNormalizer.Normalize(definition.Type, Naming.Dialect);
        var @default = definition.Default?.Text;
        if (definition.Type is { } dataType && Naming.Dialect == SqlDialect.PostgreSql && TypeNormalizer.IsSerial(dataType))
        {
            @default = "nextval('" + SerialSequence(table, definition.Name) + "'::regclass)";
        }

        // PostgreSQL's serial types are NOT NULL by definition, like identity columns and keys.
        var serial = definition.Type is { } serialType && Naming.Dialect == SqlDialect.PostgreSql && TypeNormalizer.IsSerial(serialType);
        var nullable = definition.NotNull != true && !definition.PrimaryKey && !serial && definition.Identity is not ("always" or "by default");
        var origin = new SourceLocation(file, definition.Line);
        return new Column(definition.Name, type, nullable, @default, definition.Identity, origin, origin, origin);
    }

    private SchemaTable ApplyInlineConstraints(SchemaTable table, ColumnDefinition definition, string file)
    {
        ImmutableArray<string> columns = [definition.Name];
        if (definition.PrimaryKey)
        {
            table = AddConstraint(table, new TableConstraint(definition.ConstraintNames.GetValueOrDefault(ConstraintKind.PrimaryKey), ConstraintKind.PrimaryKey, columns, null, null, false, definition.Line), file);
        }

        if (definition.Unique)
        {
            table = AddConstraint(table, new TableConstraint(definition.ConstraintNames.GetValueOrDefault(ConstraintKind.Unique), ConstraintKind.Unique, columns, null, null, false, definition.Line), file);
        }

        foreach (var check in definition.Checks)
        {
            table = AddConstraint(table, new TableConstraint(definition.ConstraintNames.GetValueOrDefault(ConstraintKind.Check), ConstraintKind.Check, columns, check, null, false, definition.Line), file);
        }

        if (definition.References is { } references)
        {
            table = AddConstraint(table, new TableConstraint(definition.ConstraintNames.GetValueOrDefault(ConstraintKind.ForeignKey), ConstraintKind.ForeignKey, columns, null, references, false, definition.Line), file);
        }

        return table;
    }

    /// <summary>"REFERENCES t" without columns means t's primary key; a table may reference itself.</summary>
    private ImmutableArray<string> ReferencedKey(SchemaTable table, QualifiedName referenced)
    {
        var target = Naming.KeyOf(referenced) == Naming.KeyOf(new QualifiedName(null, table.Name))
            ? table
            : Schema.Tables.GetValueOrDefault(Naming.KeyOf(referenced));
        return target?.PrimaryKey?.Columns ?? [];
    }

    private SchemaTable AddConstraint(SchemaTable table, TableConstraint constraint, string file)
    {
        var origin = new SourceLocation(file, constraint.Line);
        switch (constraint.Kind)
        {
            case ConstraintKind.PrimaryKey:
                var keyColumns = constraint.Columns;
                return table with
                {
                    PrimaryKey = new PrimaryKey(constraint.Name ?? DefaultName(table.Name, [], "pkey"), keyColumns),
                    Columns = [.. table.Columns.Select(c => c.Nullable && keyColumns.Contains(c.Name, Naming.ColumnComparer) ? c with { Nullable = false, NullabilityOrigin = origin } : c)],
                };
            case ConstraintKind.Unique:
                return table with { Uniques = table.Uniques.Add(new UniqueConstraint(constraint.Name ?? DefaultName(table.Name, constraint.Columns, "key"), constraint.Columns, origin)) };
            case ConstraintKind.Check:
                var checkName = constraint.Name ?? DefaultName(table.Name, constraint.Columns.Take(1), "check");
                return table with { Checks = table.Checks.Add(new CheckConstraint(checkName, constraint.Check ?? "", constraint.NotValid)) };
            case ConstraintKind.ForeignKey when constraint.References is { } references:
                var foreignKey = new ForeignKey(
                    constraint.Name ?? DefaultName(table.Name, constraint.Columns, "fkey"),
                    constraint.Columns,
                    Naming.DisplayName(references.Table),
                    references.Columns.IsEmpty ? ReferencedKey(table, references.Table) : references.Columns,
                    references.OnDelete,
                    constraint.NotValid,
                    origin);
                return table with { ForeignKeys = table.ForeignKeys.Add(foreignKey) };
            case ConstraintKind.Index:
                var index = new TableIndex(constraint.Name ?? DefaultName(table.Name, constraint.Columns, "idx"), table.Name, constraint.Columns, false, null, null, [], origin);
                return table with { Indexes = table.Indexes.Add(index) };
            default:
                return table;
        }
    }

    private Schema AlterTable(Schema schema, AlterTableStatement statement, string file)
    {
        var key = Naming.KeyOf(statement.Name);
        if (!schema.Tables.TryGetValue(key, out var table))
        {
            if (!statement.IfExists)
            {
                Missing(file, statement, "ALTER TABLE", statement.Name);
            }

            return schema;
        }

        foreach (var action in statement.Actions)
        {
            if (action is RenameTableAction rename)
            {
                schema = schema with { Tables = schema.Tables.SetItem(key, table) };
                schema = RenameTable(schema, key, rename.To, statement, file);
                key = Naming.KeyOf(rename.To);
                table = schema.Tables[key];
                continue;
            }

            (table, schema) = ApplyAction(table, schema, action, file);
        }

        return schema with { Tables = schema.Tables.SetItem(key, table) };
    }

    private (SchemaTable, Schema) ApplyAction(SchemaTable table, Schema schema, AlterTableAction action, string file)
    {
        var comparer = Naming.ColumnComparer;
        var origin = new SourceLocation(file, action.Line);
        switch (action)
        {
            case AddColumnAction add when add.IfNotExists && table.FindColumn(add.Column.Name, comparer) is not null:
                return (table, schema);
            case AddColumnAction add:
                var (added, schemaAfterAdd) = AddColumn(table, schema, add.Column, file);
                return (MoveColumn(added, add.Column.Name, add.Position), schemaAfterAdd);
            case DropColumnAction drop:
                return (DropColumn(table, drop.Column), schema);
            case AlterColumnTypeAction alterType:
                return (UpdateColumn(table, alterType.Column, c => c with { Type = TypeNormalizer.Normalize(alterType.Type, Naming.Dialect), TypeOrigin = origin }), schema);
            case AlterColumnNullabilityAction nullability:
                return (UpdateColumn(table, nullability.Column, c => c with { Nullable = !nullability.NotNull, NullabilityOrigin = origin }), schema);
            case AlterColumnDefaultAction defaultAction:
                return (UpdateColumn(table, defaultAction.Column, c => c with { Default = defaultAction.Default?.Text }), schema);
            case ModifyColumnAction modify:
                var renamed = modify.OldName is null ? table : RenameColumn(table, modify.OldName, modify.Column.Name, origin);
                var previous = renamed.FindColumn(modify.Column.Name, comparer);
                var (modified, schemaAfterModify) = AddColumn(renamed, schema, modify.Column, file);
                return (MoveColumn(KeepUnchangedOrigins(modified, previous), modify.Column.Name, modify.Position), schemaAfterModify);
            case AddConstraintAction addConstraint:
                return (AddConstraint(table, addConstraint.Constraint, file), schema);
            case ValidateConstraintAction validate:
                return (table with
                {
                    ForeignKeys = [.. table.ForeignKeys.Select(f => comparer.Equals(f.Name, validate.Name) ? f with { NotValid = false } : f)],
                    Checks = [.. table.Checks.Select(c => comparer.Equals(c.Name, validate.Name) ? c with { NotValid = false } : c)],
                }, schema);
            case DropConstraintAction dropConstraint:
                return (DropConstraint(table, dropConstraint), schema);
            case RenameColumnAction renameColumn:
                return (RenameColumn(table, renameColumn.From, renameColumn.To, origin), schema);
            case RenameConstraintAction renameConstraint:
                return (RenameConstraint(table, renameConstraint.From, renameConstraint.To), schema);
            case RenameIndexAction renameIndex:
                return (RenameConstraint(table, renameIndex.From, renameIndex.To), schema);
            default:
                return (table, schema);
        }
    }

    /// <summary>
    /// MySQL's MODIFY/CHANGE restates the whole column; a property it restates unchanged keeps the origin of the
    /// statement that really set it, so MODIFY ... NOT NULL does not move a finding about the type. The column keeps
    /// the name it was created under.
    /// </summary>
    private SchemaTable KeepUnchangedOrigins(SchemaTable table, Column? previous)
    {
        if (previous is null)
        {
            return table;
        }

        return UpdateColumn(table, previous.Name, c => c with
        {
            TypeOrigin = c.Type == previous.Type ? previous.TypeOrigin : c.TypeOrigin,
            NullabilityOrigin = c.Nullable == previous.Nullable ? previous.NullabilityOrigin : c.NullabilityOrigin,
            CreatedAs = previous.CreatedAs,
        });
    }

    /// <summary>Applies MySQL's FIRST / AFTER col placement.</summary>
    private SchemaTable MoveColumn(SchemaTable table, string name, string? position)
    {
        var from = IndexOfColumn(table, name);
        if (position is null || from < 0)
        {
            return table;
        }

        var column = table.Columns[from];
        var columns = table.Columns.RemoveAt(from);
        if (position == "FIRST")
        {
            return table with { Columns = columns.Insert(0, column) };
        }

        var anchor = IndexOfColumn(table with { Columns = columns }, position["AFTER ".Length..]);
        return anchor < 0 ? table : table with { Columns = columns.Insert(anchor + 1, column) };
    }

    private SchemaTable UpdateColumn(SchemaTable table, string name, Func<Column, Column> update)
    {
        var index = IndexOfColumn(table, name);
        return index < 0 ? table : table with { Columns = table.Columns.SetItem(index, update(table.Columns[index])) };
    }

    /// <summary>Drops a column and, as the databases do, the indexes and constraints that use it.</summary>
    private SchemaTable DropColumn(SchemaTable table, string name)
    {
        var comparer = Naming.ColumnComparer;
        bool Uses(ImmutableArray<string> columns) => columns.Any(c => comparer.Equals(c, name) || comparer.Equals(c, name + " DESC"));
        return table with
        {
            Columns = table.Columns.RemoveAll(c => comparer.Equals(c.Name, name)),
            PrimaryKey = table.PrimaryKey is { } key && Uses(key.Columns) ? null : table.PrimaryKey,
            Uniques = table.Uniques.RemoveAll(u => Uses(u.Columns)),
            ForeignKeys = table.ForeignKeys.RemoveAll(f => Uses(f.Columns)),
            Indexes = table.Indexes.RemoveAll(i => Uses(i.Columns)),
        };
    }

    private SchemaTable RenameColumn(SchemaTable table, string from, string to, SourceLocation origin)
    {
        var comparer = Naming.ColumnComparer;
        ImmutableArray<string> Rename(ImmutableArray<string> columns) =>
            [.. columns.Select(c => comparer.Equals(c, from) ? to : comparer.Equals(c, from + " DESC") ? to + " DESC" : c)];
        return table with
        {
            Columns = [.. table.Columns.Select(c => comparer.Equals(c.Name, from) ? Renamed(c, to, origin, comparer) : c)],
            PrimaryKey = table.PrimaryKey is { } key ? key with { Columns = Rename(key.Columns) } : null,
            Uniques = [.. table.Uniques.Select(u => u with { Columns = Rename(u.Columns) })],
            ForeignKeys = [.. table.ForeignKeys.Select(f => f with { Columns = Rename(f.Columns) })],
            Indexes = [.. table.Indexes.Select(i => i with { Columns = Rename(i.Columns), Include = Rename(i.Include) })],
        };
    }

    private static Column Renamed(Column column, string to, SourceLocation origin, StringComparer comparer)
    {
        var createdAs = column.CreatedAs ?? column.Name;
        return column with { Name = to, Origin = origin, CreatedAs = comparer.Equals(createdAs, to) ? null : createdAs };
    }

    private SchemaTable RenameConstraint(SchemaTable table, string from, string to)
    {
        var comparer = Naming.ColumnComparer;
        string? Rename(string? name) => comparer.Equals(name, from) ? to : name;
        return table with
        {
            PrimaryKey = table.PrimaryKey is { } key ? key with { Name = Rename(key.Name) } : null,
            Uniques = [.. table.Uniques.Select(u => u with { Name = Rename(u.Name) })],
            Checks = [.. table.Checks.Select(c => c with { Name = Rename(c.Name) })],
            ForeignKeys = [.. table.ForeignKeys.Select(f => f with { Name = Rename(f.Name) })],
            Indexes = [.. table.Indexes.Select(i => i with { Name = Rename(i.Name) })],
        };
    }

    private SchemaTable DropConstraint(SchemaTable table, DropConstraintAction drop)
    {
        if (drop.Kind == ConstraintKind.PrimaryKey)
        {
            return table with { PrimaryKey = null };
        }

        var comparer = Naming.ColumnComparer;
        return table with
        {
            PrimaryKey = table.PrimaryKey is { } key && comparer.Equals(key.Name, drop.Name) ? null : table.PrimaryKey,
            Uniques = table.Uniques.RemoveAll(u => comparer.Equals(u.Name, drop.Name)),
            Checks = table.Checks.RemoveAll(c => comparer.Equals(c.Name, drop.Name)),
            ForeignKeys = table.ForeignKeys.RemoveAll(f => comparer.Equals(f.Name, drop.Name)),
            Indexes = table.Indexes.RemoveAll(i => comparer.Equals(i.Name, drop.Name)),
        };
    }

    private Schema RenameTable(Schema schema, string fromKey, QualifiedName to, SqlStatement statement, string file)
    {
        if (!schema.Tables.TryGetValue(fromKey, out var table))
        {
            Missing(file, statement, "RENAME TABLE", new QualifiedName(null, fromKey));
            return schema;
        }

        var newName = Naming.DisplayName(to);
        var createdAs = table.CreatedAs ?? table.Name;
        var renamed = table with
        {
            Name = newName,
            CreatedAs = Naming.KeyOf(to) == Naming.KeyOf(createdAs) ? null : createdAs,
            Indexes = [.. table.Indexes.Select(i => i with { Table = newName })],
        };
        var tables = schema.Tables.Remove(fromKey).SetItem(Naming.KeyOf(to), renamed);
        foreach (var (key, other) in tables)
        {
            if (other.ForeignKeys.Any(f => Naming.KeyOf(f.RefTable) == fromKey))
            {
                tables = tables.SetItem(key, other with
                {
                    ForeignKeys = [.. other.ForeignKeys.Select(f => Naming.KeyOf(f.RefTable) == fromKey ? f with { RefTable = newName } : f)],
                });
            }
        }

        return schema with { Tables = tables };
    }
}
