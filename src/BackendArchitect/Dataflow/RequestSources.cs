using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Dataflow;

/// <summary>
/// Expressions whose value the caller of an endpoint controls without any parameter: the request's query, form,
/// headers, cookies, route values and path, read through HttpRequest or HttpContext.Request. The body is a stream
/// (reading it is parsing, and a StreamReader over it opens no file), so it is not one of them.
/// </summary>
internal static class RequestSources
{
    private static readonly HashSet<string> Collections = new(StringComparer.Ordinal)
    {
        "Query", "Form", "Headers", "Cookies", "RouteValues", "QueryString", "Path", "PathBase", "ContentType", "Host",
    };

    /// <summary>"Request.Query[\"q\"]" when the expression reads request data directly, else null.</summary>
    public static string? Describe(ExpressionSyntax expression)
    {
        var member = expression switch
        {
            ElementAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax m } => m,
            MemberAccessExpressionSyntax m => m,
            _ => null,
        };
        if (member is null || !Collections.Contains(member.Name.Identifier.ValueText) || !IsRequest(member.Expression))
        {
            return null;
        }

        return expression.ToString();
    }

    /// <summary>Request, HttpContext.Request, context.Request, this.Request.</summary>
    public static bool IsRequest(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax { Identifier.ValueText: "Request" or "request" or "httpRequest" } => true,
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Request" } => true,
        _ => false,
    };
}
