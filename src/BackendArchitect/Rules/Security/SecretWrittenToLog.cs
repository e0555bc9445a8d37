using System.Collections.Frozen;
using System.Text.RegularExpressions;
using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC021: a password, token, API key or card number passed to a log call.</summary>
public sealed partial class SecretWrittenToLog : ISyntaxRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC021",
        "secret-written-to-log",
        "security",
        Severity.Error,
        "A log call writes a credential: an argument or message placeholder named password, secret, token, api key, card number or CVV.",
        "Logs are copied to files, log services, dashboards and support tickets, are read by many more people than the database, and "
            + "are kept for months. A password or token written there is a credential handed to all of them, and a card number or CVV "
            + "in a log puts the whole log pipeline in PCI scope. The rule reads ILogger calls (LogInformation, LogError, Log...), "
            + "Serilog's Log.Information and friends and Console.WriteLine, and reports an argument whose name is the secret itself "
            + "(request.Password, accessToken, apiKey), a placeholder such as {Password}, or such a value inside an interpolated "
            + "message. Names about a secret are not secrets: PasswordHash, TokenType, UseResetPassword, cancellationToken.",
        "_logger.LogInformation(\"Login attempt for {Email} with password {Password}\", request.Email, request.Password);",
        "_logger.LogInformation(\"Login attempt for {Email}\", request.Email);",
        [
            "https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html#data-to-exclude",
            "https://learn.microsoft.com/dotnet/core/extensions/logging",
            "https://owasp.org/Top10/A09_2021-Security_Logging_and_Monitoring_Failures/",
        ],
        ["CWE-532", "CWE-312", "OWASP-A09:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    private static readonly FrozenSet<string> LoggerMethods = FrozenSet.ToFrozenSet(
        [
            "LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical", "Log",
            "Verbose", "Debug", "Information", "Warning", "Error", "Fatal",
        ],
        StringComparer.Ordinal);

    public IEnumerable<Finding> Check(SyntaxReviewContext context)
    {
        foreach (var (invocation, document) in context.Syntax.InvocationsOf([.. LoggerMethods, "WriteLine", "Write"]))
        {
            if (!IsLogCall(invocation) || Leak(invocation) is not { } leak)
            {
                continue;
            }

            yield return Finding.At(
                Metadata,
                document.LocationOf(leak.Node),
                $"{SyntaxHelpers.InvokedName(invocation)}(...) writes {leak.What} into the log, where everyone who reads the logs can use it.",
                "Leave the secret out of the message; log who and what (user id, client id, the last four digits) instead.");
        }
    }

    /// <summary>An ILogger or Serilog call (a receiver named like a logger, or Serilog's static Log), or Console.WriteLine.</summary>
    private static bool IsLogCall(InvocationExpressionSyntax invocation)
    {
        var name = SyntaxHelpers.InvokedName(invocation);
        var receiver = SyntaxHelpers.Receiver(invocation)?.ToString();
        if (name is null || receiver is null)
        {
            return false;
        }

        if (name is "WriteLine" or "Write")
        {
            return receiver == "Console";
        }

        var last = receiver[(receiver.LastIndexOf('.') + 1)..];
        return LoggerMethods.Contains(name)
            && (last == "Log" || last.Contains("logger", StringComparison.OrdinalIgnoreCase) || (last.Contains("log", StringComparison.Ordinal) && last.Length <= 4));
    }

    /// <summary>The first argument or interpolation that carries a secret, and how to name it.</summary>
    private static (SyntaxNode Node, string What)? Leak(InvocationExpressionSyntax invocation)
    {
        var arguments = invocation.ArgumentList.Arguments;
        var templateIndex = -1;
        for (var i = 0; i < arguments.Count; i++)
        {
            if ((arguments[i].Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                || arguments[i].Expression is InterpolatedStringExpressionSyntax or BinaryExpressionSyntax)
            {
                templateIndex = i;
                break;
            }
        }

        if (templateIndex < 0)
        {
            return null;
        }

        var template = arguments[templateIndex].Expression;
        foreach (var part in template.DescendantNodesAndSelf())
        {
            var value = part switch
            {
                InterpolationSyntax interpolation => interpolation.Expression,
                BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add => add.Right is LiteralExpressionSyntax ? add.Left : add.Right,
                _ => null,
            };
            if (value is not null && ValueName(value) is { } name && SecretNames.IsSecret(name))
            {
                return (value, $"{value} (a secret, by its name)");
            }
        }

        var placeholders = template is LiteralExpressionSyntax text
            ? Placeholder().Matches(text.Token.ValueText).Select(m => m.Groups["name"].Value).ToArray()
            : [];
        for (var i = templateIndex + 1; i < arguments.Count; i++)
        {
            var argument = arguments[i].Expression;
            var name = ValueName(argument);
            if (name is null)
            {
                continue;
            }

            var placeholder = i - templateIndex - 1 < placeholders.Length ? placeholders[i - templateIndex - 1] : null;
            if (SecretNames.IsSecret(name))
            {
                return (argument, $"{argument} (a secret, by its name)");
            }

            if (placeholder is not null && SecretNames.IsSecret(placeholder))
            {
                return (argument, $"{argument} as {{{placeholder}}}");
            }
        }

        return null;
    }

    /// <summary>The name a plain value goes by: <c>password</c>, <c>request.Password</c>; null for computed values (<c>password.Length</c> has the name Length).</summary>
    private static string? ValueName(ExpressionSyntax value) => value switch
    {
        IdentifierNameSyntax i => i.Identifier.ValueText,
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        _ => null,
    };

    [GeneratedRegex(@"\{[@$]?(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
