using System.Text.RegularExpressions;
using BackendArchitect.CSharp;
using BackendArchitect.Linking;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>
/// What in an endpoint's handler and the methods it reaches may check that a loaded row is the caller's: a comparison
/// of an owner property (<c>order.CustomerId != userId</c>), an owner passed to a check method, resource-based
/// authorization, or a call whose name says it checks access (EnsureOwner, CanAccess...).
/// </summary>
internal sealed partial class OwnershipChecks
{
    private readonly List<(SyntaxNode Node, string Owner)> comparisons = [];
    private bool checksAccess;

    public static OwnershipChecks In(LinkedEndpoint linked)
    {
        var checks = new OwnershipChecks();
        foreach (var body in new[] { linked.Handler.Body }.Concat(linked.Methods.Select(m => m.Unit.Body)))
        {
            if (body is not null)
            {
                checks.Read(body);
            }
        }

        return checks;
    }

    /// <summary>True when something outside the lookup itself compares one of these owner columns, or checks access.</summary>
    public bool Constrains(IEnumerable<string> owners, SyntaxNode lookup) =>
        checksAccess || owners.Any(o => comparisons.Any(c => c.Owner == o && !(c.Node.SyntaxTree == lookup.SyntaxTree && lookup.Span.Contains(c.Node.Span))));

    private void Read(SyntaxNode body)
    {
        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case MemberAccessExpressionSyntax member when IsCompared(member):
                    comparisons.Add((member, member.Name.Identifier.ValueText));
                    break;
                case InvocationExpressionSyntax call when ChecksAccess(call):
                    checksAccess = true;
                    break;
            }
        }
    }

    private static bool IsCompared(MemberAccessExpressionSyntax member)
    {
        SyntaxNode node = member;
        while (node.Parent is ParenthesizedExpressionSyntax or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value" } or PostfixUnaryExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent switch
        {
            BinaryExpressionSyntax binary => binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression),
            IsPatternExpressionSyntax => true,
            ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } => CheckName().IsMatch(SyntaxHelpers.InvokedName(call) ?? ""),
            _ => member.Parent is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Equals" } },
        };
    }

    // Resource-based authorization: AuthorizeAsync(User, resource, policy or requirement).
    private static bool ChecksAccess(InvocationExpressionSyntax call)
    {
        var name = SyntaxHelpers.InvokedName(call) ?? "";
        return name == "AuthorizeAsync" && call.ArgumentList.Arguments.Count >= 3 || AccessCheck().IsMatch(name);
    }

    [GeneratedRegex(@"^(?:Equals|Is\w*|Has\w*|Can\w*|Ensure\w*|Check\w*|Verify\w*|Validate\w*|Belongs\w*|Assert\w*|Authorize\w*|Owns\w*)$")]
    private static partial Regex CheckName();

    [GeneratedRegex(@"(?:Owner|Ownership|Owns|Access|Permission|Authorize[ds]?(?!Async$))")]
    private static partial Regex AccessCheck();
}
