using BackendArchitect.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>
/// Options set in code, whether in an object initializer (<c>new X { Name = value }</c>) or on a
/// receiver (<c>options.Cookie.Name = value</c>): the setting's name, the object it is set on, the value.
/// </summary>
internal static class SettingAssignments
{
    /// <summary>Every simple assignment of a document, with the name of the member it sets.</summary>
    public static IEnumerable<(AssignmentExpressionSyntax Assignment, string Member)> In(SyntaxNode root) =>
        root.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Where(a => a.IsKind(SyntaxKind.SimpleAssignmentExpression))
            .Select(a => (a, MemberName(a.Left)))
            .Where(p => p.Item2 is not null)
            .Select(p => (p.a, p.Item2!));

    /// <summary>Every simple assignment of the corpus, with its document and the name of the member it sets.</summary>
    public static IEnumerable<(Located<AssignmentExpressionSyntax> Assignment, string Member)> In(SyntaxIndex index) =>
        index.Assignments
            .Where(a => a.Node.IsKind(SyntaxKind.SimpleAssignmentExpression))
            .Select(a => (a, MemberName(a.Node.Left)))
            .Where(p => p.Item2 is not null)
            .Select(p => (p.a, p.Item2!));

    public static string? MemberName(ExpressionSyntax left) => left switch
    {
        IdentifierNameSyntax i => i.Identifier.ValueText,
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax b => b.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// The type an assignment sets a member of, when the code says it: the type of the enclosing
    /// <c>new T { ... }</c>, the property a target-typed <c>new() { ... }</c> is assigned to, or the
    /// receiver's last name (<c>options.TokenValidationParameters.X = ...</c> gives "TokenValidationParameters").
    /// </summary>
    public static string? TargetName(AssignmentExpressionSyntax assignment)
    {
        if (assignment.Parent is InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax creation })
        {
            return creation switch
            {
                ObjectCreationExpressionSyntax explicitType => TypeName(explicitType.Type),
                _ => creation.Parent is AssignmentExpressionSyntax outer ? MemberName(outer.Left) : null,
            };
        }

        return assignment.Left switch
        {
            MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax local } => LocalType(local) ?? local.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: var receiver } => MemberName(receiver),
            _ => null,
        };
    }

    /// <summary>The type of a local declared in the same member: <c>var p = new T();</c> or <c>T p = ...;</c>.</summary>
    private static string? LocalType(IdentifierNameSyntax local)
    {
        // Top-level statements are one member each: a local declared in one is used in the next, so their scope is the file.
        var scope = local.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        IEnumerable<SyntaxNode> scopes = scope is GlobalStatementSyntax { Parent: CompilationUnitSyntax unit }
            ? unit.Members.OfType<GlobalStatementSyntax>()
            : scope is null ? [] : [scope];
        var declarator = scopes.SelectMany(s => s.DescendantNodes()).OfType<VariableDeclaratorSyntax>()
            .FirstOrDefault(v => v.Identifier.ValueText == local.Identifier.ValueText);
        if (declarator?.Parent is not VariableDeclarationSyntax declaration)
        {
            return null;
        }

        return declaration.Type.IsVar
            ? declarator.Initializer?.Value is ObjectCreationExpressionSyntax creation ? TypeName(creation.Type) : null
            : TypeName(declaration.Type);
    }

    public static bool IsFalse(ExpressionSyntax value) => value.IsKind(SyntaxKind.FalseLiteralExpression);

    public static bool IsTrue(ExpressionSyntax value) => value.IsKind(SyntaxKind.TrueLiteralExpression);

    /// <summary>The members an enum-like value names: <c>A.B | A.C</c> gives B and C.</summary>
    public static IEnumerable<string> FlagNames(ExpressionSyntax value) =>
        value.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>()
            .Where(m => m.Parent is not MemberAccessExpressionSyntax)
            .Select(m => m.Name.Identifier.ValueText);

    private static string? TypeName(SyntaxNode type) => type switch
    {
        QualifiedNameSyntax q => q.Right.Identifier.ValueText,
        SimpleNameSyntax s => s.Identifier.ValueText,
        _ => null,
    };
}
