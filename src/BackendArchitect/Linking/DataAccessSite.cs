using BackendArchitect.CSharp;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;

namespace BackendArchitect.Linking;

/// <summary>A data access fact with the syntax it was read from (the chain's outermost call, or the raw SQL call).</summary>
public sealed record DataAccessSite(DataAccess Fact, SyntaxNode Node, CSharpDocument Document);

/// <summary>An outbound call fact with the invocation it was read from.</summary>
public sealed record OutboundSite(OutboundCall Fact, SyntaxNode Node, CSharpDocument Document);
