using BackendArchitect.Dataflow;
using BackendArchitect.Findings;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC010: request data built into SQL text run through EF Core raw APIs, Dapper or ADO.NET.</summary>
public sealed class SqlInjection : ICodeRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC010",
        "sql-injection",
        "security",
        Severity.Error,
        "Request data is built into the text of a SQL statement.",
        "A value the caller controls (a route, query, header or body value, or a property of the bound request) is "
            + "concatenated, interpolated or formatted into SQL text that FromSqlRaw, ExecuteSqlRaw, SqlQueryRaw, Dapper, an "
            + "ADO.NET command, LINQ to SQL's ExecuteQuery or Enterprise Library's data block runs. A quote in the value ends the string literal and the rest runs as SQL: reading other "
            + "customers' rows, changing data, or worse with the application's database rights. The flow is followed through "
            + "locals, StringBuilder, string.Format and the repository's own methods. FromSql and FromSqlInterpolated turn an "
            + "interpolated string into parameters and are safe; so are parameters passed beside constant SQL text.",
        "app.MapGet(\"/search\", (string q, ShopDb db) =>\n    db.Products.FromSqlRaw(\"SELECT * FROM products WHERE name LIKE '%\" + q + \"%'\").ToListAsync());",
        "app.MapGet(\"/search\", (string q, ShopDb db) =>\n    db.Products.FromSql($\"SELECT * FROM products WHERE name LIKE {\"%\" + q + \"%\"}\").ToListAsync());\n\n// Dapper: connection.QueryAsync<Product>(\"SELECT * FROM products WHERE name LIKE @q\", new { q = $\"%{q}%\" });",
        [
            "https://learn.microsoft.com/ef/core/querying/sql-queries#passing-parameters",
            "https://cheatsheetseries.owasp.org/cheatsheets/SQL_Injection_Prevention_Cheat_Sheet.html",
        ],
        ["CWE-89", "OWASP-A03:2021"])
    {
        Applicability = RuleApplicability.CSharp,
        SecuritySeverity = "9.8",
    };

    public IEnumerable<Finding> Check(CodeReviewContext context) =>
        InjectionFindings.Of(
            context,
            Metadata,
            TaintKind.Sql,
            flow => $"{flow.Source} of {InjectionFindings.Reached(flow)} is built into the SQL text that {flow.Sink} runs.",
            "Pass the value as a parameter: FromSql/FromSqlInterpolated with an interpolated string, or a placeholder ({0}, @name) with the value as an argument; never concatenate it into the SQL text.");
}
