using System.Collections.Immutable;
using BackendArchitect.CSharp;
using BackendArchitect.Dataflow;
using BackendArchitect.Linking;
using BackendArchitect.Model;
using BackendArchitect.Workspace;

namespace BackendArchitect.Findings;

/// <summary>
/// What a review rule sees: the system model (endpoints with effective auth, wiring, data model, configuration),
/// the source it was read from (the parsed C#, the workspace's files, the shared syntax index) and the linker's
/// graph (each endpoint's handler, what it reaches, its data access and outbound calls), all read once per review;
/// and the request-data flows into injection sinks, computed once when the first rule asks.
/// </summary>
public sealed record CodeReviewContext(SystemModel Model, SyntaxReviewContext Source, LinkGraph Links)
{
    private readonly Lazy<ImmutableArray<TaintFlow>> flows = new(() => TaintEngine.Analyze(Source.Corpus, Links, Model), LazyThreadSafetyMode.ExecutionAndPublication);

    public CSharpCorpus Corpus => Source.Corpus;

    public WorkspaceSnapshot Workspace => Source.Workspace;

    /// <summary>Request-controlled values reaching injection sinks, one per sink and kind, sorted by place.</summary>
    public ImmutableArray<TaintFlow> Flows => flows.Value;

    /// <summary>The calls, creations, assignments and string literals of the corpus, shared with the syntax rules.</summary>
    public SyntaxIndex Syntax => Source.Syntax;
}
