using System.Collections.Concurrent;
using BackendArchitect.CSharp;
using Microsoft.CodeAnalysis;

namespace BackendArchitect.Dataflow;

/// <summary>
/// What one taint run shares across endpoints: the call resolver, member types, and a summary per repository
/// method, tainted-parameter shape and depth, so a helper that ten endpoints call is analysed once per shape.
/// Recursion ends at <see cref="MethodAnalyzer.MaxDepth"/>.
/// </summary>
internal sealed class TaintEngineContext(CSharpCorpus corpus)
{
    private readonly ConcurrentDictionary<(SyntaxNode Body, string Signature, int Depth), IReadOnlyList<SinkHit>> summaries = new();

    private readonly ConcurrentDictionary<(SyntaxNode Body, string Signature, int Depth), string?> returns = new();

    public CallResolver Calls { get; } = new(corpus);

    public MemberTypes Members { get; } = new(corpus);

    public IReadOnlyList<SinkHit> Summary(MethodEntry method, SyntaxNode body, TaintState state, int depth) =>
        summaries.GetOrAdd((body, state.Signature(), depth), _ => new MethodAnalyzer(this).Analyze(body, method.Document, state, depth));

    /// <summary>Where the text a method returns comes from for this tainted-parameter shape, computed once.</summary>
    public string? Returned(SyntaxNode body, TaintState state, int depth, Func<string?> compute) =>
        returns.GetOrAdd((body, state.Signature(), depth), _ => compute());
}
