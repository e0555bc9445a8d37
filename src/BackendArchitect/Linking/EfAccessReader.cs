using System.Collections.Immutable;
using BackendArchitect.CSharp;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Linking;

/// <summary>
/// EF Core access in a unit: query chains that start at a DbSet (<c>db.Orders</c>, <c>Set&lt;T&gt;()</c>,
/// a DbSet field) and the context's own writes (Add, Remove, SaveChanges), with the entity, read or
/// write, whether a read is bounded and the properties it filters and orders by.
/// </summary>
internal static class EfAccessReader
{
    private static readonly HashSet<string> Writes = new(StringComparer.Ordinal)
    {
        "Add", "AddAsync", "AddRange", "AddRangeAsync", "Update", "UpdateRange", "Remove", "RemoveRange", "Attach", "AttachRange",
        "ExecuteUpdate", "ExecuteUpdateAsync", "ExecuteDelete", "ExecuteDeleteAsync", "SaveChanges", "SaveChangesAsync",
    };

    private static readonly HashSet<string> Bounding = new(StringComparer.Ordinal)
    {
        "Take", "TakeLast", "First", "FirstAsync", "FirstOrDefault", "FirstOrDefaultAsync", "Single", "SingleAsync", "SingleOrDefault", "SingleOrDefaultAsync",
        "Last", "LastAsync", "LastOrDefault", "LastOrDefaultAsync", "Find", "FindAsync", "Any", "AnyAsync", "All", "AllAsync",
        "Count", "CountAsync", "LongCount", "LongCountAsync", "Sum", "SumAsync", "Min", "MinAsync", "Max", "MaxAsync",
        "Average", "AverageAsync", "Contains", "ContainsAsync", "ElementAt", "ElementAtAsync", "ElementAtOrDefault", "ElementAtOrDefaultAsync",
        "ToPagedList", "ToPagedListAsync", "ToPaginatedList", "ToPaginatedListAsync", "PaginatedListAsync",
    };

    private static readonly HashSet<string> Materializing = new(StringComparer.Ordinal)
    {
        "ToList", "ToListAsync", "ToArray", "ToArrayAsync", "ToDictionary", "ToDictionaryAsync", "ToHashSet", "ToHashSetAsync",
        "ToLookup", "AsEnumerable", "AsAsyncEnumerable", "ForEachAsync", "Load", "LoadAsync",
    };

    private static readonly HashSet<string> Predicates = new(StringComparer.Ordinal)
    {
        "Where", "First", "FirstAsync", "FirstOrDefault", "FirstOrDefaultAsync", "Single", "SingleAsync", "SingleOrDefault", "SingleOrDefaultAsync",
        "Last", "LastAsync", "LastOrDefault", "LastOrDefaultAsync", "Any", "AnyAsync", "All", "AllAsync", "Count", "CountAsync", "LongCount", "LongCountAsync",
    };

    private static readonly HashSet<string> RawQueries = new(StringComparer.Ordinal) { "FromSqlRaw", "FromSql", "FromSqlInterpolated" };

    /// <summary>The access that starts at this node, if any; called for every node of a unit.</summary>
    public static DataAccessSite? At(UnitScope scope, SyntaxNode node) => node switch
    {
        MemberAccessExpressionSyntax access => FromSetProperty(scope, access),
        InvocationExpressionSyntax invocation => FromContextCall(scope, invocation),
        _ => null,
    };

    /// <summary><c>db.Orders...</c> or <c>_orders...</c> (a DbSet field) at the start of a chain.</summary>
    private static DataAccessSite? FromSetProperty(UnitScope scope, MemberAccessExpressionSyntax access)
    {
        if (access.Parent is InvocationExpressionSyntax call && call.Expression == access)
        {
            // _orders.Where(...): the receiver is a DbSet field or parameter.
            if (access.Expression is IdentifierNameSyntax setName && scope.Name(setName.Identifier.ValueText) is { Syntax: { } type }
                && TypeNames.SetEntity(type) is { } fieldEntity)
            {
                return Chain(scope, setName, null, fieldEntity);
            }

            return null;
        }

        if (access.Name is not IdentifierNameSyntax property)
        {
            return null;
        }

        var context = scope.Receiver(access.Expression)?.Type;
        if (context is null || !scope.Index.ContextSets.TryGetValue(context, out var sets) || !sets.TryGetValue(property.Identifier.ValueText, out var entity))
        {
            return null;
        }

        return Chain(scope, access, context, entity);
    }

    /// <summary><c>db.Set&lt;T&gt;()</c>, and writes on the context itself: <c>db.Add(x)</c>, <c>db.SaveChangesAsync()</c>.</summary>
    private static DataAccessSite? FromContextCall(UnitScope scope, InvocationExpressionSyntax invocation)
    {
        Invocations.IsNamed(invocation, out var name, out var receiver);
        if (name == "Set" && SyntaxHelpers.TypeArguments(invocation) is [var entityType])
        {
            var setContext = scope.Receiver(receiver)?.Type;
            return setContext is null || scope.Index.IsContext(setContext) ? Chain(scope, invocation, setContext, TypeNames.Simple(entityType)) : null;
        }

        // base.SaveChangesAsync() in a context's override is the write its caller already made.
        if (!Writes.Contains(name) || receiver is null or BaseExpressionSyntax || scope.Receiver(receiver)?.Type is not { } context || !scope.Index.IsContext(context))
        {
            return null;
        }

        var entity = name.StartsWith("SaveChanges", StringComparison.Ordinal) || invocation.ArgumentList.Arguments.Count == 0
            ? null
            : scope.ValueType(invocation.ArgumentList.Arguments[0].Expression);
        var fact = new DataAccess(scope.Unit.QualifiedName, "ef", name, false, context, entity, DataOperation.Write, null, [], [], scope.Document.Path, scope.Line(invocation), 0);
        return new DataAccessSite(fact, invocation, scope.Document);
    }

    private static DataAccessSite Chain(UnitScope scope, ExpressionSyntax root, string? context, string entity)
    {
        var ops = new List<(string Name, InvocationExpressionSyntax Call)>();
        var filters = new SortedSet<string>(StringComparer.Ordinal);
        var orderBy = new List<string>();
        var end = Climb(QueryStart(root, filters, orderBy), ops);
        foreach (var continued in Continuations(scope, end))
        {
            end = Climb(continued, ops);
        }

        var raw = ops.FirstOrDefault(o => RawQueries.Contains(o.Name)).Name;
        var write = ops.FirstOrDefault(o => Writes.Contains(o.Name)).Name;
        var last = ops.Count > 0 ? ops[^1].Name : null;
        var operation = write is not null ? DataOperation.Write : DataOperation.Read;
        bool? bounded = write is not null ? null
            : ops.Any(o => Bounding.Contains(o.Name)) ? true
            : last is not null && Materializing.Contains(last) ? false
            : null;

        foreach (var (name, call) in ops)
        {
            if (Predicates.Contains(name) || name is "ExecuteDelete" or "ExecuteDeleteAsync")
            {
                filters.UnionWith(LambdaPaths.Of(call.ArgumentList));
            }
            else if (name is "Find" or "FindAsync" && scope.Index.Keys.TryGetValue(entity, out var key))
            {
                filters.UnionWith(key);
            }
            else if (name is "OrderBy" or "ThenBy" or "OrderByDescending" or "ThenByDescending")
            {
                var suffix = name.EndsWith("Descending", StringComparison.Ordinal) ? " desc" : "";
                orderBy.AddRange(LambdaPaths.Of(call.ArgumentList).Select(p => p + suffix));
            }
        }

        var api = raw ?? write ?? last ?? "DbSet";
        var fact = new DataAccess(
            scope.Unit.QualifiedName, "ef", api, raw is not null, context, entity, operation, bounded,
            [.. filters], [.. orderBy], scope.Document.Path, scope.Line(root), 0);
        return new DataAccessSite(fact, end, scope.Document);
    }

    /// <summary>Follows <c>.Method(...)</c> calls on a chain until it materializes or writes; returns its last call.</summary>
    private static SyntaxNode Climb(SyntaxNode node, List<(string Name, InvocationExpressionSyntax Call)> ops)
    {
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        while (node.Parent is MemberAccessExpressionSyntax member && member.Expression == node && member.Parent is InvocationExpressionSyntax call && call.Expression == member)
        {
            var name = member.Name.Identifier.ValueText;
            ops.Add((name, call));
            node = call;
            if (Materializing.Contains(name) || Bounding.Contains(name) && name != "Take" && name != "TakeLast" || Writes.Contains(name))
            {
                break;
            }
        }

        return node;
    }

    /// <summary>
    /// A set read in query syntax (<c>from o in db.Orders where ... orderby ...</c>) starts its chain at the
    /// query; its where and orderby clauses give the filters and orders of the range variable.
    /// </summary>
    private static SyntaxNode QueryStart(ExpressionSyntax root, SortedSet<string> filters, List<string> orderBy)
    {
        var variable = root.Parent switch
        {
            FromClauseSyntax from when from.Expression == root => from.Identifier.ValueText,
            JoinClauseSyntax join when join.InExpression == root => join.Identifier.ValueText,
            _ => null,
        };
        if (variable is null || root.FirstAncestorOrSelf<QueryExpressionSyntax>() is not { } query)
        {
            return root;
        }

        foreach (var clause in query.Body.Clauses)
        {
            if (clause is WhereClauseSyntax where)
            {
                filters.UnionWith(LambdaPaths.In(where.Condition, variable));
            }
            else if (clause is OrderByClauseSyntax order)
            {
                foreach (var ordering in order.Orderings)
                {
                    var suffix = ordering.AscendingOrDescendingKeyword.ValueText == "descending" ? " desc" : "";
                    orderBy.AddRange(LambdaPaths.In(ordering.Expression, variable).Select(p => p + suffix));
                }
            }
        }

        return query;
    }

    /// <summary>
    /// A query kept in a local (<c>var query = db.Orders...; query = query.Where(...); await query.Take(n).ToListAsync()</c>)
    /// goes on where the local is used again in the same unit.
    /// </summary>
    private static IEnumerable<SyntaxNode> Continuations(UnitScope scope, SyntaxNode end)
    {
        var local = end.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => declarator.Identifier.ValueText,
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment when assignment.Right == end => target.Identifier.ValueText,
            _ => null,
        };
        if (local is null || scope.Unit.Body is not { } body)
        {
            yield break;
        }

        foreach (var use in body.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (use.SpanStart > end.SpanStart && use.Identifier.ValueText == local
                && use.Parent is MemberAccessExpressionSyntax member && member.Expression == use && member.Parent is InvocationExpressionSyntax)
            {
                yield return use;
            }
        }
    }
}
