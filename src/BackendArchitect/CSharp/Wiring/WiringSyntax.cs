using BackendArchitect.Config;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Wiring;

/// <summary>Syntax shapes that startup code is written in: fluent chains, option lambdas, configuration look-ups.</summary>
internal static class WiringSyntax
{
    /// <summary>The invocations of a fluent chain below this one: <c>a.X().Y().Z()</c> seen from Z gives Y, X.</summary>
    public static IEnumerable<InvocationExpressionSyntax> ReceiverCalls(InvocationExpressionSyntax invocation)
    {
        for (var r = Unwrap(SyntaxHelpers.Receiver(invocation)); r is InvocationExpressionSyntax inner; r = Unwrap(SyntaxHelpers.Receiver(inner)))
        {
            yield return inner;
        }
    }

    /// <summary>The invocations chained after this one: <c>a.X().Y().Z()</c> seen from X gives Y, Z.</summary>
    public static IEnumerable<InvocationExpressionSyntax> ChainedCalls(InvocationExpressionSyntax invocation)
    {
        SyntaxNode current = invocation;
        while (current.Parent is MemberAccessExpressionSyntax member && member.Expression == current && member.Parent is InvocationExpressionSyntax outer)
        {
            yield return outer;
            current = outer;
        }
    }

    /// <summary>The identifier a chain starts from (<c>app</c> in <c>app.UseA().UseB()</c>), or null.</summary>
    public static IdentifierNameSyntax? ChainRoot(InvocationExpressionSyntax invocation)
    {
        var r = Unwrap(SyntaxHelpers.Receiver(invocation));
        while (true)
        {
            switch (r)
            {
                case InvocationExpressionSyntax inner:
                    r = Unwrap(SyntaxHelpers.Receiver(inner));
                    break;
                case MemberAccessExpressionSyntax member:
                    r = Unwrap(member.Expression);
                    break;
                case IdentifierNameSyntax identifier:
                    return identifier;
                default:
                    return null;
            }
        }
    }

    /// <summary>True when the chain below the call holds a call with one of the names, or starts at a builder variable of one of the types.</summary>
    public static bool IsOnBuilder(InvocationExpressionSyntax invocation, IReadOnlySet<string> chainNames, IReadOnlySet<string> builderTypes)
    {
        foreach (var call in ReceiverCalls(invocation))
        {
            if (SyntaxHelpers.InvokedName(call) is { } n && chainNames.Contains(n))
            {
                return true;
            }
        }

        var receiver = Unwrap(SyntaxHelpers.Receiver(invocation));
        while (receiver is InvocationExpressionSyntax inner)
        {
            receiver = Unwrap(SyntaxHelpers.Receiver(inner));
        }

        if (receiver is not IdentifierNameSyntax identifier)
        {
            return false;
        }

        var (type, initializer) = Declaration(identifier);
        if (type is not null && builderTypes.Contains(SyntaxHelpers.SimpleTypeName(type)))
        {
            return true;
        }

        return initializer is InvocationExpressionSyntax init
            && (SyntaxHelpers.InvokedName(init) is { } name && chainNames.Contains(name) || ReceiverCalls(init).Any(c => SyntaxHelpers.InvokedName(c) is { } cn && chainNames.Contains(cn)));
    }

    /// <summary>The declared type and initializer of a parameter or local a name refers to, searched outward from the use.</summary>
    public static (string? Type, ExpressionSyntax? Initializer) Declaration(IdentifierNameSyntax identifier)
    {
        var name = identifier.Identifier.ValueText;
        for (var node = identifier.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case SimpleLambdaExpressionSyntax simple when simple.Parameter.Identifier.ValueText == name:
                    return (simple.Parameter.Type?.ToString(), null);
                case ParenthesizedLambdaExpressionSyntax lambda when lambda.ParameterList.Parameters.FirstOrDefault(p => p.Identifier.ValueText == name) is { } lp:
                    return (lp.Type?.ToString(), null);
                case BaseMethodDeclarationSyntax method when method.ParameterList.Parameters.FirstOrDefault(p => p.Identifier.ValueText == name) is { } mp:
                    return (mp.Type?.ToString(), null);
                case LocalFunctionStatementSyntax local when local.ParameterList.Parameters.FirstOrDefault(p => p.Identifier.ValueText == name) is { } fp:
                    return (fp.Type?.ToString(), null);
                case BlockSyntax block when LocalIn(block.Statements, name) is { } found:
                    return found;
                case CompilationUnitSyntax unit when LocalIn(unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement), name) is { } top:
                    return top;
            }
        }

        return (null, null);
    }

    private static (string? Type, ExpressionSyntax? Initializer)? LocalIn(IEnumerable<StatementSyntax> statements, string name)
    {
        foreach (var statement in statements)
        {
            if (statement is LocalDeclarationStatementSyntax local)
            {
                foreach (var v in local.Declaration.Variables)
                {
                    if (v.Identifier.ValueText == name)
                    {
                        var type = local.Declaration.Type.IsVar ? null : local.Declaration.Type.ToString();
                        return (type, v.Initializer?.Value);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The rightmost simple name of a type or member access ("Redis" in <c>StackExchange.Redis</c>), without rendering text.</summary>
    public static string? RightmostName(SyntaxNode? node) => node switch
    {
        SimpleNameSyntax s => s.Identifier.ValueText,
        QualifiedNameSyntax q => q.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        NullableTypeSyntax n => RightmostName(n.ElementType),
        _ => null,
    };

    public static ExpressionSyntax? Unwrap(ExpressionSyntax? expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax p:
                    expression = p.Expression;
                    break;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang:
                    expression = bang.Operand;
                    break;
                case AwaitExpressionSyntax a:
                    expression = a.Expression;
                    break;
                default:
                    return expression;
            }
        }
    }

    /// <summary>Positional (not named) argument expressions.</summary>
    public static IReadOnlyList<ExpressionSyntax> Positional(InvocationExpressionSyntax invocation) =>
        invocation.ArgumentList.Arguments.Where(a => a.NameColon is null).Select(a => a.Expression).ToArray();

    public static ExpressionSyntax? Named(InvocationExpressionSyntax invocation, string name) =>
        invocation.ArgumentList.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == name)?.Expression;

    /// <summary>The first lambda among the arguments.</summary>
    public static AnonymousFunctionExpressionSyntax? FirstLambda(InvocationExpressionSyntax invocation) =>
        invocation.ArgumentList.Arguments.Select(a => a.Expression).OfType<AnonymousFunctionExpressionSyntax>().FirstOrDefault();

    /// <summary>The type of a <c>new T(...)</c> a factory lambda or instance argument produces, when obvious.</summary>
    public static string? CreatedType(ExpressionSyntax? expression)
    {
        expression = Unwrap(expression);
        if (expression is AnonymousFunctionExpressionSyntax lambda)
        {
            expression = lambda.ExpressionBody
                ?? (lambda.Block?.Statements.OfType<ReturnStatementSyntax>().LastOrDefault()?.Expression);
            expression = Unwrap(expression);
        }

        return expression is ObjectCreationExpressionSyntax creation ? TypeText(creation.Type) : null;
    }

    /// <summary>A type as written, without spaces ("Dictionary&lt;string, int&gt;" becomes "Dictionary&lt;string,int&gt;").</summary>
    public static string TypeText(TypeSyntax type) => type.ToString().Replace(" ", "", StringComparison.Ordinal);

    /// <summary>
    /// The configuration key an expression reads (<c>config["A:B"]</c>, <c>GetConnectionString("X")</c>,
    /// <c>GetValue&lt;T&gt;("K")</c>, <c>GetSection("S")</c>, environment variables) as "config:KEY" or "env:NAME".
    /// </summary>
    public static string? ConfigKey(SyntaxNode? expression, ConstantResolver constants)
    {
        if (expression is null)
        {
            return null;
        }

        foreach (var node in expression.DescendantNodesAndSelf(n => n is not AnonymousFunctionExpressionSyntax))
        {
            switch (node)
            {
                case ElementAccessExpressionSyntax access when access.ArgumentList.Arguments.Count == 1
                    && constants.Evaluate(access.ArgumentList.Arguments[0].Expression) is { } key
                    && LooksLikeConfiguration(access.Expression):
                    var prefix = access.Expression is InvocationExpressionSyntax section ? SectionKey(section, constants) : null;
                    return "config:" + (prefix is null ? key : prefix + ":" + key);
                case InvocationExpressionSyntax call:
                    var name = SyntaxHelpers.InvokedName(call);
                    var first = call.ArgumentList.Arguments.FirstOrDefault()?.Expression;
                    if (name == "GetConnectionString" && constants.Evaluate(first) is { } cs)
                    {
                        return "config:ConnectionStrings:" + cs;
                    }

                    if (name == "GetEnvironmentVariable" && constants.Evaluate(first) is { } env)
                    {
                        return "env:" + env;
                    }

                    if (name is "GetValue" or "GetSection" or "GetRequiredSection" && constants.Evaluate(first) is { } k)
                    {
                        var parent = SyntaxHelpers.Receiver(call) is InvocationExpressionSyntax outer ? SectionKey(outer, constants) : null;
                        return "config:" + (parent is null ? k : parent + ":" + k);
                    }

                    break;
            }
        }

        return null;
    }

    private static string? SectionKey(InvocationExpressionSyntax call, ConstantResolver constants) =>
        SyntaxHelpers.InvokedName(call) is "GetSection" or "GetRequiredSection"
            ? constants.Evaluate(call.ArgumentList.Arguments.FirstOrDefault()?.Expression)
            : null;

    private static bool LooksLikeConfiguration(ExpressionSyntax receiver)
    {
        var text = receiver is InvocationExpressionSyntax call ? (SyntaxHelpers.InvokedName(call) ?? "") : receiver.ToString();
        return text.Contains("onfig", StringComparison.Ordinal) || text is "GetSection" or "GetRequiredSection";
    }

    /// <summary>A value a reviewer can read: a constant (masked when it looks like a connection string or credential URL), else a configuration key, else null.</summary>
    public static string? Value(ExpressionSyntax? expression, ConstantResolver constants)
    {
        var constant = constants.Evaluate(expression);
        if (constant is not null)
        {
            return SecretMasker.MaskValue("value", constant);
        }

        return ConfigKey(expression, constants);
    }

    /// <summary>A short rendering of an argument: its value when known, else its text on one line.</summary>
    public static string ArgumentText(ExpressionSyntax expression, ConstantResolver constants)
    {
        if (expression is AnonymousFunctionExpressionSyntax)
        {
            return "...";
        }

        return Value(expression, constants) ?? OneLine(expression.ToString());
    }

    public static string OneLine(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>The 1-based line of the method name of a call (where facts about it are reported).</summary>
    public static int NameLine(CSharpDocument document, InvocationExpressionSyntax invocation) => document.LineOf(NameNode(invocation));

    public static SyntaxNode NameNode(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax m ? m.Name : invocation.Expression;
}
