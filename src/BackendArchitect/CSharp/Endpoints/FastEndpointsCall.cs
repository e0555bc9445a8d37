using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// One configuration call of a FastEndpoints endpoint (<c>Get("/orders")</c>, <c>Roles("Admin")</c>),
/// written in Configure(), a group's configuration lambda or the global configurator.
/// </summary>
public sealed record FastEndpointsCall(string Name, InvocationExpressionSyntax Invocation, CSharpDocument Document)
{
    public IReadOnlyList<ExpressionSyntax> Arguments => [.. Invocation.ArgumentList.Arguments.Select(a => a.Expression)];

    /// <summary>Line of the method name, where the endpoint is reported.</summary>
    public int Line => Document.LineOf(Invocation.Expression switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier,
        SimpleNameSyntax s => s.Identifier,
        _ => Invocation.GetFirstToken(),
    });

    /// <summary>
    /// The calls in a body, in source order: with <paramref name="receiver"/> null the endpoint's own
    /// calls (<c>Get(...)</c>, <c>this.Roles(...)</c>, <c>base.Configure()</c>); otherwise calls on that lambda parameter.
    /// </summary>
    public static IEnumerable<FastEndpointsCall> On(CSharpDocument doc, SyntaxNode body, string? receiver) =>
        body.DescendantNodesAndSelf()
            .OfType<InvocationExpressionSyntax>()
            .Where(i => receiver is null
                ? i.Expression is SimpleNameSyntax || i.Expression is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax }
                : i.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax r } && r.Identifier.ValueText == receiver)
            .OrderBy(i => i.SpanStart)
            .Select(i => new FastEndpointsCall(SyntaxHelpers.InvokedName(i) ?? "", i, doc));

    /// <summary>Whether the call is <c>base.X()</c>.</summary>
    public bool IsOnBase => Invocation.Expression is MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax };
}
