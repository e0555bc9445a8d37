using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Data;

/// <summary>
/// Reads fluent model configuration: <c>modelBuilder.Entity&lt;T&gt;(...)</c> in OnModelCreating and helpers,
/// and every method that receives an <c>EntityTypeBuilder&lt;T&gt;</c> (IEntityTypeConfiguration.Configure, extensions).
/// </summary>
internal sealed class FluentConfiguration
{
    private readonly CSharpCorpus corpus;
    private readonly IReadOnlySet<string> contextNames;

    private FluentConfiguration(CSharpCorpus corpus, IReadOnlySet<string> contextNames)
    {
        this.corpus = corpus;
        this.contextNames = contextNames;
    }

    public List<EntityConfig> Configs { get; } = [];

    /// <summary>Types excluded with <c>modelBuilder.Ignore&lt;T&gt;()</c>.</summary>
    public HashSet<string> IgnoredTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>Types made owned with <c>modelBuilder.Owned&lt;T&gt;()</c> or an OwnsOne/OwnsMany type argument.</summary>
    public HashSet<string> OwnedTypes { get; } = new(StringComparer.Ordinal);

    public static FluentConfiguration Read(CSharpCorpus corpus, IReadOnlySet<string> contextNames)
    {
        var reader = new FluentConfiguration(corpus, contextNames);
        foreach (var doc in corpus.Documents)
        {
            var text = doc.File.Text;
            if (text.Contains("Entity<", StringComparison.Ordinal)
                || text.Contains("EntityTypeBuilder", StringComparison.Ordinal)
                || text.Contains("Owned<", StringComparison.Ordinal)
                || text.Contains("Ignore<", StringComparison.Ordinal))
            {
                reader.ReadDocument(doc);
            }
        }

        return reader;
    }

    private void ReadDocument(CSharpDocument doc)
    {
        foreach (var method in doc.Root.DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            var body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
            if (body is null)
            {
                continue;
            }

            var origin = OriginOf(method, doc);
            foreach (var parameter in method.ParameterList.Parameters)
            {
                if (EntityBuilderType(parameter.Type) is { } entity)
                {
                    var config = NewConfig(entity, origin);
                    BindName(body, parameter.Identifier.ValueText, config, "");
                }
            }

            foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                ReadModelCall(invocation, origin);
            }
        }
    }

    private FluentOrigin OriginOf(MethodDeclarationSyntax method, CSharpDocument doc)
    {
        var type = SyntaxHelpers.ContainingType(method);
        if (type is null)
        {
            return new FluentOrigin(null, null, method.Identifier.ValueText, doc);
        }

        if (contextNames.Contains(type.Identifier.ValueText))
        {
            return new FluentOrigin(type.Identifier.ValueText, null, null, doc);
        }

        foreach (var baseType in type.BaseList?.Types ?? default)
        {
            if (GenericArgument(baseType.Type, "IEntityTypeConfiguration") is not null)
            {
                return new FluentOrigin(null, type.Identifier.ValueText, null, doc);
            }
        }

        return new FluentOrigin(null, null, method.Identifier.ValueText, doc);
    }

    private void ReadModelCall(InvocationExpressionSyntax invocation, FluentOrigin origin)
    {
        var name = SyntaxHelpers.InvokedName(invocation);
        var typeArgs = SyntaxHelpers.TypeArguments(invocation);
        if (typeArgs.Count != 1)
        {
            return;
        }

        var entity = Conventions.TypeName(typeArgs[0]);
        switch (name)
        {
            case "Ignore" when invocation.ArgumentList.Arguments.Count == 0:
                IgnoredTypes.Add(entity);
                return;
            case "Owned" when invocation.ArgumentList.Arguments.Count == 0:
                OwnedTypes.Add(entity);
                return;
            case "Entity":
                break;
            default:
                return;
        }

        var config = NewConfig(entity, origin);
        ReadChain(invocation, config, "");
        if (invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression is LambdaExpressionSyntax lambda && LambdaParameter(lambda) is { } p)
        {
            BindName(lambda.Body, p, config, "");
        }

        if (invocation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax variable } && variable.FirstAncestorOrSelf<BlockSyntax>() is { } block)
        {
            BindName(block, variable.Identifier.ValueText, config, "");
        }
    }

    private EntityConfig NewConfig(string entity, FluentOrigin origin)
    {
        var config = new EntityConfig(entity, origin);
        Configs.Add(config);
        return config;
    }

    /// <summary>Reads every chain that starts at a use of a builder variable inside a scope.</summary>
    private void BindName(SyntaxNode scope, string name, EntityConfig config, string prefix)
    {
        foreach (var id in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (id.Identifier.ValueText == name && id.Parent is MemberAccessExpressionSyntax m && m.Expression == id)
            {
                ReadChain(id, config, prefix);
            }
        }
    }

    /// <summary>The calls chained on a builder expression: <c>b.Property(x =&gt; x.A).HasMaxLength(5)</c>.</summary>
    private static List<InvocationExpressionSyntax> Chain(ExpressionSyntax start)
    {
        var calls = new List<InvocationExpressionSyntax>();
        SyntaxNode current = start;
        while (current.Parent is MemberAccessExpressionSyntax m && m.Expression == current && m.Parent is InvocationExpressionSyntax inv && inv.Expression == m)
        {
            calls.Add(inv);
            current = inv;
        }

        return calls;
    }

    private void ReadChain(ExpressionSyntax builder, EntityConfig config, string prefix)
    {
        var calls = Chain(builder);
        if (calls.Count == 0)
        {
            return;
        }

        var first = calls[0];
        var args = first.ArgumentList.Arguments;
        var rest = calls.Skip(1).ToList();
        switch (SyntaxHelpers.InvokedName(first))
        {
            case "ToTable" when prefix.Length == 0 && args.Count > 0:
                config.Table = corpus.Constants.Evaluate(args[0].Expression) ?? config.Table;
                break;
            case "HasKey" when prefix.Length == 0:
                config.Key = Names(args);
                break;
            case "HasNoKey" when prefix.Length == 0:
                config.Keyless = true;
                break;
            case "HasAlternateKey" when prefix.Length == 0:
                config.Indexes.Add(new EntityIndex([.. Names(args)], true, NameCall(rest, "HasName")));
                break;
            case "HasIndex" when prefix.Length == 0:
                config.Indexes.Add(new EntityIndex(
                    [.. Names(args)],
                    rest.FirstOrDefault(c => SyntaxHelpers.InvokedName(c) == "IsUnique") is { } unique && BoolArgument(unique),
                    NameCall(rest, "HasDatabaseName") ?? NameCall(rest, "HasName")));
                break;
            case "Property":
                ReadProperty(first, rest, config, prefix);
                break;
            case "Ignore":
                foreach (var n in Names(args))
                {
                    config.Ignored.Add(prefix + n);
                }

                break;
            case "OwnsOne" or "OwnsMany" or "ComplexProperty":
                ReadOwned(first, rest, config, prefix);
                break;
            case "HasOne" or "HasMany" when prefix.Length == 0:
                config.Relationships.Add(ReadRelationship(first, rest));
                break;
        }
    }

    private void ReadProperty(InvocationExpressionSyntax first, List<InvocationExpressionSyntax> rest, EntityConfig config, string prefix)
    {
        var names = Names(first.ArgumentList.Arguments);
        if (names.Count != 1)
        {
            return;
        }

        var property = config.Property(prefix + names[0]);
        if (SyntaxHelpers.TypeArguments(first) is [var shadowType] && first.ArgumentList.Arguments[0].Expression is not LambdaExpressionSyntax)
        {
            property.ShadowType = shadowType.ToString();
        }

        foreach (var call in rest)
        {
            var args = call.ArgumentList.Arguments;
            switch (SyntaxHelpers.InvokedName(call))
            {
                case "HasMaxLength" when args.Count == 1:
                    property.MaxLength = IntValue(corpus, args[0].Expression) ?? property.MaxLength;
                    break;
                case "HasColumnName" when args.Count == 1:
                    property.Column = corpus.Constants.Evaluate(args[0].Expression) ?? property.Column;
                    break;
                case "IsRequired":
                    property.Required = BoolArgument(call);
                    break;
            }
        }
    }

    private void ReadOwned(InvocationExpressionSyntax first, List<InvocationExpressionSyntax> rest, EntityConfig config, string prefix)
    {
        var args = first.ArgumentList.Arguments;
        var typeArg = SyntaxHelpers.TypeArguments(first) is [var t] ? Conventions.TypeName(t) : null;
        var navigation = args.Count > 0 ? Names([args[0]]).FirstOrDefault() : null;
        if (navigation is null)
        {
            return;
        }

        if (typeArg is not null)
        {
            OwnedTypes.Add(typeArg);
        }

        var ownedPrefix = prefix + navigation + ".";
        config.Owned[prefix + navigation] = new OwnedConfig(typeArg, SyntaxHelpers.InvokedName(first) == "OwnsMany");
        if (args.Count > 1 && args[^1].Expression is LambdaExpressionSyntax lambda && LambdaParameter(lambda) is { } p)
        {
            BindName(lambda.Body, p, config, ownedPrefix);
        }

        if (rest.Count > 0 && SyntaxHelpers.InvokedName(rest[0]) is "Property" or "Ignore" or "OwnsOne" or "OwnsMany" or "ComplexProperty")
        {
            ReadChain(first, config, ownedPrefix);
        }
    }

    private RelationshipConfig ReadRelationship(InvocationExpressionSyntax first, List<InvocationExpressionSyntax> rest)
    {
        var relationship = new RelationshipConfig
        {
            Many = SyntaxHelpers.InvokedName(first) == "HasMany",
        };
        if (SyntaxHelpers.TypeArguments(first) is [var target])
        {
            relationship.Target = Conventions.TypeName(target);
        }

        if (first.ArgumentList.Arguments.Count > 0)
        {
            var arg = first.ArgumentList.Arguments[0].Expression;
            if (arg is TypeOfExpressionSyntax typeOf)
            {
                relationship.Target = Conventions.TypeName(typeOf.Type);
            }
            else
            {
                relationship.Navigation = Names([first.ArgumentList.Arguments[0]]).FirstOrDefault();
            }
        }

        foreach (var call in rest)
        {
            var args = call.ArgumentList.Arguments;
            switch (SyntaxHelpers.InvokedName(call))
            {
                case "WithOne" or "WithMany":
                    relationship.InverseMany = SyntaxHelpers.InvokedName(call) == "WithMany";
                    relationship.Inverse = args.Count > 0 ? Names([args[0]]).FirstOrDefault() : null;
                    break;
                case "HasForeignKey":
                    relationship.ForeignKey.Clear();
                    relationship.ForeignKey.AddRange(Names(args));
                    if (SyntaxHelpers.TypeArguments(call) is [var dependent])
                    {
                        relationship.ForeignKeyOn = Conventions.TypeName(dependent);
                    }

                    break;
                case "IsRequired":
                    relationship.Required = BoolArgument(call);
                    break;
                case "OnDelete" when args.Count == 1:
                    relationship.DeleteBehavior = args[0].Expression is MemberAccessExpressionSyntax m ? m.Name.Identifier.ValueText : args[0].Expression.ToString();
                    break;
            }
        }

        return relationship;
    }

    /// <summary>Property names from selector lambdas, string literals, nameof and constants.</summary>
    private IReadOnlyList<string> Names(IEnumerable<ArgumentSyntax> args)
    {
        var names = new List<string>();
        foreach (var arg in args)
        {
            if (arg.Expression is LambdaExpressionSyntax)
            {
                names.AddRange(Conventions.SelectorNames(arg.Expression));
            }
            else if (arg.Expression is ImplicitArrayCreationExpressionSyntax or ArrayCreationExpressionSyntax or CollectionExpressionSyntax)
            {
                foreach (var element in arg.Expression.DescendantNodes().OfType<ExpressionSyntax>().Where(e => e.Parent is InitializerExpressionSyntax or ExpressionElementSyntax))
                {
                    AddEvaluated(names, element);
                }
            }
            else if (arg.NameColon is null)
            {
                AddEvaluated(names, arg.Expression);
            }
        }

        return names;
    }

    private void AddEvaluated(List<string> names, ExpressionSyntax expression)
    {
        if (corpus.Constants.Evaluate(expression) is { Length: > 0 } value)
        {
            names.Add(value);
        }
    }

    private string? NameCall(List<InvocationExpressionSyntax> calls, string method) =>
        calls.FirstOrDefault(c => SyntaxHelpers.InvokedName(c) == method) is { ArgumentList.Arguments: [var arg] } ? corpus.Constants.Evaluate(arg.Expression) : null;

    private static bool BoolArgument(InvocationExpressionSyntax call) =>
        call.ArgumentList.Arguments.Count == 0 || !call.ArgumentList.Arguments[0].Expression.IsKind(SyntaxKind.FalseLiteralExpression);

    /// <summary>An int from a literal or a constant found across files (HasMaxLength(Limits.Name)).</summary>
    public static int? IntValue(CSharpCorpus corpus, ExpressionSyntax expression) =>
        int.TryParse(corpus.Constants.Evaluate(expression), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? LambdaParameter(LambdaExpressionSyntax lambda) => lambda switch
    {
        SimpleLambdaExpressionSyntax s => s.Parameter.Identifier.ValueText,
        ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters: [var p] } => p.Identifier.ValueText,
        _ => null,
    };

    private static string? EntityBuilderType(TypeSyntax? type) => type is null ? null : GenericArgument(type, "EntityTypeBuilder");

    /// <summary>T of <c>Name&lt;T&gt;</c> written with or without a namespace.</summary>
    public static string? GenericArgument(TypeSyntax type, string name)
    {
        var generic = type switch
        {
            GenericNameSyntax g => g,
            QualifiedNameSyntax { Right: GenericNameSyntax g } => g,
            _ => null,
        };
        return generic is not null && generic.Identifier.ValueText == name && generic.TypeArgumentList.Arguments.Count == 1
            ? Conventions.TypeName(generic.TypeArgumentList.Arguments[0])
            : null;
    }
}
