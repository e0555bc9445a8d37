using BackendArchitect.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BackendArchitect.CSharp;

/// <summary>A parsed C# file and the project it belongs to.</summary>
public sealed class CSharpDocument(SourceFile file, SyntaxTree tree, ProjectFile? project)
{
    public SourceFile File { get; } = file;
    public SyntaxTree Tree { get; } = tree;
    public ProjectFile? Project { get; } = project;
    public string Path => File.Path;

    /// <summary>Root of the tree; syntax trees are immutable and safe to share across threads.</summary>
    public SyntaxNode Root => Tree.GetRoot();

    /// <summary>1-based line of a node's first token (attributes and trivia excluded).</summary>
    public int LineOf(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    public int LineOf(SyntaxToken token) => token.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    /// <summary>The span of a node (trivia excluded) as 1-based line and column, start and end.</summary>
    public Model.SourceLocation LocationOf(SyntaxNode node) => LocationOf(node.GetLocation());

    public Model.SourceLocation LocationOf(SyntaxToken token) => LocationOf(token.GetLocation());

    /// <summary>The span of source text, e.g. from a call's method name to its closing parenthesis.</summary>
    public Model.SourceLocation LocationOf(Microsoft.CodeAnalysis.Text.TextSpan span) => LocationOf(Location.Create(Tree, span));

    private Model.SourceLocation LocationOf(Location location)
    {
        var span = location.GetLineSpan();
        return new(Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1);
    }

    public bool HasDirectives => File.Text.Contains("#if", StringComparison.Ordinal);
}
