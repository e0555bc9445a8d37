using System.Collections.Immutable;

namespace BackendArchitect.Model;

/// <summary>One HTTP (or hub/gRPC) entry point with one method and its effective route.</summary>
public sealed record Endpoint(
    string Service,
    string Kind,
    string Method,
    string Route,
    string Handler,
    string File,
    int Line,
    AuthRequirement Auth,
    ImmutableArray<Parameter> Parameters,
    ImmutableArray<ResponseType> Responses,
    string? Condition)
{
    /// <summary>The API versions it serves (Asp.Versioning's <c>HasApiVersion</c>/<c>MapToApiVersion</c>), sorted; empty when unversioned.</summary>
    public ImmutableArray<string> ApiVersions { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public SourceLocation Location => new(File, Line);
}

/// <summary>Endpoint kinds, as written in the JSON contract.</summary>
public static class EndpointKinds
{
    public const string Controller = "controller";
    public const string Minimal = "minimal";
    public const string RazorPage = "razor-page";
    public const string BlazorPage = "blazor-page";
    public const string Hub = "hub";
    public const string Grpc = "grpc";
    public const string FastEndpoints = "fastendpoints";
    public const string Proxy = "proxy";
}

/// <summary>Where a handler parameter is bound from: route, query, body, header, form or services.</summary>
public sealed record Parameter(string Name, string Source, string Type);

/// <summary>A declared response: status code (null when not stated) and body type.</summary>
public sealed record ResponseType(int? Status, string? Type);
