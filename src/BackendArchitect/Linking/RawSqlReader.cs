using BackendArchitect.CSharp;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Linking;

/// <summary>
/// SQL written by hand in a unit: EF's <c>Database.ExecuteSqlRaw</c>/<c>SqlQueryRaw</c> family, Dapper's
/// Query*/Execute* on a connection, and ADO.NET commands (<c>new SqlCommand(sql, ...)</c>, <c>CommandText = sql</c>).
/// Read or write comes from the SQL's first keyword when the text is a constant.
/// </summary>
internal static class RawSqlReader
{
    private static readonly HashSet<string> DatabaseFacadeCalls = new(StringComparer.Ordinal)
    {
        "ExecuteSqlRaw", "ExecuteSqlRawAsync", "ExecuteSql", "ExecuteSqlAsync", "ExecuteSqlInterpolated", "ExecuteSqlInterpolatedAsync",
        "SqlQueryRaw", "SqlQuery",
    };

    private static readonly HashSet<string> DapperCalls = new(StringComparer.Ordinal)
    {
        "Query", "QueryAsync", "QueryFirst", "QueryFirstAsync", "QueryFirstOrDefault", "QueryFirstOrDefaultAsync",
        "QuerySingle", "QuerySingleAsync", "QuerySingleOrDefault", "QuerySingleOrDefaultAsync", "QueryMultiple", "QueryMultipleAsync",
        "Execute", "ExecuteAsync", "ExecuteScalar", "ExecuteScalarAsync", "ExecuteReader", "ExecuteReaderAsync",
    };

    private static readonly HashSet<string> CommandTypes = new(StringComparer.Ordinal)
    {
        "SqlCommand", "NpgsqlCommand", "MySqlCommand", "SqliteCommand", "OracleCommand", "OleDbCommand", "OdbcCommand", "SQLiteCommand",
    };

    /// <summary>The raw SQL run at this node, if any; called for every node of a unit.</summary>
    public static DataAccessSite? At(UnitScope scope, SyntaxNode node) => node switch
    {
        InvocationExpressionSyntax invocation => FromCall(scope, invocation),
        ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } created when CommandTypes.Contains(TypeNames.Simple(created.Type)) =>
            Raw(scope, created, "ado", TypeNames.Simple(created.Type), created.ArgumentList!.Arguments[0].Expression, null, null),
        AssignmentExpressionSyntax { Left: var left } assignment when CommandTextTarget(left) =>
            Raw(scope, assignment, "ado", "CommandText", assignment.Right, null, null),
        _ => null,
    };

    private static bool CommandTextTarget(ExpressionSyntax left) => left switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText == "CommandText",
        IdentifierNameSyntax i => i.Identifier.ValueText == "CommandText" && i.Parent?.Parent is InitializerExpressionSyntax,
        _ => false,
    };

    private static DataAccessSite? FromCall(UnitScope scope, InvocationExpressionSyntax invocation)
    {
        Invocations.IsNamed(invocation, out var name, out var receiver);
        var sql = invocation.ArgumentList.Arguments.Count > 0 ? invocation.ArgumentList.Arguments[0].Expression : null;
        if (DatabaseFacadeCalls.Contains(name) && receiver is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Database" } facade)
        {
            var context = scope.Receiver(facade.Expression)?.Type;
            var query = name.StartsWith("SqlQuery", StringComparison.Ordinal);
            return Raw(scope, invocation, "ef", name, sql, context, query ? DataOperation.Read : null);
        }

        if (DapperCalls.Contains(name) && receiver is not null && IsConnection(scope, receiver))
        {
            var operation = name.StartsWith("Query", StringComparison.Ordinal) ? DataOperation.Read : (DataOperation?)null;
            var site = Raw(scope, invocation, "dapper", name, sql, null, operation);
            return name.StartsWith("QueryFirst", StringComparison.Ordinal) || name.StartsWith("QuerySingle", StringComparison.Ordinal)
                ? site with { Fact = site.Fact with { Bounded = true } }
                : site;
        }

        return null;
    }

    /// <summary>A connection by its declared type or by how it was made (<c>CreateConnection()</c>, <c>new SqlConnection()</c>).</summary>
    private static bool IsConnection(UnitScope scope, ExpressionSyntax receiver)
    {
        if (receiver is InvocationExpressionSyntax made)
        {
            return SyntaxHelpers.InvokedName(made)?.Contains("Connection", StringComparison.Ordinal) == true;
        }

        var declared = scope.Receiver(receiver);
        if (declared?.Type is { } type)
        {
            return type.EndsWith("Connection", StringComparison.Ordinal);
        }

        // using var connection = factory.Open(); the name and how it was made say what it is.
        return receiver is IdentifierNameSyntax name && name.Identifier.ValueText.Contains("conn", StringComparison.OrdinalIgnoreCase)
            || declared?.Initializer?.ToString().Contains("connection", StringComparison.OrdinalIgnoreCase) == true;
    }

    private static DataAccessSite Raw(UnitScope scope, SyntaxNode node, string kind, string api, ExpressionSyntax? sqlExpression, string? context, DataOperation? operation)
    {
        var sql = sqlExpression is null ? null : scope.Index.Corpus.Constants.Evaluate(sqlExpression);
        var op = operation ?? Invocations.SqlOperation(sql);
        var fact = new DataAccess(
            scope.Unit.QualifiedName, kind, api, true, context, null, op, op == DataOperation.Read ? Invocations.SqlBounded(sql) : null,
            [], [], scope.Document.Path, scope.Line(node), 0);
        return new DataAccessSite(fact, node, scope.Document);
    }
}
