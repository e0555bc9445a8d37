using System.Collections.Frozen;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp;

/// <summary>
/// Code that runs only in some hosting environment: under <c>if (app.Environment.IsDevelopment())</c>, in the
/// <c>else</c> of one, or after a guard <c>if (!env.IsDevelopment()) return;</c>. Such a condition is written
/// shortened to the check itself (<c>IsDevelopment()</c>, <c>!IsProduction()</c>, <c>IsEnvironment("Staging")</c>).
/// </summary>
internal static class EnvironmentConditions
{
    private static readonly FrozenSet<string> Checks = FrozenSet.ToFrozenSet(
        ["IsDevelopment", "IsProduction", "IsStaging", "IsEnvironment"], StringComparer.Ordinal);

    /// <summary>The #if symbols and environment checks a node runs under, outermost first, or null.</summary>
    public static string? Of(SyntaxNode node) => Endpoints.MinimalRoutes.BothConditions(ConditionalDirectives.ConditionOf(node), EnvironmentOf(node));

    /// <summary>The environment checks of the ifs around a node and the guards before it, up to its method, or null.</summary>
    public static string? EnvironmentOf(SyntaxNode node)
    {
        var conditions = new List<string>();
        SyntaxNode child = node;
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case IfStatementSyntax ifStatement when child != ifStatement.Condition && IsEnvironmentCheck(ifStatement.Condition):
                    var text = ConditionText(ifStatement.Condition);
                    conditions.Add(child == ifStatement.Statement ? text : Negate(text));
                    break;
                case BlockSyntax block:
                    conditions.AddRange(Guards(block.Statements.TakeWhile(s => s != child)));
                    break;
                case CompilationUnitSyntax unit:
                    conditions.AddRange(Guards(unit.Members.TakeWhile(m => m != child).OfType<GlobalStatementSyntax>().Select(g => g.Statement)));
                    break;
            }

            if (ancestor is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax)
            {
                break;
            }

            child = ancestor;
        }

        conditions.Reverse();
        return conditions.Count == 0 ? null : string.Join(" && ", conditions.Distinct(StringComparer.Ordinal));
    }

    /// <summary>The if-condition as written, with environment checks shortened: <c>app.Environment.IsDevelopment()</c> becomes <c>IsDevelopment()</c>.</summary>
    public static string ConditionText(ExpressionSyntax condition)
    {
        var checks = condition.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is MemberAccessExpressionSyntax m && Checks.Contains(m.Name.Identifier.ValueText));
        var shortened = condition.ReplaceNodes(checks, (original, rewritten) =>
            rewritten.WithExpression(((MemberAccessExpressionSyntax)original.Expression).Name.WithoutTrivia()).WithTriviaFrom(original));
        return Wiring.WiringSyntax.OneLine(shortened.ToString());
    }

    public static string Negate(string condition)
    {
        if (condition.StartsWith('!') && !condition.Contains("&&", StringComparison.Ordinal) && !condition.Contains("||", StringComparison.Ordinal))
        {
            return condition[1..];
        }

        return condition.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '(' or ')' or '"')
            ? "!" + condition
            : $"!({condition})";
    }

    private static bool IsEnvironmentCheck(ExpressionSyntax condition) =>
        condition.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>()
            .Any(i => SyntaxHelpers.InvokedName(i) is { } name && Checks.Contains(name));

    /// <summary><c>if (!IsDevelopment()) return;</c> before a statement: what follows runs only when the check fails.</summary>
    private static IEnumerable<string> Guards(IEnumerable<StatementSyntax> before) =>
        before.OfType<IfStatementSyntax>()
            .Where(i => i.Else is null && IsEnvironmentCheck(i.Condition)
                && i.Statement is ReturnStatementSyntax or BlockSyntax { Statements: [ReturnStatementSyntax] })
            .Select(i => Negate(ConditionText(i.Condition)));
}
