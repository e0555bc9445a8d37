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
            var qualified = entity.Schema is null ? writer.Q(table) : writer.Q(entity.Schema) + "." + writer.Q(table);
            var lines = columns.Select(c => $"{writer.Q(c.Column)} {c.Type ?? "text"}{(c.Nullable ? " NULL" : " NOT NULL")}").ToList();
            if (entity.Key.Count > 0)
            {
                lines.Add($"CONSTRAINT {writer.Q(entity.KeyName ?? "PK_" + table)} PRIMARY KEY ({string.Join(", ", entity.Key.Select(k => writer.Q(ColumnOf(entity, k))))})");
            }

            foreach (var fk in entities.Values.Where(e => e == entity || e.BaseType == name).SelectMany(e => e.ForeignKeys))
            {
                var principal = entities.GetValueOrDefault(fk.Principal);
                var principalTable = principal?.Table ?? fk.Principal[(fk.Principal.LastIndexOf('.') + 1)..];
                lines.Add($"CONSTRAINT {writer.Q(fk.Name ?? "FK_" + table)} FOREIGN KEY ({string.Join(", ", fk.Columns.Select(c => writer.Q(ColumnOf(entity, c))))}) REFERENCES {writer.Q(principalTable)}");
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
                var referenceType = clr is "string" or "byte[]" or "String" or "Byte[]";
                var nullable = clr.EndsWith('?') || (referenceType && !Has("IsRequired"));
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
    }

    private sealed record Property(string Name, string Column, string? Type, bool Nullable);

    private sealed record Index(IReadOnlyList<string> Columns, string? Name, bool Unique);

    private sealed record ForeignKeyRef(string Principal, IReadOnlyList<string> Columns, string? Name);
}
