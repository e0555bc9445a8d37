using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>Reading a Map call's arguments: routes, overload matching, and arguments passed through mapping methods.</summary>
internal sealed partial class MinimalRouteWalker
{
    private string Route(ExpressionSyntax? expression, WalkContext context)
    {
        (expression, context, _) = Unbind(expression, context);
        if (expression is null)
        {
            return "";
        }

        var value = Text(expression, context, 0);
        if (value is not null)
        {
            return value;
        }

        var written = MinimalAuthReader.Shorten(expression.ToString());
        if (MinimalReflectionGroups.IsDispatcher(corpus, expression))
        {
            // The reflection dispatcher's own prefix is resolved per group type, where it is used.
            return written;
        }

        diagnostics.Add(new Diagnostic(context.Document.Path, context.Document.LineOf(expression), $"route '{written}' is not a constant; reported as written"));
        return written;
    }

    /// <summary>A string parameter never takes a lambda and other parameters never take a string: how overloads of one name are told apart.</summary>
    private bool Compatible(ParameterSyntax parameter, ExpressionSyntax argument)
    {
        var type = SyntaxHelpers.SimpleTypeName(parameter.Type?.ToString() ?? "");
        if (type is "string" or "object" or "")
        {
            return argument is not AnonymousFunctionExpressionSyntax;
        }

        if (type is "int" or "long" or "short" or "byte" or "uint" or "ulong" or "double" or "float" or "decimal" or "bool" or "char")
        {
            return true;
        }

        return argument is not (LiteralExpressionSyntax or InterpolatedStringExpressionSyntax) && corpus.Constants.Evaluate(argument) is null;
    }

    /// <summary>
    /// Follows a parameter of a mapping method back to the argument its caller passed, through any
    /// number of calls; returns the expression, the context it belongs to and the outermost call site.
    /// </summary>
    private static (ExpressionSyntax? Expression, WalkContext Context, InvocationExpressionSyntax? CallSite) Unbind(ExpressionSyntax? expression, WalkContext context)
    {
        InvocationExpressionSyntax? site = null;
        for (var hops = 0; hops <= MaxCallDepth && expression is IdentifierNameSyntax identifier && context.Env.GetValueOrDefault(identifier.Identifier.ValueText) is BoundArgument bound; hops++)
        {
            (expression, context, site) = (bound.Expression, bound.Context, bound.CallSite);
        }

        return (expression, context, site);
    }

    private static SyntaxToken NameToken(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier,
        SimpleNameSyntax s => s.Identifier,
        _ => invocation.GetFirstToken(),
    };

    /// <summary>
    /// A route's text: constants, and beyond them the pieces a mapping method builds from what its
    /// caller passed (<c>$"/api/{group.GetType().Name}"</c> with <c>this</c>, locals, interpolation, concatenation).
    /// </summary>
    private string? Text(ExpressionSyntax expression, WalkContext context, int depth)
    {
        (var unbound, context, _) = Unbind(expression, context);
        expression = unbound!;
        if (depth > 8)
        {
            return null;
        }

        if (corpus.Constants.Evaluate(expression) is { } constant)
        {
            return constant;
        }

        switch (expression)
        {
            case InterpolatedStringExpressionSyntax interpolated:
                return ConstantResolver.Interpolate(interpolated, hole => Text(hole, context, depth + 1));
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return Text(binary.Left, context, depth + 1) is { } left && Text(binary.Right, context, depth + 1) is { } right ? left + right : null;
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Name", Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetType" } getType } }:
                // x.GetType().Name where x is the caller's `this`: the class that mapped itself.
                var (owner, _, _) = Unbind(getType.Expression, context);
                return owner is ThisExpressionSyntax && SyntaxHelpers.ContainingType(owner) is { } type ? type.Identifier.ValueText : null;
            case IdentifierNameSyntax local:
                var declarator = local.Ancestors().OfType<BlockSyntax>()
                    .SelectMany(b => b.Statements.OfType<LocalDeclarationStatementSyntax>())
                    .SelectMany(d => d.Declaration.Variables)
                    .FirstOrDefault(v => v.Identifier.ValueText == local.Identifier.ValueText && v.SpanStart < local.SpanStart);
                return declarator?.Initializer is { } initializer ? Text(initializer.Value, context, depth + 1) : null;
            default:
                return null;
        }
    }

    private static ExpressionSyntax? Argument(InvocationExpressionSyntax invocation, int position, string name)
    {
        var arguments = invocation.ArgumentList.Arguments;
        var named = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == name);
        if (named is not null)
        {
            return named.Expression;
        }

        return position < arguments.Count && arguments[position].NameColon is null ? arguments[position].Expression : null;
    }
}
