using System.Collections.Immutable;
using BackendArchitect.CSharp;
using BackendArchitect.Dataflow;
using BackendArchitect.Model;
using BackendArchitect.Workspace;

namespace BackendArchitect.Findings;

/// <summary>
/// What a review rule sees: the system model (endpoints with effective auth, wiring, data model, configuration),
/// the parsed C# it was read from, and the workspace's files (views, configuration), all read once per review;
/// and the request-data flows into injection sinks, computed once when the first rule asks.
/// </summary>
public sealed record CodeReviewContext(SystemModel Model, CSharpCorpus Corpus, WorkspaceSnapshot Workspace)
{
    private readonly Lazy<ImmutableArray<TaintFlow>> flows = new(() => TaintEngine.Analyze(Corpus, Model), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Request-controlled values reaching injection sinks, one per sink and kind, sorted by place.</summary>
    public ImmutableArray<TaintFlow> Flows => flows.Value;
}
