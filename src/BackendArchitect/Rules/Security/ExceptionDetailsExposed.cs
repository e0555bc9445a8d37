using System.Collections.Frozen;
using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC030: stack traces and exception dumps sent to the client, by the developer exception page outside development or by a catch block's response.</summary>
public sealed class ExceptionDetailsExposed : ISyntaxRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC030",
        "exception-details-exposed",
        "security",
        Severity.Warning,
        "The developer exception page outside development, or a catch block that puts the exception's ToString() or StackTrace in the response.",
        "A stack trace tells an attacker the framework and library versions, the source layout, the SQL and the internal host names "
            + "of the service, and sometimes the values that made it fail: a map for the next attack. UseDeveloperExceptionPage() "
            + "shows all of it (with headers, cookies and the query) to whoever triggers an error, which is why ASP.NET Core turns it "
            + "on only in Development; a catch block that returns ex.ToString() or ex.StackTrace does the same for one endpoint. Code "
            + "under IsDevelopment() or DEBUG is left out, and so is ex.Message, which validation and domain errors are often meant to show.",
        "app.UseDeveloperExceptionPage();\n\ncatch (Exception ex)\n{\n    return StatusCode(500, ex.ToString());\n}",
        "if (app.Environment.IsDevelopment())\n{\n    app.UseDeveloperExceptionPage();\n}\napp.UseExceptionHandler();\nbuilder.Services.AddProblemDetails();\n\ncatch (Exception ex)\n{\n    logger.LogError(ex, \"Import failed\");\n    return Problem(\"The import failed.\");\n}",
        [
            "https://learn.microsoft.com/aspnet/core/fundamentals/error-handling",
            "https://learn.microsoft.com/aspnet/core/web-api/handle-errors",
            "https://cheatsheetseries.owasp.org/cheatsheets/Error_Handling_Cheat_Sheet.html",
            "https://owasp.org/Top10/A05_2021-Security_Misconfiguration/",
        ],
        ["CWE-209", "CWE-497", "OWASP-A05:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    // Calls whose arguments become the response body: MVC helpers, Results/TypedResults, and writes to HttpResponse.
    private static readonly FrozenSet<string> Responses = FrozenSet.ToFrozenSet(
        [
            "Ok", "BadRequest", "Problem", "ValidationProblem", "StatusCode", "Content", "Json", "NotFound", "Conflict",
            "UnprocessableEntity", "InternalServerError", "WriteAsync", "WriteAsJsonAsync", "Text",
        ],
        StringComparer.Ordinal);

    public IEnumerable<Finding> Check(SyntaxReviewContext context)
    {
        foreach (var (invocation, document) in context.Syntax.InvocationsOf(["UseDeveloperExceptionPage", .. Responses]))
        {
            var name = SyntaxHelpers.InvokedName(invocation)!;
            if (name == "UseDeveloperExceptionPage")
            {
                if (!DevelopmentOnly.Runs(invocation))
                {
                    yield return Finding.At(
                        Metadata,
                        document.LocationOf(invocation),
                        "UseDeveloperExceptionPage() runs in every environment: any error shows its stack trace, source lines, headers and cookies to the caller.",
                        "Call it only under app.Environment.IsDevelopment() (WebApplication already does), and use UseExceptionHandler() with ProblemDetails elsewhere.");
                }

                continue;
            }

            if (!WritesResponse(invocation, name) || invocation.FirstAncestorOrSelf<CatchClauseSyntax>() is not { Declaration.Identifier.ValueText: { Length: > 0 } exception }
                || DevelopmentOnly.Runs(invocation))
            {
                continue;
            }

            if (invocation.ArgumentList.Arguments.Select(a => Dump(a.Expression, exception)).FirstOrDefault(d => d is not null) is { } dump)
            {
                yield return Finding.At(
                    Metadata,
                    document.LocationOf(invocation),
                    $"{name}(...) sends {dump} to the client: the stack trace shows the code, libraries and data behind the failure.",
                    "Log the exception and return a generic message (Problem(\"...\") or a ProblemDetails with a correlation id).");
            }
        }
    }

    /// <summary>How an argument exposes the caught exception: <c>ex.ToString()</c>, <c>ex.StackTrace</c>, or <c>ex</c> interpolated into a string.</summary>
    private static string? Dump(ExpressionSyntax argument, string exception)
    {
        foreach (var node in argument.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "StackTrace" } m when RootName(m.Expression) == exception:
                    return $"{exception}.StackTrace";
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString" } m, ArgumentList.Arguments.Count: 0 } when RootName(m.Expression) == exception:
                    return $"{m.Expression}.ToString()";
                case ConditionalAccessExpressionSyntax { WhenNotNull: InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax { Name.Identifier.ValueText: "ToString" }, ArgumentList.Arguments.Count: 0 } } c when RootName(c.Expression) == exception:
                    return $"{c.Expression}?.ToString()";
                case InterpolationSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: var name } } when name == exception:
                    return $"the whole exception ({{{exception}}} in a string)";
            }
        }

        return null;
    }

    /// <summary>A write to a stream or file is no response: only <c>Response.WriteAsync</c> and <c>Results.Text</c> are.</summary>
    private static bool WritesResponse(InvocationExpressionSyntax invocation, string name) => name switch
    {
        "WriteAsync" or "WriteAsJsonAsync" => SyntaxHelpers.Receiver(invocation) is { } receiver && receiver.ToString().EndsWith("Response", StringComparison.Ordinal),
        "Text" => SyntaxHelpers.Receiver(invocation)?.ToString() is "Results" or "TypedResults",
        _ => true,
    };

    /// <summary><c>ex</c>, <c>ex.InnerException</c> and <c>ex.InnerException?</c> all name the caught exception.</summary>
    private static string? RootName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax i => i.Identifier.ValueText,
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "InnerException" } m => RootName(m.Expression),
        _ => null,
    };
}
