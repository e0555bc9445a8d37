using System.Collections.Immutable;

namespace BackendArchitect.Model;

/// <summary>
/// What an endpoint's handler reaches through the repository's own code: the methods it calls, the
/// data access and the outbound calls in them. Keyed to its endpoint by service, method, route and
/// the endpoint's file and line.
/// </summary>
public sealed record EndpointLink(
    string Service,
    string Method,
    string Route,
    string EndpointFile,
    int EndpointLine,
    LinkedHandler Handler,
    ImmutableArray<ReachedMethod> Methods,
    ImmutableArray<DataAccess> DataAccess,
    ImmutableArray<OutboundCall> Outbound);

/// <summary>The code that runs for an endpoint. Kind: method, local-function or lambda.</summary>
public sealed record LinkedHandler(string Kind, string Name, string File, int Line, int EndLine);

/// <summary>A method reached from a handler; Depth 1 is called by the handler itself.</summary>
public sealed record ReachedMethod(string Name, string File, int Line, int Depth);

/// <summary>
/// One database access in reached code. Kind: ef, dapper or ado. Api: the call that runs it
/// (ToListAsync, SaveChangesAsync, FromSqlRaw, QueryAsync, SqlCommand, CommandText). Bounded: whether a
/// read returns a bounded number of rows (null when not a read, or when the query is composed elsewhere
/// or its SQL is not known). Filters and OrderBy: entity property paths of Where/predicate and
/// OrderBy/ThenBy lambdas (OrderBy entries of descending orders end in " desc").
/// </summary>
public sealed record DataAccess(
    string Method,
    string Kind,
    string Api,
    bool Raw,
    string? Context,
    string? Entity,
    DataOperation Operation,
    bool? Bounded,
    ImmutableArray<string> Filters,
    ImmutableArray<string> OrderBy,
    string File,
    int Line,
    int Depth);

/// <summary>Whether a data access reads or writes; unknown for raw SQL whose text is not known.</summary>
public enum DataOperation
{
    Read,
    Write,
    Unknown,
}

/// <summary>
/// A call leaving the process from reached code. Kind: http (an HttpClient method), typed-client (a call
/// into a client registered with AddHttpClient or AddRefitClient), publish or send (a message bus).
/// Target: the client name or type for HTTP, the message type for messages ("unknown" when not read).
/// </summary>
public sealed record OutboundCall(string Method, string Kind, string Target, string Api, string File, int Line, int Depth);
