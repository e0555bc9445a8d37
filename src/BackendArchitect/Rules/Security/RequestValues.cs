using BackendArchitect.CSharp;
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
        : this(handler, parameter =>
        {
            var bound = endpoint.Parameters.FirstOrDefault(p => p.Name == parameter.Identifier.ValueText);
            return bound is not null ? RequestSources.Contains(bound.Source) : IsFastEndpointsRequest(handler, parameter);
        })
    {
    }

    private RequestValues(CodeUnit unit, Func<ParameterSyntax, bool> isRequest)
    {
        foreach (var parameter in unit.Parameters.Where(isRequest))
        {
            names.Add(parameter.Identifier.ValueText);
        }

        if (unit.Body is not { } body || names.Count == 0)
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

    /// <summary>
    /// In a method the handler calls: its parameters of the endpoint's request types (the bound DTO handed on whole,
    /// <c>_accounts.Register(request)</c>), so their members are what the caller sent.
    /// </summary>
    public static RequestValues InCallee(Endpoint endpoint, CodeUnit unit)
    {
        var types = endpoint.Parameters.Where(p => p.Source is "body" or "form" or "parameters")
            .Select(p => SyntaxHelpers.SimpleTypeName(p.Type.TrimEnd('?')))
            .ToHashSet(StringComparer.Ordinal);
        return new RequestValues(unit, p => p.Type is { } type && types.Contains(SyntaxHelpers.SimpleTypeName(type.ToString().TrimEnd('?'))));
    }

    /// <summary>True when the unit has no request value at all, so nothing in it can hold one.</summary>
    public bool IsEmpty => names.Count == 0;

    /// <summary>
    /// True when the expression's value is what the caller sent, or computed from it: a request name, a member of one,
    /// an operator, a new object or a conversion (Parse, ToString, Map...) over one. The result of any other call is
    /// the server's data (a user looked up by the request's email is not request data), and a lambda is not a value.
    /// </summary>
    public bool Holds(SyntaxNode expression) =>
        names.Count > 0 && expression switch
        {
            IdentifierNameSyntax id => names.Contains(id.Identifier.ValueText) && !IsMemberName(id),
            MemberAccessExpressionSyntax member => Holds(member.Expression),
            InvocationExpressionSyntax call => Preserves(call) && (call.Expression is MemberAccessExpressionSyntax m && Holds(m.Expression) || call.ArgumentList.Arguments.Any(Holds)),
            AnonymousFunctionExpressionSyntax => false,
            _ => expression.ChildNodes().Any(Holds),
        };

    /// <summary>True when the handler hands a request value to another method (an argument or an initializer).</summary>
    public bool PassedOn(SyntaxNode body) =>
        body.DescendantNodes().Any(n => n is ArgumentSyntax or InitializerExpressionSyntax && Holds(n));

    // Calls that hand back the value they are given, converted: int.Parse(id), role.ToString(), mapper.Map<User>(request).
    private static bool Preserves(InvocationExpressionSyntax call)
    {
        var name = SyntaxHelpers.InvokedName(call) ?? "";
        return PreservingCalls.Contains(name) || name.StartsWith("To", StringComparison.Ordinal) && name.Length > 2 && char.IsUpper(name[2]);
    }

    private static readonly HashSet<string> PreservingCalls = new(StringComparer.Ordinal)
    {
        "Parse", "TryParse", "Trim", "TrimStart", "TrimEnd", "Map", "Adapt", "Format", "Concat", "Join", "Replace", "Substring",
        "Normalize", "GetValueOrDefault", "Combine", "nameof",
    };

    private static bool IsMemberName(IdentifierNameSyntax id) =>
        id.Parent is MemberAccessExpressionSyntax member && member.Name == id
        || id.Parent is NameColonSyntax or NameEqualsSyntax
        || id.Parent is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment && assignment.Left == id;

    // FastEndpoints binds HandleAsync's first parameter (the request DTO) from route, query and body.
    private static bool IsFastEndpointsRequest(CodeUnit handler, ParameterSyntax parameter) =>
        handler.Name == "HandleAsync" && handler.Parameters.Count > 0 && handler.Parameters[0] == parameter;
}
