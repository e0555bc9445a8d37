using System.Buffers;
using System.Collections.Immutable;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Wiring;

/// <summary>Middleware order, DI registrations, auth schemes, policies, health checks, HttpClients, buses and caches.</summary>
public static class WiringReader
{
    /// <summary>Text a document must contain for any reader to find something in it; most files have none.</summary>
    private static readonly SearchValues<string> Markers = SearchValues.Create(
        [
            "AddScoped", "AddTransient", "AddSingleton", "TryAdd", "AddKeyed", "ServiceDescriptor", "AddHostedService", "DbContext",
            "AddAuthentication", "AuthenticationBuilder", "AddJwtBearer", "AddCookie", "AddOpenIdConnect", "AddMicrosoftIdentity", "AddScheme",
            "AddNegotiate", "AddIdentity", "AddDefaultIdentity", "AddPolicy", "AddDefaultPolicy", "AddBasePolicy", "FallbackPolicy",
            "DefaultPolicy", "Limiter", "UseCors", "HealthCheck", "AddCheck", "AddHttpClient", "AddRefitClient", "MassTransit",
            "Wolverine", "NServiceBus", "AddRebus", "AddCap", "ServiceBus", "Kafka", "RabbitMQ", "ConnectionFactory", "AmazonSQS",
            "SimpleNotification", "AddAWSService", "EventHub", "EventProcessorClient", "Cache", "ConnectionMultiplexer",
        ],
        StringComparison.Ordinal);

    public static WiringFacts Read(CSharpCorpus corpus, ICollection<Diagnostic> diagnostics)
    {
        var documents = Filter(corpus.Documents, Markers);
        var schemeExtensions = SchemeExtensions.Build(documents);
        var own = ServiceAttribution.OwnDocuments(corpus);
        var perDocument = new DocumentWiring[documents.Length];
        Parallel.For(0, documents.Length, i =>
        {
            var doc = documents[i];
            var w = new DocumentWiring(corpus, doc, own, schemeExtensions);
            try
            {
                ReadDocument(w);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or InvalidCastException or IndexOutOfRangeException or NullReferenceException)
            {
                w.Diagnostics.Add(new Diagnostic(doc.Path, 1, $"wiring not read from this file after an unexpected shape ({e.GetType().Name})"));
            }

            perDocument[i] = w;
        });

        var pipelineMethods = PipelineMethods.Build(corpus.Documents);
        var middleware = new List<Middleware>();
        foreach (var service in corpus.Services.Services)
        {
            try
            {
                middleware.AddRange(MiddlewarePipeline.Read(corpus, pipelineMethods, service));
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or InvalidCastException or IndexOutOfRangeException or NullReferenceException)
            {
                diagnostics.Add(new Diagnostic(service.EntryPoint?.File ?? service.Path, 1, $"middleware pipeline of {service.Name} not read after an unexpected shape ({e.GetType().Name})"));
            }
        }

        foreach (var d in perDocument.SelectMany(w => w.Diagnostics))
        {
            diagnostics.Add(d);
        }

        var pending = ServiceAttribution.PendingMethods(perDocument.SelectMany(w => w.Services()));
        var attribution = ServiceAttribution.Build(corpus, own, pending);
        ImmutableArray<T> Attributed<T>(Func<DocumentWiring, List<T>> facts, Func<T, string> service, Func<T, string, T> withService) =>
            [.. perDocument.SelectMany(facts).SelectMany(x => attribution.Expand(service(x)).Select(s => withService(x, s)))];

        return new WiringFacts(
            [.. middleware],
            Attributed(w => w.Registrations, x => x.Service, (x, s) => x with { Service = s }),
            Attributed(w => w.Schemes, x => x.Service, (x, s) => x with { Service = s }),
            Attributed(w => w.Policies, x => x.Service, (x, s) => x with { Service = s }),
            Attributed(w => w.HealthChecks, x => x.Service, (x, s) => x with { Service = s }),
            Attributed(w => w.HttpClients, x => x.Service, (x, s) => x with { Service = s }),
            Attributed(w => w.Channels, x => x.Service, (x, s) => x with { Service = s }),
            Attributed(w => w.Caches, x => x.Service, (x, s) => x with { Service = s }));
    }

    /// <summary>The documents whose text contains any of the strings, in corpus order; searched in parallel.</summary>
    internal static CSharpDocument[] Filter(IReadOnlyList<CSharpDocument> documents, SearchValues<string> markers)
    {
        var keep = new bool[documents.Count];
        Parallel.For(0, documents.Count, i => keep[i] = documents[i].File.Text.AsSpan().ContainsAny(markers));
        return documents.Where((_, i) => keep[i]).ToArray();
    }

    /// <summary>One walk over a document's tree; each call is offered to the readers until one claims it.</summary>
    private static void ReadDocument(DocumentWiring w)
    {
        var text = w.Document.File.Text;
        var cacheUsers = Caches.Abstractions.Any(a => text.Contains(a, StringComparison.Ordinal));
        foreach (var node in w.Document.Root.DescendantNodes())
        {
            switch (node)
            {
                case InvocationExpressionSyntax invocation when SyntaxHelpers.InvokedName(invocation) is { } name:
                    _ = DiRegistrations.Read(w, invocation, name)
                        || AuthenticationSchemes.Read(w, invocation, name)
                        || PolicyReader.Read(w, invocation, name)
                        || HealthChecks.Read(w, invocation, name)
                        || HttpClients.Read(w, invocation, name)
                        || Messaging.Read(w, invocation, name)
                        || Caches.Read(w, invocation, name);
                    break;
                case BaseObjectCreationExpressionSyntax creation:
                    Messaging.ReadCreation(w, creation);
                    break;
                case ParameterSyntax parameter when cacheUsers:
                    Caches.ReadParameter(w, parameter);
                    break;
            }
        }
    }
}
