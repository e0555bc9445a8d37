using BackendArchitect.CSharp;
using BackendArchitect.Model;
using BackendArchitect.Workspace;

namespace BackendArchitect.Findings;

/// <summary>
/// What a review rule sees: the system model (endpoints with effective auth, wiring, data model, configuration),
/// the parsed C# it was read from, and the workspace's files (views, configuration), all read once per review.
/// </summary>
public sealed record CodeReviewContext(SystemModel Model, CSharpCorpus Corpus, WorkspaceSnapshot Workspace);
