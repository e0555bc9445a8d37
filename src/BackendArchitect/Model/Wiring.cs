namespace BackendArchitect.Model;

/// <summary>One middleware in a service's pipeline, in the order it is added.</summary>
public sealed record Middleware(string Service, int Order, string Name, string File, int Line, string? Condition);

/// <summary>A dependency injection registration.</summary>
public sealed record Registration(string Service, string Lifetime, string ServiceType, string? ImplementationType, string File, int Line);

/// <summary>An authentication scheme added to a service (JwtBearer, Cookie, ...).</summary>
public sealed record AuthenticationScheme(string Service, string Name, string Handler, string File, int Line);

/// <summary>A named policy: authorization, cors or rate-limiter.</summary>
public sealed record NamedPolicy(string Service, string Kind, string Name, string? Detail, string File, int Line);

/// <summary>A health check registration or health endpoint mapping.</summary>
public sealed record HealthCheck(string Service, string Name, string? Detail, string File, int Line);

/// <summary>An outbound HttpClient registration: named or typed, with its base address when known.</summary>
public sealed record HttpDependency(string Service, string Name, string Kind, string? ClientType, string? BaseAddress, string File, int Line);

/// <summary>A message bus or queue the service talks to (MassTransit, RabbitMQ, Kafka, Azure Service Bus).</summary>
public sealed record MessageChannel(string Service, string Technology, string? Detail, string File, int Line);

/// <summary>A cache the service uses (Redis, IDistributedCache, IMemoryCache, output cache).</summary>
public sealed record Cache(string Service, string Technology, string? Detail, string File, int Line);
