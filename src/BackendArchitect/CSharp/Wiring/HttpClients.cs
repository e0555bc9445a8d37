using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Wiring;

/// <summary>
/// Outbound HTTP clients: named and typed <c>AddHttpClient</c> registrations and Refit clients, with
/// the base address (a literal, a constant or a configuration key) and the handlers chained on them
/// (resilience, Polly policies, delegating handlers).
/// </summary>
internal static class HttpClients
{
    public static bool Read(DocumentWiring w, InvocationExpressionSyntax invocation, string name)
    {
        if (name is not ("AddHttpClient" or "AddRefitClient"))
        {
            return false;
        }

        var typeArgs = SyntaxHelpers.TypeArguments(invocation);
        var args = WiringSyntax.Positional(invocation);
        var explicitName = WiringSyntax.Named(invocation, "name") ?? args.FirstOrDefault(a => a is not AnonymousFunctionExpressionSyntax);
        string kind;
        string clientName;
        string? clientType = null;
        if (name == "AddRefitClient")
        {
            if (typeArgs.Count == 0)
            {
                return true;
            }

            kind = "refit";
            clientType = WiringSyntax.TypeText(typeArgs[0]);
            clientName = SyntaxHelpers.SimpleTypeName(clientType);
        }
        else if (typeArgs.Count > 0)
        {
            kind = "typed";
            clientType = WiringSyntax.TypeText(typeArgs[^1]);
            clientName = (explicitName is null ? null : w.Constants.Evaluate(explicitName)) ?? SyntaxHelpers.SimpleTypeName(typeArgs[0].ToString());
        }
        else if (explicitName is not null)
        {
            kind = "named";
            clientName = NameText(w, explicitName);
        }
        else
        {
            // AddHttpClient() only registers IHttpClientFactory.
            return true;
        }

        var chained = WiringSyntax.ChainedCalls(invocation).ToArray();
        var baseAddress = BaseAddress(w, invocation.ArgumentList);
        var handlers = new List<string>();
        foreach (var call in chained)
        {
            var callName = SyntaxHelpers.InvokedName(call);
            if (callName == "ConfigureHttpClient")
            {
                baseAddress = BaseAddress(w, call.ArgumentList) ?? baseAddress;
            }
            else if (callName is not null && IsHandler(callName))
            {
                var handlerTypes = SyntaxHelpers.TypeArguments(call);
                handlers.Add(handlerTypes.Count == 1 ? $"{callName}<{WiringSyntax.TypeText(handlerTypes[0])}>" : callName);
            }
        }

        w.HttpClients.Add(new HttpDependency(w.ServiceOf(invocation), clientName, kind, clientType, baseAddress, w.Document.Path, w.Line(invocation), handlers));
        return true;
    }

    private static bool IsHandler(string name) =>
        name.EndsWith("Handler", StringComparison.Ordinal) && name.StartsWith("Add", StringComparison.Ordinal)
        || name is "AddPolicyHandler" or "AddTransientHttpErrorPolicy" or "AddPolicyHandlerFromRegistry" or "AddResilienceHandler" or "AddStandardResilienceHandler" or "AddStandardHedgingHandler";

    private static string NameText(DocumentWiring w, ExpressionSyntax expression) =>
        w.Constants.Evaluate(expression) ?? WiringSyntax.OneLine(expression.ToString());

    /// <summary>The value assigned to <c>BaseAddress</c> in a configure lambda: <c>new Uri("...")</c>, <c>new(config["Key"])</c>.</summary>
    private static string? BaseAddress(DocumentWiring w, SyntaxNode arguments)
    {
        foreach (var assignment in arguments.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            var target = assignment.Left is MemberAccessExpressionSyntax m ? m.Name.Identifier.ValueText : (assignment.Left as IdentifierNameSyntax)?.Identifier.ValueText;
            if (target != "BaseAddress")
            {
                continue;
            }

            var value = WiringSyntax.Unwrap(assignment.Right);
            if (value is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } creation)
            {
                value = creation.ArgumentList.Arguments[0].Expression;
            }

            return WiringSyntax.Value(value, w.Constants) ?? WiringSyntax.OneLine(value?.ToString() ?? "");
        }

        return null;
    }
}
