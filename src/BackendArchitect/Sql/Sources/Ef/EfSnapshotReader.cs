using System.Text;
using BackendArchitect.Model;
using BackendArchitect.Sql.Replay;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Sql.Sources.Ef;

/// <summary>
/// Reads an EF Core model snapshot (modelBuilder.Entity("Ns.Order", b => { ... })) into a Schema: entities
/// become CREATE TABLE statements (derived TPH types add their columns to the base type's table), keys,
/// indexes and relationships become constraints, and the DDL is replayed so types normalize exactly like
/// the migrations' own.
/// </summary>
public static class EfSnapshotReader
{
    public static Schema Read(string file, string text, SqlDialect dialect, ICollection<Diagnostic> diagnostics)
    {
        var root = CSharpSyntaxTree.ParseText(text, path: file).GetCompilationUnitRoot();
        var entities = new Dictionary<string, Entity>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Entity" }
                || invocation.ArgumentList.Arguments.Count != 2
                || EfCall.Literal(invocation.ArgumentList.Arguments[0].Expression) is not { } entityName
                || invocation.ArgumentList.Arguments[1].Expression is not LambdaExpressionSyntax { Body: BlockSyntax body } lambda)
            {
                continue;
            }

            if (!entities.TryGetValue(entityName, out var entity))
            {
                entity = new Entity(entityName);
                entities[entityName] = entity;
                order.Add(entityName);
            }

            var builder = lambda is SimpleLambdaExpressionSyntax simple ? simple.Parameter.Identifier.ValueText
                : lambda is ParenthesizedLambdaExpressionSyntax p ? p.ParameterList.Parameters.FirstOrDefault()?.Identifier.ValueText ?? "b" : "b";
            foreach (var statement in body.Statements.OfType<ExpressionStatementSyntax>())
            {
                ReadChain(statement.Expression, builder, entity);
            }
        }

        foreach (var name in order.ToArray())
        {
            foreach (var separate in FlattenOwned(entities[name], entities[name], ""))
            {
                entities[separate.Name] = separate;
                order.Add(separate.Name);
            }
        }

        var defaultSchema = DefaultSchema(root);
        var writer = new EfSqlWriter(dialect);
        var maxLength = MaxIdentifierLength(root);
        var sql = new StringBuilder();
        foreach (var name in order)
        {
            var entity = entities[name];
            if (entity.Excluded || entity.BaseType is not null)
            {
                continue;
            }

            var columns = new List<Property>(entity.Properties);
            foreach (var derived in entities.Values.Where(e => e.BaseType == name))
            {
                // Columns of derived types share the base table and must be nullable there.
                columns.AddRange(derived.Properties.Where(p => columns.All(c => c.Column != p.Column)).Select(p => p with { Nullable = true }));
            }

            var table = entity.Table ?? name[(name.LastIndexOf('.') + 1)..];
            string Qualified(string tableName, string? schema) => (schema ?? defaultSchema) is { } s ? writer.Q(s) + "." + writer.Q(tableName) : writer.Q(tableName);
            var qualified = Qualified(table, entity.Schema);
            var lines = columns.Select(c => $"{writer.Q(c.Column)} {c.Type ?? "text"}{(c.Nullable ? " NULL" : " NOT NULL")}").ToList();
            if (entity.Key.Count > 0)
            {
                lines.Add($"CONSTRAINT {writer.Q(entity.KeyName ?? "PK_" + table)} PRIMARY KEY ({string.Join(", ", entity.Key.Select(k => writer.Q(ColumnOf(entity, k))))})");
            }

            foreach (var fk in entities.Values.Where(e => e == entity || e.BaseType == name).SelectMany(e => e.ForeignKeys))
            {
                var principal = entities.GetValueOrDefault(fk.Principal);
                var principalTable = principal?.Table ?? fk.Principal[(fk.Principal.LastIndexOf('.') + 1)..];
                lines.Add($"CONSTRAINT {writer.Q(fk.Name ?? "FK_" + table)} FOREIGN KEY ({string.Join(", ", fk.Columns.Select(c => writer.Q(ColumnOf(entity, c))))}) REFERENCES {Qualified(principalTable, principal?.Schema)}");
            }

            sql.Append($"CREATE TABLE {qualified} (\n    {string.Join(",\n    ", lines)}\n);\n");
            foreach (var index in entities.Values.Where(e => e == entity || e.BaseType == name).SelectMany(e => e.Indexes).Distinct())
            {
                var unique = index.Unique ? "UNIQUE " : "";
                sql.Append($"CREATE {unique}INDEX {writer.Q(index.Name ?? Truncate("IX_" + table + "_" + string.Join("_", index.Columns.Select(c => ColumnOf(entity, c))), maxLength))} ON {qualified} ({string.Join(", ", index.Columns.Select(c => writer.Q(ColumnOf(entity, c))))});\n");
            }
        }

        var parsed = dialect == SqlDialect.SqlServer ? TSql.TSqlReader.Parse(file, sql.ToString().Replace(";\n", "\nGO\n", StringComparison.Ordinal)) : SqlParser.Parse(file, sql.ToString(), dialect);
        foreach (var d in parsed.Diagnostics)
        {
            diagnostics.Add(d with { Line = 1, Message = "model snapshot: " + d.Message });
        }

        var replayer = new SchemaReplayer(dialect);
        foreach (var step in replayer.Replay([new Migration("snapshot", file, parsed.Statements)]))
        {
            _ = step;
        }

        return replayer.Schema;
    }

    /// <summary>
    /// Owned types (OwnsOne/OwnsMany): one stored in its owner's table (table splitting) adds its columns
    /// there, named {Navigation}_{Property} unless HasColumnName says otherwise, and its key (the owner's
    /// key) adds none; one with a table of its own becomes an entity of its own with a foreign key to the owner.
    /// </summary>
    private static IEnumerable<Entity> FlattenOwned(Entity owner, Entity tableOwner, string prefix)
    {
        foreach (var owned in owner.Owned)
        {
            var sharesTable = owned.Table is null || (owned.Table == tableOwner.Table && owned.Schema == tableOwner.Schema);
            if (sharesTable)
            {
                // An owned type sharing its owner's row is optional unless the owner's navigation to it is
                // required, so EF makes all its columns nullable then.
                var columnPrefix = prefix + owned.Navigation + "_";
                var required = owner.RequiredNavigations.Contains(owned.Navigation);
                tableOwner.Properties.AddRange(owned.Properties
                    .Where(p => !owned.Key.Contains(p.Name) && tableOwner.Properties.All(c => c.Name != columnPrefix + p.Name))
                    .Select(p => p with { Name = columnPrefix + p.Name, Column = p.Column == p.Name ? columnPrefix + p.Name : p.Column, Nullable = p.Nullable || !required }));
                foreach (var nested in FlattenOwned(owned, tableOwner, columnPrefix))
                {
                    yield return nested;
                }
            }
            else
            {
                owned.ForeignKeys.Add(new ForeignKeyRef(tableOwner.Name, owned.OwnerKey, null));
                yield return owned;
                foreach (var nested in FlattenOwned(owned, owned, ""))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>The modelBuilder.HasDefaultSchema("x") of the snapshot: the schema of every table that names none.</summary>
    private static string? DefaultSchema(CompilationUnitSyntax root) =>
        root.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "HasDefaultSchema" } && i.ArgumentList.Arguments.Count == 1)
            .Select(i => EfCall.Literal(i.ArgumentList.Arguments[0].Expression))
            .FirstOrDefault(s => s is not null);

    /// <summary>EF cuts default names longer than the provider's limit to limit - 1 characters and a '~'.</summary>
    private static string Truncate(string name, int? maxLength) =>
        maxLength is { } max && name.Length > max ? name[..(max - 1)] + "~" : name;

    /// <summary>The "Relational:MaxIdentifierLength" annotation of the model, when the snapshot has one.</summary>
    private static int? MaxIdentifierLength(CompilationUnitSyntax root)
    {
        foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "HasAnnotation" }
                && invocation.ArgumentList.Arguments.Count == 2
                && EfCall.Literal(invocation.ArgumentList.Arguments[0].Expression) == "Relational:MaxIdentifierLength"
                && int.TryParse(invocation.ArgumentList.Arguments[1].Expression.ToString(), out var max))
            {
                return max;
            }
        }

        return null;
    }

    private static string ColumnOf(Entity entity, string property) =>
        entity.Properties.FirstOrDefault(p => p.Name == property)?.Column ?? property;

    /// <summary>Reads one statement such as b.Property&lt;int&gt;("Id").HasColumnType("integer").IsRequired().</summary>
    private static void ReadChain(ExpressionSyntax expression, string builder, Entity entity)
    {
        var calls = new List<(string Name, InvocationExpressionSyntax Invocation)>();
        var current = expression;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation)
        {
            calls.Insert(0, (member.Name.Identifier.ValueText, invocation));
            current = member.Expression;
        }

        if (current is not IdentifierNameSyntax { Identifier.ValueText: var receiver } || receiver != builder || calls.Count == 0)
        {
            return;
        }

        var (head, headCall) = calls[0];
        string? Arg(InvocationExpressionSyntax i, int n) =>
            i.ArgumentList.Arguments.Count > n ? EfCall.Literal(i.ArgumentList.Arguments[n].Expression) : null;
        string? Modifier(string name) => calls.Skip(1).Where(c => c.Name == name).Select(c => Arg(c.Invocation, 0)).FirstOrDefault();
        bool Has(string name) => calls.Skip(1).Any(c => c.Name == name);
        var literals = headCall.ArgumentList.Arguments.Select(a => EfCall.Literal(a.Expression)).OfType<string>().ToList();
        switch (head)
        {
            case "Property" when literals.Count > 0:
                var clr = headCall.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax g } ? g.TypeArgumentList.Arguments[0].ToString() : "string";
                // A value type is required unless it is Nullable<T>; anything else (string, byte[], a vector or
                // geometry class) is optional unless the snapshot says IsRequired().
                var nullable = clr.EndsWith('?') || (!ValueTypes.Contains(clr.Split('.')[^1]) && !Has("IsRequired"));
                entity.Properties.Add(new Property(literals[0], Modifier("HasColumnName") ?? literals[0], Modifier("HasColumnType"), nullable));
                break;
            case "HasKey":
                entity.Key = literals;
                entity.KeyName = Modifier("HasName");
                break;
            case "HasIndex":
                entity.Indexes.Add(new Index(literals, Modifier("HasDatabaseName") ?? Modifier("HasName"), Has("IsUnique")));
                break;
            case "ToTable":
                entity.Table = literals.FirstOrDefault();
                entity.Schema = literals.Count > 1 ? literals[1] : null;
                entity.Excluded |= literals.Count == 0 || headCall.ToString().Contains("ExcludeFromMigrations", StringComparison.Ordinal);
                break;
            case "ToView" or "ToSqlQuery" or "ToFunction":
                entity.Excluded = true;
                break;
            case "OwnsOne" or "OwnsMany" when literals.Count >= 2 && headCall.ArgumentList.Arguments[^1].Expression is LambdaExpressionSyntax { Body: BlockSyntax ownedBody } ownedLambda:
                var owned = new Entity(literals[0]) { Navigation = literals[1] };
                var ownedBuilder = ownedLambda is SimpleLambdaExpressionSyntax ownedSimple ? ownedSimple.Parameter.Identifier.ValueText : "b1";
                foreach (var statement in ownedBody.Statements.OfType<ExpressionStatementSyntax>())
                {
                    ReadChain(statement.Expression, ownedBuilder, owned);
                }

                entity.Owned.Add(owned);
                break;
            case "Navigation" when literals.Count > 0 && Has("IsRequired"):
                entity.RequiredNavigations.Add(literals[0]);
                break;
            case "WithOwner":
                var ownerKey = calls.FirstOrDefault(c => c.Name == "HasForeignKey").Invocation;
                entity.OwnerKey = ownerKey is null ? [] : [.. ownerKey.ArgumentList.Arguments.Select(a => EfCall.Literal(a.Expression)).OfType<string>()];
                break;
            case "HasBaseType":
                entity.BaseType = literals.FirstOrDefault();
                break;
            case "HasOne" when literals.Count > 0:
                var foreignKey = calls.FirstOrDefault(c => c.Name == "HasForeignKey").Invocation;
                if (foreignKey is not null)
                {
                    var columns = foreignKey.ArgumentList.Arguments.Select(a => EfCall.Literal(a.Expression)).OfType<string>().ToList();
                    entity.ForeignKeys.Add(new ForeignKeyRef(literals[0], columns.Count > 1 && !columns[0].Contains('.') ? columns : columns.Where(c => !c.Contains('.')).ToList(), Modifier("HasConstraintName")));
                }

                break;
        }
    }

    private sealed class Entity(string name)
    {
        public string Name { get; } = name;

        public List<Property> Properties { get; } = [];

        public List<string> Key { get; set; } = [];

        public string? KeyName { get; set; }

        public List<Index> Indexes { get; } = [];

        public List<ForeignKeyRef> ForeignKeys { get; } = [];

        public string? Table { get; set; }

        public string? Schema { get; set; }

        public string? BaseType { get; set; }

        public bool Excluded { get; set; }

        /// <summary>The owned types configured inside this entity (or owned type).</summary>
        public List<Entity> Owned { get; } = [];

        /// <summary>For an owned type: the owner's navigation to it, the prefix of its columns in a shared table.</summary>
        public string Navigation { get; init; } = "";

        /// <summary>Navigations marked required (b.Navigation("Address").IsRequired()).</summary>
        public HashSet<string> RequiredNavigations { get; } = new(StringComparer.Ordinal);

        /// <summary>For an owned type: its properties that reference the owner (WithOwner().HasForeignKey).</summary>
        public List<string> OwnerKey { get; set; } = [];
    }

    /// <summary>CLR value types a snapshot names: required unless written as Nullable (int?).</summary>
    private static readonly HashSet<string> ValueTypes = new(StringComparer.Ordinal)
    {
        "int", "long", "short", "byte", "sbyte", "uint", "ulong", "ushort", "bool", "decimal", "double", "float", "char",
        "Int32", "Int64", "Int16", "Byte", "SByte", "UInt32", "UInt64", "UInt16", "Boolean", "Decimal", "Double", "Single", "Char",
        "Guid", "DateTime", "DateTimeOffset", "TimeSpan", "DateOnly", "TimeOnly", "BigInteger",
    };

    private sealed record Property(string Name, string Column, string? Type, bool Nullable);

    private sealed record Index(IReadOnlyList<string> Columns, string? Name, bool Unique);

    private sealed record ForeignKeyRef(string Principal, IReadOnlyList<string> Columns, string? Name);
}
