using BackendArchitect.Findings;
using BackendArchitect.Model;

namespace BackendArchitect.Tests.Findings;

/// <summary>Rules, findings and diagnostics built by hand, so the renderers are tested whatever rules exist.</summary>
public static class SampleFindings
{
    public static RuleMetadata IndexRule { get; } = new(
        "TST001",
        "index-without-concurrently",
        "migration",
        Severity.Warning,
        "CREATE INDEX on an existing table without CONCURRENTLY.",
        "A plain CREATE INDEX blocks writes to the table until the index is built.\nOn a large table that is an outage.",
        "CREATE INDEX idx_orders_customer ON orders (customer_id);",
        "CREATE INDEX CONCURRENTLY idx_orders_customer ON orders (customer_id);",
        ["https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY"],
        ["postgres", "locking"]);

    public static RuleMetadata KeyRule { get; } = new(
        "TST002",
        "table-without-primary-key",
        "schema",
        Severity.Error,
        "A table has no primary key.",
        "Rows without a key cannot be updated or replicated reliably.",
        "CREATE TABLE audit (at timestamptz, what text);",
        "CREATE TABLE audit (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz, what text);",
        ["https://www.postgresql.org/docs/current/ddl-constraints.html#DDL-CONSTRAINTS-PRIMARY-KEYS"],
        ["postgres", "mysql", "sqlite"]);

    public static RuleMetadata SecretRule { get; } = new(
        "TST003",
        "secret-in-source",
        "security",
        Severity.Note,
        "A connection string with a password is written in code.",
        "Secrets in source end up in every clone and every log of the repository.",
        "var cs = \"Host=db;Password=hunter2\"; // `inline` | pipe",
        "var cs = builder.Configuration.GetConnectionString(\"Orders\");",
        [],
        ["CWE-798"]);

    public const string MigrationText = "BEGIN;\nCREATE INDEX idx_orders_customer ON orders (customer_id);\nCOMMIT;\n";

    public static FindingsReport Report(int lineShift = 0) => FindingsReport.Create(
        [
            new Finding("TST001", Severity.Warning, "Index idx_orders_customer is built without CONCURRENTLY.", "db/migrations/002 add index.sql", 2 + lineShift, 1, "Use CREATE INDEX CONCURRENTLY outside a transaction."),
            new Finding("TST002", Severity.Error, "Table audit has no primary key.", "db/migrations/001_init.sql", 7 + lineShift, 1),
            new Finding("TST003", Severity.Note, "Connection string with a <password> | inline.", "src/Api/Program.cs", 12 + lineShift, 14, "Read it from configuration."),
        ],
        [
            new Diagnostic("db/migrations/003_broken.sql", 4 + lineShift, "Could not parse statement: unexpected token 'TABL'.", DiagnosticSeverity.Error),
            new Diagnostic("", 0, "No PostgreSQL version given; assuming 16.", DiagnosticSeverity.Info),
        ],
        [IndexRule, KeyRule, SecretRule]);

    /// <summary>File text by path for the report's findings (the index finding's line is real SQL).</summary>
    public static string? TextOf(string path, int lineShift = 0) => path switch
    {
        "db/migrations/002 add index.sql" => new string('\n', lineShift) + MigrationText,
        "db/migrations/001_init.sql" => new string('\n', lineShift) + "-- init\n\n\n\n\n\nCREATE TABLE audit (at timestamptz, what text);\n",
        _ => null,
    };

    public static FindingsReport ReportWithSnippets(int lineShift = 0) => Report(lineShift).WithSnippets(p => TextOf(p, lineShift));
}
