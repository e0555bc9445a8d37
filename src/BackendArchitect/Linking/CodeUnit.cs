using BackendArchitect.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Linking;

/// <summary>
/// A piece of code the linker follows: a method, a local function or a lambda, with its document and
/// the type that declares it (null for top-level statements).
/// </summary>
public sealed record CodeUnit(SyntaxNode Node, CSharpDocument Document, string? TypeName, string Name)
{
    /// <summary>method, local-function or lambda.</summary>
    public string Kind => Node switch
    {
        LocalFunctionStatementSyntax => "local-function",
        AnonymousFunctionExpressionSyntax => "lambda",
        _ => "method",
    };

    /// <summary>The line of the declaration's name (or of the lambda), as endpoints report lines.</summary>
    public int Line => Node switch
    {
        MethodDeclarationSyntax m => Document.LineOf(m.Identifier),
        LocalFunctionStatementSyntax l => Document.LineOf(l.Identifier),
        _ => Document.LineOf(Node),
    };

    public int EndLine => Node.GetLocation().GetLineSpan().EndLinePosition.Line + 1;

    /// <summary>The code that runs: the body or expression body, or the lambda's body.</summary>
    public SyntaxNode? Body => Node switch
    {
        BaseMethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody,
        LocalFunctionStatementSyntax l => (SyntaxNode?)l.Body ?? l.ExpressionBody,
        AnonymousFunctionExpressionSyntax a => a.Body,
        _ => null,
    };

    /// <summary>The declared parameters, in order (a lambda's single untyped parameter too).</summary>
    public IReadOnlyList<ParameterSyntax> Parameters => Node switch
    {
        BaseMethodDeclarationSyntax m => m.ParameterList.Parameters,
        LocalFunctionStatementSyntax l => l.ParameterList.Parameters,
        ParenthesizedLambdaExpressionSyntax p => p.ParameterList.Parameters,
        SimpleLambdaExpressionSyntax s => [s.Parameter],
        AnonymousMethodExpressionSyntax a => a.ParameterList?.Parameters ?? [],
        _ => [],
    };

    /// <summary>"Type.Method", or the bare name outside a type.</summary>
    public string QualifiedName => TypeName is null ? Name : TypeName + "." + Name;

    public static CodeUnit Of(MethodDeclarationSyntax method, CSharpDocument document) =>
        new(method, document, SyntaxHelpers.ContainingType(method) is { } type ? SyntaxHelpers.QualifiedName(type) : null, method.Identifier.ValueText);

    public static CodeUnit Of(LocalFunctionStatementSyntax function, CSharpDocument document) =>
        new(function, document, SyntaxHelpers.ContainingType(function) is { } type ? SyntaxHelpers.QualifiedName(type) : null, function.Identifier.ValueText);

    public bool Equals(CodeUnit? other) => other is not null && ReferenceEquals(Node, other.Node);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Node);
}
