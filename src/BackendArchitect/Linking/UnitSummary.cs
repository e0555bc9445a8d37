using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Linking;

/// <summary>
/// A call read from a unit, still to be resolved for a service: <see cref="Type"/>.<see cref="Method"/>
/// (an interface goes to its implementations), or a local function already found.
/// </summary>
internal sealed record PendingCall(string? Type, string Method, int Arguments, CodeUnit? Local, InvocationExpressionSyntax Site);

/// <summary>What one unit does on its own: its calls, data access and outbound calls. Read once per unit and shared by endpoints.</summary>
internal sealed record UnitSummary(ImmutableArray<PendingCall> Calls, ImmutableArray<DataAccessSite> DataAccess, ImmutableArray<OutboundSite> Outbound);
