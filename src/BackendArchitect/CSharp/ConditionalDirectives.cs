using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp;

/// <summary>
/// Code under <c>#if</c> is part of the system in some build. Files with conditional directives are
/// parsed with every symbol they test defined, so code under <c>#if DEBUG</c> is read; each fact
/// then records the condition it sits under.
/// </summary>
public static class ConditionalDirectives
{
    /// <summary>The symbols that a file's #if/#elif directives test.</summary>
    public static IReadOnlyList<string> ReferencedSymbols(SyntaxTree tree) =>
        Directives(tree.GetRoot())
            .Select(d => d switch
            {
                IfDirectiveTriviaSyntax i => i.Condition,
                ElifDirectiveTriviaSyntax e => e.Condition,
                _ => null,
            })
            .OfType<ExpressionSyntax>()
            .SelectMany(c => c.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            .Select(n => n.Identifier.ValueText)
            .Where(s => s is not "true" and not "false")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The condition a node is compiled under, e.g. "DEBUG" or "!(DEBUG) &amp;&amp; NET8_0", or null.</summary>
    public static string? ConditionOf(SyntaxNode node)
    {
        var root = node.SyntaxTree.GetRoot();
        if (!root.ContainsDirectives)
        {
            return null;
        }

        var position = node.SpanStart;
        var stack = new List<(string Condition, List<string> Previous)>();
        foreach (var directive in Directives(root))
        {
            if (directive.SpanStart >= position)
            {
                break;
            }

            switch (directive)
            {
                case IfDirectiveTriviaSyntax i:
                    stack.Add((i.Condition.ToString(), [i.Condition.ToString()]));
                    break;
                case ElifDirectiveTriviaSyntax e when stack.Count > 0:
                    var (_, previous) = stack[^1];
                    var cond = string.Join(" && ", previous.Select(p => $"!({p})").Append(e.Condition.ToString()));
                    previous.Add(e.Condition.ToString());
                    stack[^1] = (cond, previous);
                    break;
                case ElseDirectiveTriviaSyntax when stack.Count > 0:
                    var prev = stack[^1].Previous;
                    stack[^1] = (string.Join(" && ", prev.Select(p => $"!({p})")), prev);
                    break;
                case EndIfDirectiveTriviaSyntax when stack.Count > 0:
                    stack.RemoveAt(stack.Count - 1);
                    break;
            }
        }

        return stack.Count == 0 ? null : string.Join(" && ", stack.Select(s => s.Condition));
    }

    /// <summary>
    /// The directives in file order. Following Roslyn's directive chain skips the subtrees without
    /// directives, where walking the trivia would visit every comment and space of a file that only
    /// holds a <c>#nullable</c>.
    /// </summary>
    private static IEnumerable<DirectiveTriviaSyntax> Directives(SyntaxNode root)
    {
        for (var directive = ((CSharpSyntaxNode)root).GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
        {
            yield return directive;
        }
    }

    internal static CSharpParseOptions WithSymbols(CSharpParseOptions options, IReadOnlyList<string> symbols) =>
        options.WithPreprocessorSymbols(symbols);
}
