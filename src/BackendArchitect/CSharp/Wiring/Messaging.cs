using System.Collections.Frozen;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Wiring;

/// <summary>
/// Message brokers a service talks to: through MassTransit (per transport, with its consumers),
/// Wolverine, NServiceBus, Rebus, CAP, or a broker's own client (RabbitMQ.Client, Confluent.Kafka,
/// Azure.Messaging.ServiceBus, AWS SQS/SNS, Event Hubs) and Aspire client integrations.
/// In-process mediators (MediatR) are not brokers and are not listed.
/// </summary>
internal static class Messaging
{
    public const string RabbitMq = "RabbitMQ";
    public const string Kafka = "Kafka";
    public const string ServiceBus = "Azure Service Bus";
    public const string Sqs = "Amazon SQS";

    private static readonly FrozenDictionary<string, string> MassTransitTransports = new Dictionary<string, string>
    {
        ["UsingRabbitMq"] = RabbitMq,
        ["UsingAzureServiceBus"] = ServiceBus,
        ["UsingAmazonSqs"] = Sqs,
        ["UsingActiveMq"] = "ActiveMQ",
        ["UsingInMemory"] = "In-memory",
        ["UsingGrpc"] = "gRPC",
        ["UsingSqlServer"] = "SQL Server",
        ["UsingPostgres"] = "PostgreSQL",
        ["UsingKafka"] = Kafka,
        ["UsingEventHub"] = "Azure Event Hubs",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> WolverineTransports = new Dictionary<string, string>
    {
        ["UseRabbitMq"] = RabbitMq,
        ["UseRabbitMqUsingNamedConnection"] = RabbitMq,
        ["UseAzureServiceBus"] = ServiceBus,
        ["UseAzureServiceBusTesting"] = ServiceBus,
        ["UseAmazonSqsTransport"] = Sqs,
        ["UseKafka"] = Kafka,
        ["UsePulsar"] = "Pulsar",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Broker client types created with <c>new</c>, and the text a file must mention for the name to mean that client.</summary>
    private static readonly FrozenDictionary<string, (string Technology, string Detail, string Marker)> Clients = new Dictionary<string, (string, string, string)>
    {
        ["ConnectionFactory"] = (RabbitMq, "RabbitMQ.Client", "RabbitMQ"),
        ["ProducerBuilder"] = (Kafka, "producer", "Kafka"),
        ["ConsumerBuilder"] = (Kafka, "consumer", "Kafka"),
        ["ServiceBusClient"] = (ServiceBus, "ServiceBusClient", "ServiceBus"),
        ["AmazonSQSClient"] = (Sqs, "AmazonSQSClient", "SQS"),
        ["AmazonSimpleNotificationServiceClient"] = ("Amazon SNS", "AmazonSimpleNotificationServiceClient", "SimpleNotification"),
        ["EventHubProducerClient"] = ("Azure Event Hubs", "producer", "EventHubs"),
        ["EventHubConsumerClient"] = ("Azure Event Hubs", "consumer", "EventHubs"),
        ["EventProcessorClient"] = ("Azure Event Hubs", "processor", "EventHubs"),
        ["EndpointConfiguration"] = ("NServiceBus", "endpoint", "NServiceBus"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Calls that name a topic, queue or exchange: method, technology, the text a file must mention, what it does, the argument that names it.</summary>
    private static readonly FrozenDictionary<string, (string Technology, string Marker, string Action, string Parameter)> Destinations =
        new Dictionary<string, (string, string, string, string)>
        {
            ["ProduceAsync"] = (Kafka, "Confluent.Kafka", "produce", "topic"),
            ["Produce"] = (Kafka, "Confluent.Kafka", "produce", "topic"),
            ["Subscribe"] = (Kafka, "Confluent.Kafka", "subscribe", "topic"),
            ["CreateSender"] = (ServiceBus, "ServiceBus", "send", "queueOrTopicName"),
            ["CreateReceiver"] = (ServiceBus, "ServiceBus", "receive", "queueName"),
            ["CreateProcessor"] = (ServiceBus, "ServiceBus", "process", "queueName"),
            ["QueueDeclare"] = (RabbitMq, "RabbitMQ.Client", "queue", "queue"),
            ["QueueDeclareAsync"] = (RabbitMq, "RabbitMQ.Client", "queue", "queue"),
            ["ExchangeDeclare"] = (RabbitMq, "RabbitMQ.Client", "exchange", "exchange"),
            ["ExchangeDeclareAsync"] = (RabbitMq, "RabbitMQ.Client", "exchange", "exchange"),
            ["BasicPublish"] = (RabbitMq, "RabbitMQ.Client", "publish", "exchange"),
            ["BasicPublishAsync"] = (RabbitMq, "RabbitMQ.Client", "publish", "exchange"),
            ["BasicConsume"] = (RabbitMq, "RabbitMQ.Client", "consume", "queue"),
            ["BasicConsumeAsync"] = (RabbitMq, "RabbitMQ.Client", "consume", "queue"),
            ["ReceiveEndpoint"] = ("MassTransit", "MassTransit", "receive endpoint", "queueName"),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool Read(DocumentWiring w, InvocationExpressionSyntax invocation, string name)
    {
        if (Destinations.TryGetValue(name, out var destination))
        {
            return ReadDestination(w, invocation, destination);
        }

        switch (name)
        {
            case "AddMassTransit":
                ReadMassTransit(w, invocation);
                return true;
            case "UseWolverine" or "AddWolverine":
                ReadWolverine(w, invocation);
                return true;
            case "UseNServiceBus":
                Add(w, invocation, "NServiceBus", null);
                return true;
            case "AddRebus":
                Add(w, invocation, "Rebus", null);
                return true;
            case "AddCap" when w.Document.File.Text.Contains("DotNetCore.CAP", StringComparison.Ordinal):
                Add(w, invocation, "CAP", null);
                return true;
            case "AddServiceBusClient" or "AddServiceBusClientWithNamespace" or "AddAzureServiceBusClient":
                Add(w, invocation, ServiceBus, Connection(w, invocation));
                return true;
            case "AddKafkaProducer" or "AddKafkaConsumer":
                Add(w, invocation, Kafka, Join(name == "AddKafkaProducer" ? "producer" : "consumer", Connection(w, invocation)));
                return true;
            case "AddRabbitMQClient":
                Add(w, invocation, RabbitMq, Connection(w, invocation));
                return true;
            case "AddAWSService" when SyntaxHelpers.TypeArguments(invocation) is { Count: 1 } service:
                var type = service[0].ToString();
                if (type.EndsWith("IAmazonSQS", StringComparison.Ordinal))
                {
                    Add(w, invocation, Sqs, null);
                }
                else if (type.EndsWith("IAmazonSimpleNotificationService", StringComparison.Ordinal))
                {
                    Add(w, invocation, "Amazon SNS", null);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// A named topic, queue or exchange, listed only when its name is a constant or a configuration key:
    /// <c>producer.ProduceAsync("orders", ...)</c> gives Kafka "produce orders".
    /// </summary>
    private static bool ReadDestination(DocumentWiring w, InvocationExpressionSyntax invocation, (string Technology, string Marker, string Action, string Parameter) d)
    {
        if (!w.Document.File.Text.Contains(d.Marker, StringComparison.Ordinal))
        {
            return false;
        }

        var argument = WiringSyntax.Named(invocation, d.Parameter) ?? WiringSyntax.Positional(invocation).FirstOrDefault();
        if (argument is ImplicitArrayCreationExpressionSyntax or ArrayCreationExpressionSyntax or CollectionExpressionSyntax)
        {
            argument = argument.DescendantNodes().OfType<ExpressionSyntax>().FirstOrDefault(e => w.Constants.Evaluate(e) is not null);
        }

        if (WiringSyntax.Value(argument, w.Constants) is not { Length: > 0 } destination)
        {
            return false;
        }

        var technology = d.Technology;
        var action = d.Action;
        if (technology == "MassTransit")
        {
            var transport = invocation.Ancestors().OfType<InvocationExpressionSyntax>()
                .Select(SyntaxHelpers.InvokedName)
                .FirstOrDefault(n => n is not null && MassTransitTransports.ContainsKey(n));
            technology = transport is null ? technology : MassTransitTransports[transport];
            action = "MassTransit " + action;
        }

        Add(w, invocation, technology, $"{action} {destination}");
        return true;
    }

    /// <summary>A broker client created directly: <c>new ConnectionFactory { HostName = "rabbit" }</c>, <c>new ProducerBuilder&lt;K, V&gt;(config)</c>.</summary>
    public static void ReadCreation(DocumentWiring w, BaseObjectCreationExpressionSyntax creation)
    {
        if (creation is not ObjectCreationExpressionSyntax { Type: var typeSyntax })
        {
            return;
        }

        var type = WiringSyntax.RightmostName(typeSyntax);
        if (type is null || !Clients.TryGetValue(type, out var client) || !w.Document.File.Text.Contains(client.Marker, StringComparison.Ordinal))
        {
            return;
        }

        var detail = client.Detail;
        var first = creation.ArgumentList?.Arguments.FirstOrDefault()?.Expression;
        if (type == "EndpointConfiguration")
        {
            detail = w.Constants.Evaluate(first) is { } endpoint ? $"{detail} {endpoint}" : detail;
        }
        else if (type == "ConnectionFactory")
        {
            var host = creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
                .FirstOrDefault(a => a.Left.ToString() is "HostName" or "Uri");
            detail = Join(detail, host is null ? null : WiringSyntax.Value(host.Right, w.Constants) is { } value ? "host: " + value : null);
        }
        else if (type == "ServiceBusClient")
        {
            detail = Join(detail, WiringSyntax.ConfigKey(first, w.Constants));
        }

        w.Channels.Add(new MessageChannel(w.ServiceOf(creation), client.Technology, detail, w.Document.Path, w.Document.LineOf(creation)));
    }

    private static void ReadMassTransit(DocumentWiring w, InvocationExpressionSyntax invocation)
    {
        var consumers = new List<string>();
        var transports = new List<InvocationExpressionSyntax>();
        foreach (var call in invocation.ArgumentList.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            var name = SyntaxHelpers.InvokedName(call);
            var typeArgs = SyntaxHelpers.TypeArguments(call);
            if (name is null)
            {
                continue;
            }

            if (MassTransitTransports.ContainsKey(name))
            {
                transports.Add(call);
            }
            else if (name is "AddConsumer" or "AddSagaStateMachine" or "AddSaga" or "AddActivity" or "AddJobConsumer" && typeArgs.Count > 0)
            {
                consumers.Add(SyntaxHelpers.SimpleTypeName(typeArgs[0].ToString()));
            }
            else if (name.StartsWith("AddConsumers", StringComparison.Ordinal))
            {
                consumers.Add(typeArgs.Count > 0 ? $"{name}<{SyntaxHelpers.SimpleTypeName(typeArgs[0].ToString())}>" : name + "(...)");
            }
        }

        var consumerText = consumers.Count == 0 ? null : "consumers: " + string.Join(", ", consumers.Distinct(StringComparer.Ordinal));
        if (transports.Count == 0)
        {
            Add(w, invocation, "MassTransit", consumerText);
            return;
        }

        foreach (var transport in transports)
        {
            var rider = transport.Ancestors().OfType<InvocationExpressionSyntax>().Any(a => SyntaxHelpers.InvokedName(a) == "AddRider");
            var host = transport.ArgumentList.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .FirstOrDefault(c => SyntaxHelpers.InvokedName(c) == "Host");
            var hostText = host is null ? null : WiringSyntax.Value(host.ArgumentList.Arguments.FirstOrDefault()?.Expression, w.Constants);
            var detail = Join(rider ? "MassTransit rider" : "MassTransit", Join(consumerText, hostText is null ? null : "host: " + hostText));
            Add(w, transport, MassTransitTransports[SyntaxHelpers.InvokedName(transport)!], detail);
        }
    }

    private static void ReadWolverine(DocumentWiring w, InvocationExpressionSyntax invocation)
    {
        var transports = invocation.ArgumentList.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(c => SyntaxHelpers.InvokedName(c) is { } n && WolverineTransports.ContainsKey(n))
            .ToArray();
        if (transports.Length == 0)
        {
            Add(w, invocation, "Wolverine", null);
            return;
        }

        foreach (var transport in transports)
        {
            Add(w, transport, WolverineTransports[SyntaxHelpers.InvokedName(transport)!], "Wolverine");
        }
    }

    /// <summary>An Aspire connection name or a configured connection: "connection messaging", "config:ServiceBus".</summary>
    private static string? Connection(DocumentWiring w, InvocationExpressionSyntax invocation)
    {
        var first = WiringSyntax.Positional(invocation).FirstOrDefault(a => a is not AnonymousFunctionExpressionSyntax);
        if (first is null)
        {
            return null;
        }

        var config = WiringSyntax.ConfigKey(first, w.Constants);
        if (config is not null)
        {
            return config;
        }

        var constant = w.Constants.Evaluate(first);
        return constant is null ? null : Config.SecretMasker.LooksLikeConnectionString(constant) ? "connection string" : "connection " + constant;
    }

    private static string? Join(string? a, string? b) => a is null ? b : b is null ? a : a + "; " + b;

    private static void Add(DocumentWiring w, InvocationExpressionSyntax invocation, string technology, string? detail) =>
        w.Channels.Add(new MessageChannel(w.ServiceOf(invocation), technology, detail, w.Document.Path, w.Line(invocation)));
}
