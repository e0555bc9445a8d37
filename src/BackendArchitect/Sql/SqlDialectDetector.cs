namespace BackendArchitect.Sql;

/// <summary>Guesses the dialect of a SQL file from its path, then from telling constructs in its text.</summary>
public static class SqlDialectDetector
{
    public static SqlDialect Detect(string path, string text)
    {
        var fromPath = FromPath(path);
        return fromPath != SqlDialect.Unknown ? fromPath : FromContent(text);
    }

    /// <summary>The values a --dialect option accepts, as the commands document them.</summary>
    public static IReadOnlyList<string> OptionNames { get; } = ["postgres", "postgresql", "mysql", "sqlite", "sqlserver"];

    /// <summary>The dialect a --dialect value names; null for none.</summary>
    public static SqlDialect? FromOptionName(string? name) => name switch
    {
        "postgres" or "postgresql" => SqlDialect.PostgreSql,
        "mysql" => SqlDialect.MySql,
        "sqlite" => SqlDialect.Sqlite,
        "sqlserver" => SqlDialect.SqlServer,
        _ => null,
    };

    /// <summary>The --dialect value that names a dialect ("unknown" for none), as JSON reports it.</summary>
    public static string OptionName(SqlDialect dialect) => dialect switch
    {
        SqlDialect.PostgreSql => "postgres",
        SqlDialect.MySql => "mysql",
        SqlDialect.Sqlite => "sqlite",
        SqlDialect.SqlServer => "sqlserver",
        _ => "unknown",
    };

    /// <summary>The product's name of a dialect, as messages and docs say it.</summary>
    public static string DisplayName(SqlDialect dialect) => dialect switch
    {
        SqlDialect.PostgreSql => "PostgreSQL",
        SqlDialect.MySql => "MySQL",
        SqlDialect.Sqlite => "SQLite",
        SqlDialect.SqlServer => "SQL Server",
        _ => "generic SQL",
    };

    /// <summary>Reads names such as <c>x.postgres.up.sql</c>, <c>mysql/001.sql</c> or <c>sqlite3/...</c>.</summary>
    public static SqlDialect FromPath(string path)
    {
        var parts = path.ToLowerInvariant().Split(['/', '\\', '.', '_', '-'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            switch (parts[i])
            {
                case "postgres" or "postgresql" or "pg" or "pgsql" or "psql" or "cockroach" or "cockroachdb" or "npgsql":
                    return SqlDialect.PostgreSql;
                case "mysql" or "mariadb":
                    return SqlDialect.MySql;
                case "sqlite" or "sqlite3":
                    return SqlDialect.Sqlite;
            }
        }

        return SqlDialect.Unknown;
    }

    /// <summary>Scores dialect-specific constructs; PostgreSQL when nothing tells.</summary>
    public static SqlDialect FromContent(string text)
    {
        var mysql = Count(text, "AUTO_INCREMENT") + Count(text, "ENGINE=") + Count(text, "ENGINE =") + Count(text, "DELIMITER ")
            + Count(text, "UNSIGNED") + Count(text, "`") / 2 + Count(text, "ON UPDATE CURRENT_TIMESTAMP");
        var sqlite = Count(text, "AUTOINCREMENT") + Count(text, "WITHOUT ROWID") + Count(text, "PRAGMA ") + Count(text, "sqlite_");
        var postgres = Count(text, "$$") + Count(text, "SERIAL") + Count(text, "::") + Count(text, "CONCURRENTLY")
            + Count(text, "JSONB") + Count(text, "TIMESTAMPTZ") + Count(text, "PLPGSQL") + Count(text, "ONLY ");
        if (mysql > sqlite && mysql > postgres)
        {
            return SqlDialect.MySql;
        }

        return sqlite > postgres && sqlite >= mysql && sqlite > 0 ? SqlDialect.Sqlite : SqlDialect.PostgreSql;
    }

    private static int Count(string text, string needle)
    {
        var count = 0;
        for (var i = text.IndexOf(needle, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(needle, i + needle.Length, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }
}
