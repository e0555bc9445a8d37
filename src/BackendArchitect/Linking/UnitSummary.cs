using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Linking;

/// <summary>
/// A call read from a unit, still to be resolved for a service: <see cref="Type"/>.<see cref="Method"/>
/// (an interface goes to its implementations), or a local function already found.
/// </summary>
internal sealed record PendingCall(string? Type, string Method, int Arguments, CodeUnit? Local, InvocationExpressionSyntax Site)
{
    /// <summary>
    /// The last service's resolution: endpoints walk the same calls again and again, and a scan has few
    /// services, so this spares the shared cache's lookups. Replaced as a whole, so racing walks only redo work.
    /// </summary>
    internal ServiceResolution? Cached { get; set; }
}

/// <summary>A resolution for one service, replaced as one reference.</summary>
internal sealed record ServiceResolution(string Service, Resolution Resolution);

/// <summary>
/// What one unit does on its own: its calls, data access and outbound calls, and whether it belongs to a
/// typed client. Read once per unit and shared by endpoints.
/// </summary>
internal sealed record UnitSummary(ImmutableArray<PendingCall> Calls, ImmutableArray<DataAccessSite> DataAccess, ImmutableArray<OutboundSite> Outbound, bool InClient);
