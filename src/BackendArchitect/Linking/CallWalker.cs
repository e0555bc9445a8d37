using System.Collections.Concurrent;
using System.Collections.Immutable;
using BackendArchitect.CSharp;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Linking;

/// <summary>
/// Follows calls from a handler breadth first, so each method is reached at its shortest depth, up to
/// <see cref="MaxDepth"/> calls deep and <see cref="MaxMethods"/> methods. Unit summaries are read once
/// and shared by every endpoint that reaches the unit.
/// </summary>
internal sealed class CallWalker(LinkIndex index, CallResolver resolver)
{
    public const int MaxDepth = 5;
    public const int MaxMethods = 200;

    private readonly ConcurrentDictionary<SyntaxNode, UnitSummary> summaries = new();

    /// <summary>What one walk found, and whether a bound cut it short.</summary>
    public sealed record Walk(LinkedEndpoint Linked, bool DepthBound, bool MethodBound);

    public Walk Follow(Endpoint endpoint, CodeUnit handler)
    {
        var visited = new HashSet<CodeUnit> { handler };
        var reached = new List<ReachedUnit>();
        var data = new List<DataAccessSite>();
        var outbound = new List<OutboundSite>();
        var queue = new Queue<ReachedUnit>([new ReachedUnit(handler, 0)]);
        bool depthBound = false, methodBound = false;
        while (queue.TryDequeue(out var current))
        {
            var summary = Summary(current.Unit);
            data.AddRange(summary.DataAccess.Select(d => d with { Fact = d.Fact with { Depth = current.Depth } }));
            outbound.AddRange(summary.Outbound.Select(o => o with { Fact = o.Fact with { Depth = current.Depth } }));
            foreach (var call in summary.Calls)
            {
                var resolution = resolver.Resolve(call, endpoint.Service);

                // A client's calls to its own helpers are not calls into it.
                if (resolution.Client is { } client && !summary.InClient)
                {
                    var fact = new OutboundCall(current.Unit.QualifiedName, "typed-client", client, call.Method, current.Unit.Document.Path, current.Unit.Document.LineOf(call.Site), current.Depth);
                    outbound.Add(new OutboundSite(fact, call.Site, current.Unit.Document));
                }

                foreach (var target in resolution.Targets)
                {
                    if (visited.Contains(target))
                    {
                        continue;
                    }

                    if (current.Depth == MaxDepth)
                    {
                        depthBound = true;
                        break;
                    }

                    if (reached.Count >= MaxMethods)
                    {
                        methodBound = true;
                        break;
                    }

                    visited.Add(target);
                    var next = new ReachedUnit(target, current.Depth + 1);
                    reached.Add(next);
                    queue.Enqueue(next);
                }
            }
        }

        var linked = new LinkedEndpoint(
            endpoint,
            handler,
            [.. reached.OrderBy(r => r.Depth).ThenBy(r => r.Unit.QualifiedName, StringComparer.Ordinal).ThenBy(r => r.Unit.Document.Path, StringComparer.Ordinal).ThenBy(r => r.Unit.Line)],
            [.. data.DistinctBy(d => d.Fact).OrderBy(d => d.Fact.File, StringComparer.Ordinal).ThenBy(d => d.Fact.Line).ThenBy(d => d.Fact.Api, StringComparer.Ordinal).ThenBy(d => d.Fact.Entity, StringComparer.Ordinal).ThenBy(d => d.Node.SpanStart)],
            [.. outbound.DistinctBy(o => o.Fact).OrderBy(o => o.Fact.File, StringComparer.Ordinal).ThenBy(o => o.Fact.Line).ThenBy(o => o.Fact.Kind, StringComparer.Ordinal).ThenBy(o => o.Fact.Target, StringComparer.Ordinal).ThenBy(o => o.Node.SpanStart)]);
        return new Walk(linked, depthBound, methodBound);
    }

    private UnitSummary Summary(CodeUnit unit) => summaries.GetOrAdd(unit.Node, _ => Read(unit));

    private UnitSummary Read(CodeUnit unit)
    {
        if (unit.Body is not { } body)
        {
            return new UnitSummary([], [], [], false);
        }

        // One pass over the unit's nodes for all four readers.
        var scope = new UnitScope(unit, index);
        var calls = ImmutableArray.CreateBuilder<PendingCall>();
        var data = ImmutableArray.CreateBuilder<DataAccessSite>();
        var outbound = ImmutableArray.CreateBuilder<OutboundSite>();
        foreach (var node in body.DescendantNodesAndSelf())
        {
            if (node is InvocationExpressionSyntax invocation)
            {
                calls.AddRange(CallReader.At(scope, invocation));
                if (OutboundReader.At(scope, invocation) is { } call)
                {
                    outbound.Add(call);
                }
            }

            if (EfAccessReader.At(scope, node) is { } ef)
            {
                data.Add(ef);
            }
            else if (RawSqlReader.At(scope, node) is { } raw)
            {
                data.Add(raw);
            }
        }

        var inClient = scope.OwnType is { } own && index.TypedClients.ContainsKey(own);
        return new UnitSummary(calls.ToImmutable(), data.ToImmutable(), outbound.ToImmutable(), inClient);
    }
}
