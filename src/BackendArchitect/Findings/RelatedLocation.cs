using BackendArchitect.Model;

namespace BackendArchitect.Findings;

/// <summary>
/// Another place a finding is about: the endpoint that reaches a query, the table it reads, the setting
/// that makes it unsafe. Message says what the place is ("endpoint POST /orders").
/// </summary>
public sealed record RelatedLocation(SourceLocation Location, string Message);
