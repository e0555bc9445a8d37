using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// Carter modules: a <c>CarterModule("/orders")</c> base call gives every route of the module a
/// prefix, and RequireAuthorization()/AllowAnonymous() in the module's constructor apply to all of them.
/// </summary>
internal static class MinimalModules
{
    /// <summary>The group a mapping method of a module class maps into, or a plain group under the root.</summary>
    public static MinimalGroup GroupFor(MappingMethod mapping, MinimalGroup root, ConstantResolver constants, MinimalAuthReader auth)
    {
        if (mapping.Method.Parent is not TypeDeclarationSyntax type
            || type.BaseList?.Types.FirstOrDefault(t => SyntaxHelpers.SimpleTypeName(t.Type.ToString()) == "CarterModule") is not { } carterBase)
        {
            return new MinimalGroup(root, null, false);
        }

        var constructors = type.Members.OfType<ConstructorDeclarationSyntax>().ToList();
        var prefixArgument = (carterBase as PrimaryConstructorBaseTypeSyntax)?.ArgumentList.Arguments.FirstOrDefault()?.Expression
            ?? constructors.Select(c => c.Initializer).FirstOrDefault(i => i is not null && i.IsKind(SyntaxKind.BaseConstructorInitializer))?.ArgumentList.Arguments.FirstOrDefault()?.Expression;
        var group = new MinimalGroup(root, prefixArgument is null ? null : constants.Evaluate(prefixArgument) ?? prefixArgument.ToString(), false);
        foreach (var call in constructors.SelectMany(c => c.DescendantNodes()).OfType<InvocationExpressionSyntax>())
        {
            if (SyntaxHelpers.InvokedName(call) is { } name && (SyntaxHelpers.Receiver(call) is null or ThisExpressionSyntax))
            {
                group.Auth.AddRange(auth.FromConvention(call, name, mapping.Document));
            }
        }

        return group;
    }
}
