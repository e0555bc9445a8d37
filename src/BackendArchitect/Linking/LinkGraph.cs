using System.Collections.Immutable;
using BackendArchitect.Model;

namespace BackendArchitect.Linking;

/// <summary>
/// The linked endpoints of one scan, for review rules: each endpoint's handler syntax, the methods it
/// reaches and the data access and outbound calls in them, each with the syntax it was read from.
/// </summary>
public sealed class LinkGraph
{
    private readonly Dictionary<EndpointKey, LinkedEndpoint> byEndpoint;

    internal LinkGraph(ImmutableArray<LinkedEndpoint> endpoints)
    {
        Endpoints = endpoints;
        byEndpoint = endpoints.GroupBy(e => EndpointKey.Of(e.Endpoint)).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>Every endpoint whose handler was found, in the model's endpoint order.</summary>
    public ImmutableArray<LinkedEndpoint> Endpoints { get; }

    /// <summary>The links of an endpoint of the model, or null when its handler was not found.</summary>
    public LinkedEndpoint? For(Endpoint endpoint) => byEndpoint.GetValueOrDefault(EndpointKey.Of(endpoint));

    /// <summary>The serializable facts, one per linked endpoint.</summary>
    public ImmutableArray<EndpointLink> ToModel() => [.. Endpoints.Select(e => e.ToModel())];

    /// <summary>Endpoints are matched by what identifies them, not by instance: auth passes make new records.</summary>
    private readonly record struct EndpointKey(string Service, string Method, string Route, string Handler, string File, int Line)
    {
        public static EndpointKey Of(Endpoint e) => new(e.Service, e.Method, e.Route, e.Handler, e.File, e.Line);
    }
}

/// <summary>One endpoint with its handler and what the handler reaches.</summary>
/// <param name="Methods">Methods reached from the handler (not the handler itself), nearest first.</param>
public sealed record LinkedEndpoint(
    Endpoint Endpoint,
    CodeUnit Handler,
    ImmutableArray<ReachedUnit> Methods,
    ImmutableArray<DataAccessSite> DataAccess,
    ImmutableArray<OutboundSite> Outbound)
{
    public EndpointLink ToModel() => new(
        Endpoint.Service,
        Endpoint.Method,
        Endpoint.Route,
        Endpoint.File,
        Endpoint.Line,
        new LinkedHandler(Handler.Kind, Handler.QualifiedName, Handler.Document.Path, Handler.Line, Handler.EndLine),
        [.. Methods.Select(m => new ReachedMethod(m.Unit.QualifiedName, m.Unit.Document.Path, m.Unit.Line, m.Depth))],
        [.. DataAccess.Select(d => d.Fact)],
        [.. Outbound.Select(o => o.Fact)]);
}

/// <summary>A unit reached from a handler, at its shortest call depth.</summary>
public sealed record ReachedUnit(CodeUnit Unit, int Depth);
