using System.Collections.Immutable;
using BackendArchitect.Model;

namespace BackendArchitect.Dataflow;

/// <summary>
/// A request-controlled value reaching a sink: the sink's place and API, what the value came from, and the calls
/// it went through from the endpoint (each a place the rule shows as a related location).
/// </summary>
/// <param name="Sink">The call or assignment that uses the value, e.g. "FromSqlRaw".</param>
/// <param name="Source">What the caller controls, e.g. "query parameter 'q'".</param>
/// <param name="Endpoint">The endpoint whose handler the flow starts in.</param>
/// <param name="Steps">Call sites from the handler to the method holding the sink, outermost first.</param>
public sealed record TaintFlow(TaintKind Kind, SourceLocation Location, string Sink, string Source, Endpoint Endpoint, ImmutableArray<SourceLocation> Steps);
