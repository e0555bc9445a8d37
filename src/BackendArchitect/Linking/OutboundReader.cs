using BackendArchitect.CSharp;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Linking;

/// <summary>
/// Calls that leave the process from a unit: HttpClient requests and message bus publishes and sends.
/// MediatR's IMediator.Publish stays in the process and is not one of them.
/// </summary>
internal static class OutboundReader
{
    private static readonly HashSet<string> HttpCalls = new(StringComparer.Ordinal)
    {
        "GetAsync", "PostAsync", "PutAsync", "PatchAsync", "DeleteAsync", "SendAsync", "Send",
        "GetStringAsync", "GetStreamAsync", "GetByteArrayAsync",
        "GetFromJsonAsync", "GetFromJsonAsAsyncEnumerable", "PostAsJsonAsync", "PutAsJsonAsync", "PatchAsJsonAsync", "DeleteFromJsonAsync",
    };

    /// <summary>HttpClient extension methods no repository method is likely to share a name with.</summary>
    private static readonly HashSet<string> JsonHttpCalls = new(StringComparer.Ordinal)
    {
        "GetFromJsonAsync", "GetFromJsonAsAsyncEnumerable", "PostAsJsonAsync", "PutAsJsonAsync", "PatchAsJsonAsync", "DeleteFromJsonAsync",
    };

    private static readonly HashSet<string> BusTypes = new(StringComparer.Ordinal)
    {
        "IPublishEndpoint", "IBus", "IBusControl", "ISendEndpoint", "ISendEndpointProvider", "ConsumeContext", "IMessageSession",
        "IEndpointInstance", "IMessageHandlerContext", "ICapPublisher", "ServiceBusSender", "IProducer", "ITopicProducer",
    };

    private static readonly HashSet<string> BusCalls = new(StringComparer.Ordinal)
    {
        "Publish", "PublishAsync", "Send", "SendAsync", "SendMessageAsync", "SendMessagesAsync", "ScheduleSend", "SchedulePublish",
        "Produce", "ProduceAsync", "PublishBatch",
    };

    /// <summary>The outbound call an invocation makes, if any.</summary>
    public static OutboundSite? At(UnitScope scope, InvocationExpressionSyntax invocation)
    {
        Invocations.IsNamed(invocation, out var name, out var receiver);
        if (receiver is null)
        {
            return null;
        }

        if (HttpCalls.Contains(name) && HttpTarget(scope, receiver, name) is { } client)
        {
            return Site(scope, invocation, "http", client, name);
        }

        if (BusCalls.Contains(name) && IsBus(scope, receiver))
        {
            var kind = name.Contains("Publish", StringComparison.Ordinal) ? "publish" : "send";
            return Site(scope, invocation, kind, MessageType(scope, invocation) ?? "unknown", name);
        }

        return null;
    }

    /// <summary>The client an HttpClient call goes through, or null when the receiver is not an HttpClient.</summary>
    private static string? HttpTarget(UnitScope scope, ExpressionSyntax receiver, string name)
    {
        if (receiver is InvocationExpressionSyntax made && SyntaxHelpers.InvokedName(made) == "CreateClient")
        {
            return NamedClient(scope, made);
        }

        var declared = scope.Receiver(receiver);
        if (declared?.Type == "HttpClient")
        {
            return OwnClient(scope);
        }

        if (declared is { Type: null, Initializer: { } initializer } && Unwrapped(initializer) is InvocationExpressionSyntax factory && SyntaxHelpers.InvokedName(factory) == "CreateClient")
        {
            return NamedClient(scope, factory);
        }

        return declared?.Type is null && JsonHttpCalls.Contains(name) ? OwnClient(scope) : null;
    }

    /// <summary>A typed client's HttpClient is the client itself.</summary>
    private static string OwnClient(UnitScope scope) =>
        scope.Unit.TypeName is { } type && scope.Index.TypedClients.TryGetValue(SyntaxHelpers.SimpleTypeName(type), out var client) ? client : "HttpClient";

    private static string NamedClient(UnitScope scope, InvocationExpressionSyntax createClient) =>
        createClient.ArgumentList.Arguments.Count > 0 && scope.Index.Corpus.Constants.Evaluate(createClient.ArgumentList.Arguments[0].Expression) is { } named
            ? named
            : "HttpClient";

    private static bool IsBus(UnitScope scope, ExpressionSyntax receiver)
    {
        var declared = scope.Receiver(receiver);
        if (declared?.Type is { } type)
        {
            return BusTypes.Contains(type);
        }

        // var endpoint = await provider.GetSendEndpoint(uri);
        return declared?.Initializer is { } initializer && Unwrapped(initializer) is InvocationExpressionSyntax made
            && SyntaxHelpers.InvokedName(made) is "GetSendEndpoint" or "GetPublishSendEndpoint";
    }

    private static string? MessageType(UnitScope scope, InvocationExpressionSyntax invocation)
    {
        if (SyntaxHelpers.TypeArguments(invocation) is [var explicitType, ..])
        {
            return TypeNames.Simple(explicitType);
        }

        return invocation.ArgumentList.Arguments.Count > 0 ? scope.ValueType(invocation.ArgumentList.Arguments[0].Expression) : null;
    }

    private static ExpressionSyntax Unwrapped(ExpressionSyntax expression) => expression switch
    {
        AwaitExpressionSyntax awaited => Unwrapped(awaited.Expression),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: var inner } } => Unwrapped(inner),
        _ => expression,
    };

    private static OutboundSite Site(UnitScope scope, InvocationExpressionSyntax invocation, string kind, string target, string api) =>
        new(new OutboundCall(scope.Unit.QualifiedName, kind, target, api, scope.Document.Path, scope.Line(invocation), 0), invocation, scope.Document);
}
