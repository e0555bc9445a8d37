using System.Globalization;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>What a minimal API handler says about itself: its name, parameters, attributes and results.</summary>
/// <param name="Name">"lambda" for lambdas and anonymous methods, "Type.Method" for method groups, the expression otherwise.</param>
internal sealed record MinimalHandler(string Name, ParameterListSyntax? Parameters, IReadOnlyList<AuthMetadata> Auth, IReadOnlyList<ResponseType> Responses);

/// <summary>
/// Resolves the handler argument of MapGet/MapPost/...: a lambda (with its attributes and declared
/// return type) or a method group found in the containing type, a local function, or a type found
/// by name across the corpus.
/// </summary>
internal sealed class MinimalHandlers(CSharpCorpus corpus, MinimalAuthReader auth)
{
    /// <summary>Typed results (and Results/TypedResults factory methods) and the status code each one produces.</summary>
    private static readonly Dictionary<string, int> ResultStatus = new(StringComparer.Ordinal)
    {
        ["Ok"] = 200,
        ["JsonHttpResult"] = 200,
        ["Json"] = 200,
        ["Created"] = 201,
        ["CreatedAtRoute"] = 201,
        ["Accepted"] = 202,
        ["AcceptedAtRoute"] = 202,
        ["NoContent"] = 204,
        ["BadRequest"] = 400,
        ["ValidationProblem"] = 400,
        ["UnauthorizedHttpResult"] = 401,
        ["Unauthorized"] = 401,
        ["ForbidHttpResult"] = 403,
        ["Forbid"] = 403,
        ["NotFound"] = 404,
        ["Conflict"] = 409,
        ["UnprocessableEntity"] = 422,
    };

    private static readonly HashSet<string> UntypedReturns = new(StringComparer.Ordinal)
    {
        "void", "Task", "ValueTask", "IResult", "IActionResult", "ActionResult", "object", "dynamic", "Delegate", "RequestDelegate",
    };

    public MinimalHandler Read(ExpressionSyntax? handler, CSharpDocument document)
    {
        switch (handler)
        {
            case null:
                return new MinimalHandler("lambda", null, [], []);
            case ParenthesizedLambdaExpressionSyntax lambda:
                return new MinimalHandler(
                    "lambda",
                    lambda.ParameterList.Parameters.Count == 1 && lambda.ParameterList.Parameters[0].Type is null
                        ? RequestDelegateParameters(lambda.ParameterList.Parameters[0])
                        : lambda.ParameterList,
                    [.. auth.FromAttributes(lambda.AttributeLists, "lambda", document)],
                    lambda.ReturnType is not null ? FromReturnType(lambda.ReturnType) : FromBody(lambda));
            case SimpleLambdaExpressionSyntax simple:
                return new MinimalHandler(
                    "lambda",
                    simple.Parameter.Type is null ? RequestDelegateParameters(simple.Parameter) : SyntaxFactory.ParameterList(SyntaxFactory.SingletonSeparatedList(simple.Parameter)),
                    [.. auth.FromAttributes(simple.AttributeLists, "lambda", document)],
                    FromBody(simple));
            case AnonymousMethodExpressionSyntax anonymous:
                return new MinimalHandler("lambda", anonymous.ParameterList, [], FromBody(anonymous));
        }

        var method = FindMethod(handler, document);
        if (method is null)
        {
            return new MinimalHandler(MinimalAuthReader.Shorten(handler.ToString()), null, [], []);
        }

        var (declaration, owner, methodDocument) = method.Value;
        var name = owner + "." + Identifier(declaration).ValueText;
        var (attributes, parameters, returnType, body) = declaration switch
        {
            MethodDeclarationSyntax m => (m.AttributeLists, m.ParameterList, m.ReturnType, (SyntaxNode?)m.Body ?? m.ExpressionBody),
            LocalFunctionStatementSyntax l => (l.AttributeLists, l.ParameterList, l.ReturnType, (SyntaxNode?)l.Body ?? l.ExpressionBody),
            _ => (default(SyntaxList<AttributeListSyntax>), null, null, null),
        };
        var responses = returnType is null ? [] : FromReturnType(returnType);
        return new MinimalHandler(
            name,
            parameters,
            [.. auth.FromAttributes(attributes, name, methodDocument)],
            responses.Count == 0 && returnType is not null && IsUntypedResult(returnType) ? ResultFactories(body) : responses);
    }

    /// <summary>
    /// <c>Map(pattern, handler)</c> maps an endpoint for every method; <c>Map(path, branch =&gt; ...)</c> on an
    /// application builder branches the middleware pipeline instead, and AutoMapper's Map is neither.
    /// </summary>
    public static bool IsEndpointMap(InvocationExpressionSyntax invocation, CSharpCorpus corpus)
    {
        var arguments = invocation.ArgumentList.Arguments;
        if (arguments.Count != 2 || corpus.Constants.Evaluate(arguments[0].Expression) is null)
        {
            return false;
        }

        return arguments[1].Expression switch
        {
            ParenthesizedLambdaExpressionSyntax lambda => !lambda.ParameterList.Parameters.Any(p => p.Type is { } t && SyntaxHelpers.SimpleTypeName(t.ToString()) == "IApplicationBuilder"),
            SimpleLambdaExpressionSyntax simple => !simple.Body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(call =>
                SyntaxHelpers.Receiver(call) is IdentifierNameSyntax receiver
                && receiver.Identifier.ValueText == simple.Parameter.Identifier.ValueText
                && SyntaxHelpers.InvokedName(call) is { } called
                && (called.StartsWith("Use", StringComparison.Ordinal) || called.StartsWith("Map", StringComparison.Ordinal) || called is "Run")),
            _ => false,
        };
    }

    /// <summary>Responses declared by Produces&lt;T&gt;(), Produces(404), ProducesProblem(500), ProducesValidationProblem().</summary>
    public static IEnumerable<ResponseType> FromConvention(InvocationExpressionSyntax invocation, string name, ConstantResolver constants)
    {
        var arguments = invocation.ArgumentList.Arguments;
        var status = StatusCode(arguments.FirstOrDefault(a => a.NameColon is null || a.NameColon.Name.Identifier.ValueText == "statusCode")?.Expression, constants);
        switch (name)
        {
            case "Produces":
                var typeArgument = SyntaxHelpers.TypeArguments(invocation).FirstOrDefault()?.ToString()
                    ?? arguments.Select(a => a.Expression).OfType<TypeOfExpressionSyntax>().FirstOrDefault()?.Type.ToString();
                yield return new ResponseType(status ?? 200, typeArgument);
                break;
            case "ProducesProblem":
                yield return new ResponseType(status ?? 500, "ProblemDetails");
                break;
            case "ProducesValidationProblem":
                yield return new ResponseType(status ?? 400, "HttpValidationProblemDetails");
                break;
        }
    }

    /// <summary>The status of a literal, a constant or a <c>StatusCodes.Status404NotFound</c> name.</summary>
    internal static int? StatusCode(ExpressionSyntax? expression, ConstantResolver constants)
    {
        if (expression is null)
        {
            return null;
        }

        if (expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var member } && member.StartsWith("Status", StringComparison.Ordinal))
        {
            var digits = new string([.. member.Skip("Status".Length).TakeWhile(char.IsAsciiDigit)]);
            return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null;
        }

        return int.TryParse(constants.Evaluate(expression), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>Responses of a declared return type: <c>Results&lt;Ok&lt;T&gt;, NotFound&gt;</c>, one typed result, or a plain body type.</summary>
    internal static IReadOnlyList<ResponseType> FromReturnType(TypeSyntax type)
    {
        var unwrapped = Unwrap(type);
        if (unwrapped is GenericNameSyntax { Identifier.ValueText: "Results" } results)
        {
            return [.. results.TypeArgumentList.Arguments.Select(TypedResult).OfType<ResponseType>()];
        }

        if (TypedResult(unwrapped) is { } typed)
        {
            return [typed];
        }

        var simple = SyntaxHelpers.SimpleTypeName(unwrapped.ToString());
        if (UntypedReturns.Contains(simple) || simple.EndsWith("HttpResult", StringComparison.Ordinal) || (unwrapped is not GenericNameSyntax && simple.EndsWith("Result", StringComparison.Ordinal)))
        {
            return [];
        }

        return [new ResponseType(200, unwrapped.ToString())];
    }

    /// <summary>IResult or Task&lt;IResult&gt;: the statuses can only be read from the body.</summary>
    private static bool IsUntypedResult(TypeSyntax type) => SyntaxHelpers.SimpleTypeName(Unwrap(type).ToString()) is "IResult";

    private static TypeSyntax Unwrap(TypeSyntax type)
    {
        var t = type is QualifiedNameSyntax q ? q.Right : type;
        return t is GenericNameSyntax { Identifier.ValueText: "Task" or "ValueTask" or "ActionResult" } g && g.TypeArgumentList.Arguments.Count == 1
            ? Unwrap(g.TypeArgumentList.Arguments[0])
            : t;
    }

    private static ResponseType? TypedResult(TypeSyntax type)
    {
        var t = type is QualifiedNameSyntax q ? q.Right : type;
        var (name, body) = t switch
        {
            GenericNameSyntax g => (g.Identifier.ValueText, g.TypeArgumentList.Arguments.FirstOrDefault()?.ToString()),
            IdentifierNameSyntax i => (i.Identifier.ValueText, null),
            _ => ("", null),
        };
        if (name == "ValidationProblem")
        {
            return new ResponseType(400, "HttpValidationProblemDetails");
        }

        return ResultStatus.TryGetValue(name, out var status) ? new ResponseType(status, body) : null;
    }

    /// <summary>A lambda without a declared return type: the Results/TypedResults factories it calls, or a literal or new object it returns.</summary>
    private static IReadOnlyList<ResponseType> FromBody(AnonymousFunctionExpressionSyntax lambda)
    {
        var result = ResultFactories(lambda.Body);
        if (result.Count == 0)
        {
            switch (lambda.ExpressionBody)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                case InterpolatedStringExpressionSyntax:
                    result.Add(new ResponseType(200, "string"));
                    break;
                case ObjectCreationExpressionSyntax creation:
                    result.Add(new ResponseType(200, creation.Type.ToString()));
                    break;
            }
        }

        return result;
    }

    /// <summary>The statuses of the Results.X()/TypedResults.X() factories a body calls.</summary>
    private static List<ResponseType> ResultFactories(SyntaxNode? body)
    {
        var result = new List<ResponseType>();
        foreach (var call in body?.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>() ?? [])
        {
            if (call.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Results" or "TypedResults" }, Name.Identifier.ValueText: var factory }
                && ResultStatus.TryGetValue(factory, out var status))
            {
                result.Add(new ResponseType(status, factory == "ValidationProblem" ? "HttpValidationProblemDetails" : null));
            }
        }

        return result;
    }

    /// <summary>The method a method-group handler names, the type name to report it under, and its document.</summary>
    private (SyntaxNode Declaration, string Owner, CSharpDocument Document)? FindMethod(ExpressionSyntax handler, CSharpDocument document)
    {
        switch (handler)
        {
            case IdentifierNameSyntax identifier:
                var name = identifier.Identifier.ValueText;
                if (SyntaxHelpers.ContainingType(handler) is { } containing)
                {
                    var owner = SyntaxHelpers.QualifiedName(containing);
                    foreach (var entry in corpus.FindType(containing.Identifier.ValueText).Where(e => SyntaxHelpers.QualifiedName(e.Declaration) == owner))
                    {
                        if (entry.Declaration is TypeDeclarationSyntax type && type.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Identifier.ValueText == name) is { } m)
                        {
                            return (m, owner, entry.Document);
                        }
                    }
                }

                var local = handler.Ancestors().OfType<BlockSyntax>()
                    .SelectMany(b => b.Statements.OfType<LocalFunctionStatementSyntax>())
                    .Concat(document.Root is CompilationUnitSyntax unit ? unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).OfType<LocalFunctionStatementSyntax>() : [])
                    .FirstOrDefault(l => l.Identifier.ValueText == name);
                if (local is not null)
                {
                    var owner = SyntaxHelpers.ContainingType(local) is { } t ? SyntaxHelpers.QualifiedName(t) : "Program";
                    return (local, owner, document);
                }

                return null;
            case MemberAccessExpressionSyntax member:
                var typeName = SyntaxHelpers.SimpleTypeName(member.Expression.ToString());
                var methodName = member.Name.Identifier.ValueText;
                foreach (var entry in corpus.FindType(typeName))
                {
                    if (entry.Declaration is TypeDeclarationSyntax type && type.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Identifier.ValueText == methodName) is { } m)
                    {
                        return (m, SyntaxHelpers.QualifiedName(type), entry.Document);
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>A lambda with one untyped parameter is a RequestDelegate: the parameter is the HttpContext.</summary>
    private static ParameterListSyntax RequestDelegateParameters(ParameterSyntax parameter) =>
        SyntaxFactory.ParameterList(SyntaxFactory.SingletonSeparatedList(parameter.WithType(SyntaxFactory.ParseTypeName("HttpContext"))));

    private static SyntaxToken Identifier(SyntaxNode declaration) => declaration switch
    {
        MethodDeclarationSyntax m => m.Identifier,
        LocalFunctionStatementSyntax l => l.Identifier,
        _ => default,
    };
}
