using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// Asp.Versioning's <c>HasApiVersion(1, 0)</c>, <c>HasApiVersion(2.0)</c>, <c>HasApiVersion(new ApiVersion(1, 0))</c> and
/// <c>MapToApiVersion("2.0")</c> as version text, so the same route mapped in two version sets reads as two endpoints.
/// </summary>
internal static class ApiVersionText
{
    /// <summary>Adds the call's version to the group or endpoints it configures.</summary>
    public static void Apply(object? target, InvocationExpressionSyntax invocation, ConstantResolver constants)
    {
        if (Read(invocation.ArgumentList, constants) is not { } version)
        {
            return;
        }

        switch (target)
        {
            case MinimalGroup { IsRoot: false } group:
                group.ApiVersions.Add(version);
                break;
            case List<PendingEndpoint> endpoints:
                endpoints.ForEach(e => e.ApiVersions.Add(version));
                break;
        }
    }

    /// <summary>Major and minor numbers, a double, a string, or an ApiVersion creation; written as it is when not constant.</summary>
    private static string? Read(ArgumentListSyntax? list, ConstantResolver constants)
    {
        var arguments = list?.Arguments.Select(a => a.Expression).ToArray() ?? [];
        switch (arguments)
        {
            case [LiteralExpressionSyntax { Token.Value: int major }, LiteralExpressionSyntax { Token.Value: int minor }, ..]:
                return $"{major}.{minor}";
            case [LiteralExpressionSyntax { Token.Value: int major }]:
                return $"{major}.0";
            case [LiteralExpressionSyntax { Token.Value: double number } literal]:
                return literal.Token.Text.Contains('.', StringComparison.Ordinal) ? literal.Token.Text.TrimEnd('d', 'D') : number.ToString("0.0", CultureInfo.InvariantCulture);
            case [BaseObjectCreationExpressionSyntax creation]:
                return Read(creation.ArgumentList, constants);
            case [var single]:
                return constants.Evaluate(single) ?? (single.IsKind(SyntaxKind.StringLiteralExpression) ? null : Wiring.WiringSyntax.OneLine(single.ToString()));
            default:
                return null;
        }
    }
}
