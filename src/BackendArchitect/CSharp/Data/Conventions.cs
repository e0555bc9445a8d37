using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Data;

/// <summary>EF Core's naming conventions and the type shapes it maps, read from syntax alone.</summary>
internal static class Conventions
{
    private static readonly HashSet<string> ScalarNames = new(StringComparer.Ordinal)
    {
        "bool", "byte", "sbyte", "short", "ushort", "int", "uint", "long", "ulong", "float", "double", "decimal", "char", "string",
        "Boolean", "Byte", "SByte", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64", "Single", "Double", "Decimal", "Char", "String",
        "Guid", "DateTime", "DateTimeOffset", "DateOnly", "TimeOnly", "TimeSpan", "Uri", "BigInteger", "Half",
    };

    private static readonly HashSet<string> CollectionNames = new(StringComparer.Ordinal)
    {
        "ICollection", "IList", "List", "IEnumerable", "HashSet", "ISet", "IReadOnlyCollection", "IReadOnlyList",
        "Collection", "ObservableCollection", "SortedSet", "IReadOnlySet",
    };

    private static readonly HashSet<string> ValueTypeNames = new(StringComparer.Ordinal)
    {
        "bool", "byte", "sbyte", "short", "ushort", "int", "uint", "long", "ulong", "float", "double", "decimal", "char",
        "Boolean", "Byte", "SByte", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64", "Single", "Double", "Decimal", "Char",
        "Guid", "DateTime", "DateTimeOffset", "DateOnly", "TimeOnly", "TimeSpan", "BigInteger", "Half",
    };

    /// <summary>Base classes from packages that make a class a DbContext.</summary>
    public static bool IsFrameworkContextBase(string simpleName) => simpleName is
        "DbContext" or "IdentityDbContext" or "IdentityUserContext" or "ApiAuthorizationDbContext"
        or "KeyApiAuthorizationDbContext" or "AbpDbContext" or "AuditDbContext";

    /// <summary>Whether a written type (without nullability) is a scalar EF maps to a column without configuration.</summary>
    public static bool IsKnownScalar(TypeSyntax type) => type switch
    {
        PredefinedTypeSyntax => true,
        ArrayTypeSyntax a => a.ElementType is PredefinedTypeSyntax p && p.Keyword.IsKind(SyntaxKind.ByteKeyword),
        _ => ScalarNames.Contains(SyntaxHelpers.SimpleTypeName(type.ToString())) && type is not GenericNameSyntax,
    };

    /// <summary>Value types that are never null unless written with "?".</summary>
    public static bool IsKnownValueType(TypeSyntax type) =>
        type is not ArrayTypeSyntax && ValueTypeNames.Contains(SyntaxHelpers.SimpleTypeName(type.ToString()));

    /// <summary>The element type of a collection type (ICollection&lt;T&gt;, List&lt;T&gt;, T[] of a non-byte), or null.</summary>
    public static TypeSyntax? CollectionElement(TypeSyntax type)
    {
        type = Unwrap(type, out _);
        return type switch
        {
            GenericNameSyntax g when CollectionNames.Contains(g.Identifier.ValueText) && g.TypeArgumentList.Arguments.Count == 1 => g.TypeArgumentList.Arguments[0],
            QualifiedNameSyntax { Right: GenericNameSyntax g } when CollectionNames.Contains(g.Identifier.ValueText) && g.TypeArgumentList.Arguments.Count == 1 => g.TypeArgumentList.Arguments[0],
            ArrayTypeSyntax a when !IsKnownScalar(a) => a.ElementType,
            _ => null,
        };
    }

    /// <summary>Strips "?" and Nullable&lt;T&gt;; says whether either was there.</summary>
    public static TypeSyntax Unwrap(TypeSyntax type, out bool nullable)
    {
        nullable = false;
        while (true)
        {
            switch (type)
            {
                case NullableTypeSyntax n:
                    nullable = true;
                    type = n.ElementType;
                    continue;
                case GenericNameSyntax { Identifier.ValueText: "Nullable" } g when g.TypeArgumentList.Arguments.Count == 1:
                    nullable = true;
                    type = g.TypeArgumentList.Arguments[0];
                    continue;
                case QualifiedNameSyntax { Right: GenericNameSyntax { Identifier.ValueText: "Nullable" } g } when g.TypeArgumentList.Arguments.Count == 1:
                    nullable = true;
                    type = g.TypeArgumentList.Arguments[0];
                    continue;
                default:
                    return type;
            }
        }
    }

    /// <summary>The name EF reads for a type: "Order" for "Domain.Order" and "Order?".</summary>
    public static string TypeName(TypeSyntax type) => SyntaxHelpers.SimpleTypeName(Unwrap(type, out _).ToString());

    /// <summary>The provider a UseXxx options call selects, or null for other calls.</summary>
    public static string? ProviderOf(string method) => method switch
    {
        "UseNpgsql" => "PostgreSQL",
        "UseSqlServer" or "UseAzureSql" or "UseAzureSynapse" => "SQL Server",
        "UseSqlite" => "SQLite",
        "UseMySql" or "UseMySQL" or "UseMariaDB" => "MySQL",
        "UseInMemoryDatabase" => "InMemory",
        "UseCosmos" => "Cosmos",
        "UseOracle" => "Oracle",
        _ => null,
    };

    /// <summary>Aspire's AddXxxDbContext&lt;T&gt; registrations name their provider.</summary>
    public static string? ProviderOfRegistration(string method) => method switch
    {
        "AddNpgsqlDbContext" or "EnrichNpgsqlDbContext" => "PostgreSQL",
        "AddSqlServerDbContext" or "EnrichSqlServerDbContext" => "SQL Server",
        "AddMySqlDbContext" or "EnrichMySqlDbContext" => "MySQL",
        "AddCosmosDbContext" or "EnrichCosmosDbContext" => "Cosmos",
        "AddOracleDatabaseDbContext" or "EnrichOracleDatabaseDbContext" => "Oracle",
        "AddSqliteDbContext" => "SQLite",
        _ => null,
    };

    public static bool IsContextRegistration(string method) =>
        method is "AddDbContext" or "AddDbContextPool" or "AddDbContextFactory" or "AddPooledDbContextFactory"
        || ProviderOfRegistration(method) is not null;

    /// <summary>The property names of a selector: <c>x =&gt; x.A</c>, <c>x =&gt; new { x.A, x.B }</c>.</summary>
    public static IReadOnlyList<string> SelectorNames(ExpressionSyntax? expression)
    {
        var body = expression switch
        {
            SimpleLambdaExpressionSyntax s => s.ExpressionBody,
            ParenthesizedLambdaExpressionSyntax p => p.ExpressionBody,
            _ => null,
        };
        return body switch
        {
            MemberAccessExpressionSyntax m => [m.Name.Identifier.ValueText],
            AnonymousObjectCreationExpressionSyntax a => a.Initializers
                .Select(i => i.Expression is MemberAccessExpressionSyntax m ? m.Name.Identifier.ValueText : i.NameEquals?.Name.Identifier.ValueText)
                .OfType<string>()
                .ToArray(),
            CastExpressionSyntax { Expression: MemberAccessExpressionSyntax m } => [m.Name.Identifier.ValueText],
            _ => [],
        };
    }
}
