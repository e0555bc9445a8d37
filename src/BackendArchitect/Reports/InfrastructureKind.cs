namespace BackendArchitect.Reports;

/// <summary>What a container image is by its name: a database, a cache, a message broker, or something else.</summary>
public enum InfrastructureKind
{
    Other,
    Database,
    Cache,
    Broker,
}

/// <summary>Classifies well-known infrastructure images ("postgres:16", "mcr.microsoft.com/mssql/server", "redis:7").</summary>
public static class InfrastructureKinds
{
    private static readonly string[] Databases =
    [
        "postgres", "postgis", "timescale", "mysql", "mariadb", "mssql", "sqlserver", "azure-sql-edge", "mongo",
        "cassandra", "scylla", "cockroach", "couchdb", "couchbase", "oracle", "neo4j", "clickhouse", "cosmosdb",
        "elasticsearch", "opensearch", "ravendb", "surrealdb", "influxdb", "dynamodb",
    ];

    private static readonly string[] Caches = ["redis", "valkey", "memcached", "garnet", "keydb", "dragonfly"];

    private static readonly string[] Brokers =
    [
        "rabbitmq", "kafka", "redpanda", "nats", "activemq", "artemis", "pulsar", "servicebus", "zookeeper", "eventstore", "mosquitto",
    ];

    public static InfrastructureKind Of(string? image)
    {
        if (string.IsNullOrEmpty(image))
        {
            return InfrastructureKind.Other;
        }

        // The repository path without registry host and tag: "mcr.microsoft.com/mssql/server:2022" -> "mssql/server".
        var name = image.ToLowerInvariant();
        var at = name.IndexOf('@');
        name = at >= 0 ? name[..at] : name;
        var slash = name.IndexOf('/');
        if (slash > 0 && (name[..slash].Contains('.') || name[..slash].Contains(':')))
        {
            name = name[(slash + 1)..];
        }

        var colon = name.LastIndexOf(':');
        name = colon >= 0 ? name[..colon] : name;

        if (Caches.Any(name.Contains))
        {
            return InfrastructureKind.Cache;
        }

        if (Brokers.Any(name.Contains))
        {
            return InfrastructureKind.Broker;
        }

        return Databases.Any(name.Contains) ? InfrastructureKind.Database : InfrastructureKind.Other;
    }
}
