using System.Data.Common;
using BackendArchitect.Config;
using BackendArchitect.Model;
using Npgsql;

namespace BackendArchitect.Sql.Live;

/// <summary>The databases a live schema can be read from.</summary>
public enum LiveProvider
{
    Auto,
    Postgres,
    Sqlite,
}

/// <summary>A live database could not be read; the message is one line and never holds a password.</summary>
public sealed class LiveSchemaException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads a live database's schema with the provider the connection string names or the caller picks.</summary>
public static class LiveSchema
{
    public static Schema Read(string connection, LiveProvider provider = LiveProvider.Auto)
    {
        if (provider == LiveProvider.Auto)
        {
            provider = Guess(connection);
        }

        try
        {
            return provider == LiveProvider.Sqlite
                ? SqliteInspector.Read(SqlitePath(connection))
                : PostgresInspector.Read(PostgresConnectionString(connection));
        }
        catch (Exception e) when (e is DbException or ArgumentException or InvalidOperationException or IOException or TimeoutException or FormatException)
        {
            var what = provider == LiveProvider.Sqlite ? "SQLite database" : "PostgreSQL database";
            throw new LiveSchemaException($"could not read the {what} ({Masked(connection)}): {Masked(OneLine(e.Message), connection)}", e);
        }
    }

    /// <summary>SQLite for a path to a .db/.sqlite file or a "Data Source=file" string; PostgreSQL otherwise.</summary>
    public static LiveProvider Guess(string connection)
    {
        var text = connection.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return LiveProvider.Postgres;
        }

        if (!text.Contains('=', StringComparison.Ordinal) || text.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return LiveProvider.Sqlite;
        }

        var lower = text.ToLowerInvariant();
        var hasHost = lower.Contains("host=", StringComparison.Ordinal) || lower.Contains("server=", StringComparison.Ordinal);
        return !hasHost && (lower.Contains("data source=", StringComparison.Ordinal) || lower.Contains("filename=", StringComparison.Ordinal))
            ? LiveProvider.Sqlite
            : LiveProvider.Postgres;
    }

    /// <summary>The connection as it may be shown: passwords and keys masked, in key=value and URL forms.</summary>
    public static string Masked(string connection) =>
        connection.Contains('=', StringComparison.Ordinal) || connection.Contains("://", StringComparison.Ordinal)
            ? SecretMasker.MaskConnectionValue(connection)
            : connection;

    private static string Masked(string message, string connection)
    {
        var masked = message;
        foreach (var secret in Secrets(connection))
        {
            masked = masked.Replace(secret, SecretMasker.Mask(secret), StringComparison.Ordinal);
        }

        return masked.Contains(connection, StringComparison.Ordinal) ? masked.Replace(connection, Masked(connection), StringComparison.Ordinal) : masked;
    }

    private static IEnumerable<string> Secrets(string connection)
    {
        foreach (var part in connection.Split(';'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && SecretMasker.IsSecretKey(part[..equals].Trim()) && part[(equals + 1)..].Trim() is { Length: > 0 } value)
            {
                yield return value;
            }
        }

        if (Uri.TryCreate(connection.Trim(), UriKind.Absolute, out var uri) && uri.UserInfo.Split(':') is [_, var password, ..] && password.Length > 0)
        {
            yield return Uri.UnescapeDataString(password);
            yield return password;
        }
    }

    private static string OneLine(string message) => string.Join(" ", message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));

    /// <summary>Npgsql takes key=value pairs; postgres:// URLs (as tools and PaaS print them) are converted.</summary>
    internal static string PostgresConnectionString(string connection)
    {
        var text = connection.Trim();
        if (!(text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)))
        {
            return text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            throw new FormatException("the postgres:// URL is malformed");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var user = uri.UserInfo.Split(':', 2);
        if (user[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user[0]);
        }

        if (user.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(user[1]);
        }

        var database = uri.AbsolutePath.Trim('/');
        if (database.Length > 0)
        {
            builder.Database = Uri.UnescapeDataString(database);
        }

        return builder.ConnectionString;
    }

    private static string SqlitePath(string connection)
    {
        var text = connection.Trim();
        if (!text.Contains('=', StringComparison.Ordinal))
        {
            return text.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? text["file:".Length..] : text;
        }

        var builder = new DbConnectionStringBuilder { ConnectionString = text };
        foreach (var key in new[] { "Data Source", "DataSource", "Filename" })
        {
            if (builder.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } path)
            {
                return path;
            }
        }

        throw new FormatException("the SQLite connection string names no Data Source");
    }
}
