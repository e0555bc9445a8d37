using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>A method or local function that maps endpoints on a route builder it receives as a parameter.</summary>
internal sealed record MappingMethod(CSharpSyntaxNode Method, CSharpDocument Document)
{
    public string TypeName => Method.Parent is BaseTypeDeclarationSyntax t ? t.Identifier.ValueText : "";

    /// <summary>The declaring type's qualified name; local functions in top-level statements live in Program.</summary>
    public string OwnerName => SyntaxHelpers.ContainingType(Method) is { } t ? SyntaxHelpers.QualifiedName(t) : "Program";

    public SyntaxToken Identifier => Method switch
    {
        MethodDeclarationSyntax m => m.Identifier,
        LocalFunctionStatementSyntax l => l.Identifier,
        _ => default,
    };

    public SeparatedSyntaxList<ParameterSyntax> Parameters => Method switch
    {
        MethodDeclarationSyntax m => m.ParameterList.Parameters,
        LocalFunctionStatementSyntax l => l.ParameterList.Parameters,
        _ => default,
    };

    public BlockSyntax? Body => Method switch
    {
        MethodDeclarationSyntax m => m.Body,
        LocalFunctionStatementSyntax l => l.Body,
        _ => null,
    };

    public ArrowExpressionClauseSyntax? ExpressionBody => Method switch
    {
        MethodDeclarationSyntax m => m.ExpressionBody,
        LocalFunctionStatementSyntax l => l.ExpressionBody,
        _ => null,
    };
}
