namespace BackendArchitect.Sql;

/// <summary>The SQL dialects the front-end reads.</summary>
public enum SqlDialect
{
    Unknown,
    PostgreSql,
    MySql,
    Sqlite,

    /// <summary>Microsoft SQL Server (T-SQL), read through ScriptDom.</summary>
    SqlServer,
}
