using System.Collections.Frozen;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp;

/// <summary>A syntax node and the document that holds it.</summary>
public readonly record struct Located<T>(T Node, CSharpDocument Document)
    where T : SyntaxNode;

/// <summary>
/// The nodes most review rules look for (calls, object creations, assignments, string literals) from one
/// walk over every document of the corpus, so each rule reads a short list instead of walking every tree
/// again: walking the trees was most of the time of the rules that match single calls or settings.
/// Every list is in corpus order: documents in path order, nodes in source order.
/// </summary>
public sealed class SyntaxIndex
{
    private readonly FrozenDictionary<string, ImmutableArray<Located<InvocationExpressionSyntax>>> byName;

    private SyntaxIndex(
        ImmutableArray<Located<InvocationExpressionSyntax>> invocations,
        ImmutableArray<Located<BaseObjectCreationExpressionSyntax>> creations,
        ImmutableArray<Located<AssignmentExpressionSyntax>> assignments,
        ImmutableArray<Located<LiteralExpressionSyntax>> stringLiterals)
    {
        Invocations = invocations;
        Creations = creations;
        Assignments = assignments;
        StringLiterals = stringLiterals;
        byName = invocations
            .Where(i => SyntaxHelpers.InvokedName(i.Node) is not null)
            .GroupBy(i => SyntaxHelpers.InvokedName(i.Node)!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
    }

    /// <summary>Every call (<c>x.M()</c>, <c>M()</c>, <c>x?.M()</c>).</summary>
    public ImmutableArray<Located<InvocationExpressionSyntax>> Invocations { get; }

    /// <summary>Every <c>new T(...)</c> and target-typed <c>new(...)</c>.</summary>
    public ImmutableArray<Located<BaseObjectCreationExpressionSyntax>> Creations { get; }

    /// <summary>Every assignment, compound ones included.</summary>
    public ImmutableArray<Located<AssignmentExpressionSyntax>> Assignments { get; }

    /// <summary>Every string literal (regular, verbatim, raw; not interpolated strings).</summary>
    public ImmutableArray<Located<LiteralExpressionSyntax>> StringLiterals { get; }

    /// <summary>The calls of methods with any of these names, in corpus order.</summary>
    public IEnumerable<Located<InvocationExpressionSyntax>> InvocationsOf(params string[] names)
    {
        var found = names.Select(n => byName.TryGetValue(n, out var calls) ? calls : []).Where(c => c.Length > 0).ToArray();
        return found.Length switch
        {
            0 => [],
            1 => found[0],
            _ => found.SelectMany(c => c).OrderBy(c => c.Document.Path, StringComparer.Ordinal).ThenBy(c => c.Node.SpanStart),
        };
    }

    public static SyntaxIndex Build(CSharpCorpus corpus)
    {
        var documents = corpus.Documents;
        var perDocument = new Nodes[documents.Count];
        Parallel.For(0, documents.Count, i => perDocument[i] = Nodes.Of(documents[i]));
        return new SyntaxIndex(
            [.. perDocument.SelectMany(n => n.Invocations)],
            [.. perDocument.SelectMany(n => n.Creations)],
            [.. perDocument.SelectMany(n => n.Assignments)],
            [.. perDocument.SelectMany(n => n.StringLiterals)]);
    }

    private sealed class Nodes
    {
        public List<Located<InvocationExpressionSyntax>> Invocations { get; } = [];
        public List<Located<BaseObjectCreationExpressionSyntax>> Creations { get; } = [];
        public List<Located<AssignmentExpressionSyntax>> Assignments { get; } = [];
        public List<Located<LiteralExpressionSyntax>> StringLiterals { get; } = [];

        public static Nodes Of(CSharpDocument document)
        {
            var nodes = new Nodes();
            foreach (var node in document.Root.DescendantNodes())
            {
                switch (node)
                {
                    case InvocationExpressionSyntax invocation:
                        nodes.Invocations.Add(new(invocation, document));
                        break;
                    case BaseObjectCreationExpressionSyntax creation:
                        nodes.Creations.Add(new(creation, document));
                        break;
                    case AssignmentExpressionSyntax assignment:
                        nodes.Assignments.Add(new(assignment, document));
                        break;
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                        nodes.StringLiterals.Add(new(literal, document));
                        break;
                }
            }

            return nodes;
        }
    }
}
