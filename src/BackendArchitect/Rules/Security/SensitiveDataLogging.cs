using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC022: logging switched on for the data itself (EF Core parameter values, HTTP request bodies) outside development.</summary>
public sealed class SensitiveDataLogging : ISyntaxRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC022",
        "sensitive-data-logging",
        "security",
        Severity.Warning,
        "EnableSensitiveDataLogging() or HTTP logging of request bodies (HttpLoggingFields.All or RequestBody) in code that runs outside development.",
        "EF Core's EnableSensitiveDataLogging() writes the values of every query parameter and tracked entity into logs and exception "
            + "messages: passwords being set, tokens, personal data. HTTP logging with HttpLoggingFields.All or RequestBody copies "
            + "request bodies (sign-in forms, payment details, API payloads) into the logs as well. Logs travel to more systems and "
            + "people than the database does, and are kept longer. Both are debugging aids: calls under IsDevelopment() or DEBUG, or "
            + "EnableSensitiveDataLogging(flag) with a flag computed at run time, are left out; EnableDetailedErrors() is not reported.",
        "builder.Services.AddDbContext<ShopDb>(o => o\n    .UseNpgsql(connectionString)\n    .EnableSensitiveDataLogging());\n\nbuilder.Services.AddHttpLogging(o => o.LoggingFields = HttpLoggingFields.All);",
        "builder.Services.AddDbContext<ShopDb>(o => o\n    .UseNpgsql(connectionString)\n    .EnableSensitiveDataLogging(builder.Environment.IsDevelopment()));\n\nbuilder.Services.AddHttpLogging(o => o.LoggingFields =\n    HttpLoggingFields.RequestPropertiesAndHeaders | HttpLoggingFields.ResponseStatusCode);",
        [
            "https://learn.microsoft.com/ef/core/logging-events-diagnostics/extensions-logging#sensitive-data",
            "https://learn.microsoft.com/aspnet/core/fundamentals/http-logging/",
            "https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html#data-to-exclude",
            "https://owasp.org/Top10/A09_2021-Security_Logging_and_Monitoring_Failures/",
        ],
        ["CWE-532", "OWASP-A09:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    public IEnumerable<Finding> Check(SyntaxReviewContext context)
    {
        foreach (var (invocation, document) in context.Syntax.InvocationsOf("EnableSensitiveDataLogging"))
        {
            if (invocation.ArgumentList.Arguments is [] or [{ Expression: LiteralExpressionSyntax }]
                && !invocation.ArgumentList.Arguments.Any(a => SettingAssignments.IsFalse(a.Expression))
                && !DevelopmentOnly.Runs(invocation))
            {
                yield return Finding.At(
                    Metadata,
                    document.LocationOf(CallSites.NameOf(invocation)),
                    "EnableSensitiveDataLogging() runs in every environment: EF Core writes query parameter values and entity data (passwords, tokens, personal data) into logs and exception messages.",
                    "Remove it, or pass the environment: EnableSensitiveDataLogging(builder.Environment.IsDevelopment()).");
            }
        }

        foreach (var ((assignment, document), member) in SettingAssignments.In(context.Syntax))
        {
            if (member == "LoggingFields" && BodyField(assignment.Right) is { } field
                && !DevelopmentOnly.Runs(assignment))
            {
                yield return Finding.At(
                    Metadata,
                    document.LocationOf(assignment),
                    $"HTTP logging with HttpLoggingFields.{field} writes request bodies (sign-in forms, tokens, payment details) into the logs in every environment.",
                    "Log request properties, headers you allow and the response status (HttpLoggingFields.RequestPropertiesAndHeaders | ResponseStatusCode), or enable bodies only under IsDevelopment().");
            }
        }
    }

    /// <summary>The HttpLoggingFields member that includes request bodies; W3CLoggingFields.All logs no bodies.</summary>
    private static string? BodyField(ExpressionSyntax value) =>
        value.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>()
            .Where(m => m.Expression.ToString().EndsWith("HttpLoggingFields", StringComparison.Ordinal) && !m.Expression.ToString().EndsWith("W3CLoggingFields", StringComparison.Ordinal))
            .Select(m => m.Name.Identifier.ValueText)
            .FirstOrDefault(f => f is "All" or "RequestBody");
}
