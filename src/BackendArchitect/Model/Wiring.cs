namespace BackendArchitect.Model;

/// <summary>One middleware in a service's pipeline, in the order it is added.</summary>
/// <param name="Detail">The constant arguments of the call when it has any (UseCors("web") gives "web").</param>
public sealed record Middleware(string Service, int Order, string Name, string File, int Line, string? Condition, string? Detail = null);

/// <summary>A dependency injection registration.</summary>
public sealed record Registration(string Service, string Lifetime, string ServiceType, string? ImplementationType, string File, int Line);

/// <summary>An authentication scheme added to a service (JwtBearer, Cookie, ...).</summary>
public sealed record AuthenticationScheme(string Service, string Name, string Handler, string File, int Line);

/// <summary>A named policy: authorization, cors or rate-limiter.</summary>
public sealed record NamedPolicy(string Service, string Kind, string Name, string? Detail, string File, int Line);

/// <summary>A health check registration or health endpoint mapping.</summary>
public sealed record HealthCheck(string Service, string Name, string? Detail, string File, int Line);

/// <summary>An outbound HttpClient registration: named or typed, with its base address when known.</summary>
/// <param name="Handlers">Handlers chained on the client builder (AddStandardResilienceHandler, AddPolicyHandler...); null when not read.</param>
public sealed record HttpDependency(string Service, string Name, string Kind, string? ClientType, string? BaseAddress, string File, int Line, IReadOnlyList<string>? Handlers = null);

/// <summary>A message bus or queue the service talks to (MassTransit, RabbitMQ, Kafka, Azure Service Bus).</summary>
public sealed record MessageChannel(string Service, string Technology, string? Detail, string File, int Line);

/// <summary>A cache the service uses (Redis, IDistributedCache, IMemoryCache, output cache).</summary>
public sealed record Cache(string Service, string Technology, string? Detail, string File, int Line);
