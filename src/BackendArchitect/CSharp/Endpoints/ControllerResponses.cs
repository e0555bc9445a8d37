using System.Collections.Immutable;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// Declared responses of a controller action: [ProducesResponseType] on the action and its
/// controller (with typeof, generic or status-only forms), then the body type implied by the
/// return type (<c>ActionResult&lt;T&gt;</c>, <c>Task&lt;T&gt;</c>, a plain model type) as the 200 response.
/// </summary>
public static class ControllerResponses
{
    private static readonly HashSet<string> NoBody = new(StringComparer.Ordinal)
    {
        "void", "Task", "ValueTask", "IActionResult", "ActionResult", "IResult", "IConvertToActionResult", "object",
    };

    private static readonly HashSet<string> Wrappers = new(StringComparer.Ordinal) { "Task", "ValueTask", "ActionResult" };

    public static ImmutableArray<ResponseType> Read(CSharpCorpus corpus, ControllerClass controller, ControllerAction action)
    {
        var responses = new List<ResponseType>();
        foreach (var placed in action.Attributes.Concat(controller.Attributes))
        {
            if (placed.Name == "ProducesResponseType")
            {
                responses.Add(FromAttribute(corpus, placed.Attribute));
            }
        }

        var body = BodyType(action.Method.ReturnType);
        if (body is not null && !responses.Any(r => r.Status == 200))
        {
            responses.Add(new ResponseType(200, body));
        }

        return [.. responses.Distinct().OrderBy(r => r.Status ?? int.MaxValue).ThenBy(r => r.Type, StringComparer.Ordinal)];
    }

    private static ResponseType FromAttribute(CSharpCorpus corpus, AttributeSyntax attribute)
    {
        string? type = null;
        int? status = null;
        if (attribute.Name is GenericNameSyntax generic && generic.TypeArgumentList.Arguments.Count == 1)
        {
            type = generic.TypeArgumentList.Arguments[0].ToString();
        }

        foreach (var argument in SyntaxHelpers.PositionalArguments(attribute))
        {
            if (argument is TypeOfExpressionSyntax typeOf)
            {
                type = typeOf.Type.ToString();
            }
            else
            {
                status ??= StatusCode(corpus, argument);
            }
        }

        if (SyntaxHelpers.NamedArgument(attribute, "Type") is TypeOfExpressionSyntax namedType)
        {
            type = namedType.Type.ToString();
        }

        if (SyntaxHelpers.NamedArgument(attribute, "StatusCode") is { } namedStatus)
        {
            status = StatusCode(corpus, namedStatus);
        }

        return new ResponseType(status, type);
    }

    /// <summary>200, <c>StatusCodes.Status404NotFound</c>, <c>(int)HttpStatusCode.Created</c> or a constant.</summary>
    public static int? StatusCode(CSharpCorpus corpus, ExpressionSyntax expression)
    {
        while (expression is CastExpressionSyntax or ParenthesizedExpressionSyntax)
        {
            expression = expression is CastExpressionSyntax cast ? cast.Expression : ((ParenthesizedExpressionSyntax)expression).Expression;
        }

        if (expression is MemberAccessExpressionSyntax member)
        {
            var name = member.Name.Identifier.ValueText;
            if (name.StartsWith("Status", StringComparison.Ordinal) && name.Length >= 9 && int.TryParse(name.AsSpan(6, 3), out var fromName))
            {
                return fromName;
            }

            if (SyntaxHelpers.SimpleTypeName(member.Expression.ToString()) == "HttpStatusCode" && Enum.TryParse<System.Net.HttpStatusCode>(name, out var code))
            {
                return (int)code;
            }
        }

        return int.TryParse(corpus.Constants.Evaluate(expression), out var value) ? value : null;
    }

    /// <summary>The 200 body type a return type declares, or null for untyped results.</summary>
    public static string? BodyType(TypeSyntax returnType)
    {
        var type = returnType;
        while (type is GenericNameSyntax g && Wrappers.Contains(g.Identifier.ValueText) && g.TypeArgumentList.Arguments.Count == 1)
        {
            type = g.TypeArgumentList.Arguments[0];
        }

        if (type is QualifiedNameSyntax q)
        {
            return BodyType(q.Right);
        }

        var text = type.ToString();
        return NoBody.Contains(SyntaxHelpers.SimpleTypeName(text)) && type is not GenericNameSyntax ? null : text;
    }
}
