using System.Collections.Immutable;
using BackendArchitect.CSharp;
using BackendArchitect.Dataflow;
using BackendArchitect.Linking;
using BackendArchitect.Model;
using BackendArchitect.Workspace;

namespace BackendArchitect.Findings;

/// <summary>
/// What a review rule sees: the system model (endpoints with effective auth, wiring, data model, configuration),
/// the parsed C# it was read from, the workspace's files (views, configuration) and the linker's graph (each
/// endpoint's handler, what it reaches, its data access and outbound calls), all read once per review; and the
/// request-data flows into injection sinks and the index of calls and assignments, computed once when the first rule asks.
/// </summary>
public sealed record CodeReviewContext(SystemModel Model, CSharpCorpus Corpus, WorkspaceSnapshot Workspace, LinkGraph Links)
{
    private readonly Lazy<ImmutableArray<TaintFlow>> flows = new(() => TaintEngine.Analyze(Corpus, Links, Model), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<SyntaxIndex> syntax = new(() => SyntaxIndex.Build(Corpus), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Request-controlled values reaching injection sinks, one per sink and kind, sorted by place.</summary>
    public ImmutableArray<TaintFlow> Flows => flows.Value;

    /// <summary>The calls, creations, assignments and string literals of the corpus, from one walk shared by the rules.</summary>
    public SyntaxIndex Syntax => syntax.Value;
}
