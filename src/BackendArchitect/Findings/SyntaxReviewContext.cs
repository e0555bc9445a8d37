using BackendArchitect.CSharp;
using BackendArchitect.Workspace;

namespace BackendArchitect.Findings;

/// <summary>
/// What a rule that reads only source sees: the parsed C#, the workspace's files and the index of calls and
/// assignments, built once when the first rule asks. It exists as soon as the C# is parsed, before the scan reads
/// endpoints, wiring or links, so the rules that need no more run beside the scan's later phases.
/// </summary>
public sealed class SyntaxReviewContext(CSharpCorpus corpus, WorkspaceSnapshot workspace)
{
    private readonly Lazy<SyntaxIndex> syntax = new(() => SyntaxIndex.Build(corpus), LazyThreadSafetyMode.ExecutionAndPublication);

    public CSharpCorpus Corpus => corpus;

    public WorkspaceSnapshot Workspace => workspace;

    /// <summary>The calls, creations, assignments and string literals of the corpus, from one walk shared by the rules.</summary>
    public SyntaxIndex Syntax => syntax.Value;
}
