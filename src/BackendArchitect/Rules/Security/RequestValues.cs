using BackendArchitect.Linking;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>
/// Which expressions in an endpoint's handler hold what the caller sent: a parameter bound from the route, query,
/// body, header or form, a member of one (request.OrderId), or a local initialized from either (int.Parse(id) too).
/// Syntax-level and local to the handler; the dataflow follows values further for the injection rules.
/// </summary>
public sealed class RequestValues
{
    private static readonly HashSet<string> RequestSources = new(StringComparer.Ordinal) { "route", "query", "body", "header", "form", "parameters" };

    private readonly HashSet<string> names = new(StringComparer.Ordinal);

    public RequestValues(Endpoint endpoint, CodeUnit handler)
    {
        foreach (var parameter in handler.Parameters)
        {
            var name = parameter.Identifier.ValueText;
            var bound = endpoint.Parameters.FirstOrDefault(p => p.Name == name);
            if (bound is not null ? RequestSources.Contains(bound.Source) : handler.Kind == "method" && IsFastEndpointsRequest(handler, parameter))
            {
                names.Add(name);
            }
        }

        if (handler.Body is not { } body || names.Count == 0)
        {
            return;
        }

        // Two passes reach a local initialized from a local initialized from a parameter.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var declarator in body.DescendantNodes().OfType<VariableDeclaratorSyntax>())
            {
                if (declarator.Initializer is { } init && Holds(init.Value))
                {
                    names.Add(declarator.Identifier.ValueText);
                }
            }
        }
    }

    /// <summary>True when any name the expression reads (not a member name after a dot) is request-bound.</summary>
    public bool Holds(SyntaxNode expression) =>
        names.Count > 0
        && expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(id => names.Contains(id.Identifier.ValueText) && !IsMemberName(id));

    /// <summary>True when the handler hands a request value to another method (an argument or an initializer).</summary>
    public bool PassedOn(SyntaxNode body) =>
        body.DescendantNodes().Any(n => n is ArgumentSyntax or InitializerExpressionSyntax && Holds(n));

    private static bool IsMemberName(IdentifierNameSyntax id) =>
        id.Parent is MemberAccessExpressionSyntax member && member.Name == id
        || id.Parent is NameColonSyntax or NameEqualsSyntax
        || id.Parent is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment && assignment.Left == id;

    // FastEndpoints binds HandleAsync's first parameter (the request DTO) from route, query and body.
    private static bool IsFastEndpointsRequest(CodeUnit handler, ParameterSyntax parameter) =>
        handler.Name == "HandleAsync" && handler.Parameters.Count > 0 && handler.Parameters[0] == parameter;
}
