using System.Collections.Immutable;
using BackendArchitect.CSharp;
using BackendArchitect.Linking;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Dataflow;

/// <summary>
/// Finds request-controlled values that reach injection sinks: for every endpoint, the parameters of its handler
/// (as the linker found it) bound from the route, query, body, headers or form, and the request itself read
/// anywhere, are followed through the handler and the repository methods it calls, to a bounded depth. One flow per sink and kind, from the first
/// endpoint (in model order) that reaches it.
/// </summary>
public static class TaintEngine
{
    private static readonly HashSet<string> RequestSourcesOfParameters = new(StringComparer.Ordinal) { "route", "query", "body", "header", "form", "parameters" };

    public static ImmutableArray<TaintFlow> Analyze(CSharpCorpus corpus, LinkGraph links, SystemModel model, CancellationToken cancellation = default)
    {
        var engine = new TaintEngineContext(corpus);
        var flows = new List<TaintFlow>[model.Endpoints.Length];
        Parallel.For(0, model.Endpoints.Length, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            var endpoint = model.Endpoints[i];
            flows[i] = [];
            if (links.For(endpoint)?.Handler is { Body: { } body } handler)
            {
                var document = handler.Document;
                var state = new TaintState();
                foreach (var parameter in handler.Parameters)
                {
                    Seed(state, endpoint, parameter);
                }

                foreach (var hit in new MethodAnalyzer(engine).Analyze(body, document, state, 0))
                {
                    flows[i].Add(new TaintFlow(hit.Kind, hit.Location, hit.Sink, hit.Source, endpoint, hit.Steps));
                }
            }
        });

        return [.. flows.SelectMany(f => f)
            .GroupBy(f => (f.Kind, f.Location))
            .Select(g => g.First())
            .OrderBy(f => f.Location.File, StringComparer.Ordinal)
            .ThenBy(f => f.Location.Line)
            .ThenBy(f => f.Location.Column)
            .ThenBy(f => f.Kind)];
    }

    /// <summary>Taints a handler parameter by how the endpoint binds it: text is text, a DTO or an upload is a request object.</summary>
    private static void Seed(TaintState state, Endpoint endpoint, ParameterSyntax parameter)
    {
        var name = parameter.Identifier.ValueText;
        var type = parameter.Type?.ToString() ?? "string";
        var bound = endpoint.Parameters.FirstOrDefault(p => p.Name == name);
        var source = bound?.Source;
        if (source is null && endpoint.Kind == EndpointKinds.FastEndpoints && !StringTypes.IsParsedValue(type))
        {
            // FastEndpoints hands HandleAsync its request DTO, bound from the route, query and body together.
            source = "body";
        }

        if (source is null || !RequestSourcesOfParameters.Contains(source) || StringTypes.IsParsedValue(type))
        {
            return;
        }

        var description = $"{source} parameter '{name}'";
        if (StringTypes.CarriesText(type))
        {
            state.Text[name] = description;
        }
        else
        {
            state.Objects[name] = (type, description);
        }
    }
}
