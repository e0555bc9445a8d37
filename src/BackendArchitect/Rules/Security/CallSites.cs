using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>Where to report a call: a fluent chain starts lines before the call it is about.</summary>
internal static class CallSites
{
    /// <summary>The method name of <c>x.Method(...)</c>, or the whole call when it has no receiver.</summary>
    public static SyntaxNode NameOf(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax member ? member.Name : invocation;
}
