using System.Collections.Frozen;
using BackendArchitect.CSharp.Endpoints;
using BackendArchitect.CSharp.Wiring;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Auth;

/// <summary>
/// Authentication done by the code base's own middleware: <c>app.UseMiddleware&lt;JwtMiddleware&gt;()</c> (a
/// conventional middleware class or an <c>IMiddleware</c>) or an inline <c>app.Use(async (context, next) =&gt; ...)</c>
/// that reads a token or answers 401/403. It runs before every endpoint of its service (unless it comes after
/// <c>UseEndpoints</c>), and what it lets through is decided at request time: an endpoint that would otherwise be
/// anonymous is unknown, and every endpoint lists the middleware among its sources.
/// </summary>
public static class CustomAuthMiddleware
{
    private static readonly FrozenSet<string> TokenChecks = FrozenSet.ToFrozenSet(
        ["ValidateToken", "ValidateTokenAsync", "AuthenticateAsync", "ReadJwtToken"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Rejections = FrozenSet.ToFrozenSet(
        ["Status401Unauthorized", "Status403Forbidden", "Unauthorized", "Forbidden", "Forbid", "ChallengeAsync", "ForbidAsync"], StringComparer.Ordinal);

    public static IReadOnlyList<Endpoint> Apply(CSharpCorpus corpus, IReadOnlyList<Middleware> middleware, IReadOnlyList<Endpoint> endpoints)
    {
        var documents = corpus.Documents.ToDictionary(d => d.Path, StringComparer.Ordinal);
        var sources = new Dictionary<string, List<AuthSource>>(StringComparer.Ordinal);
        foreach (var pipeline in middleware.GroupBy(m => m.Service))
        {
            var ordered = pipeline.OrderBy(m => m.Order).ToArray();
            var end = Array.FindIndex(ordered, m => m.Name == "UseEndpoints");
            foreach (var m in end < 0 ? ordered : ordered[..end])
            {
                if (documents.TryGetValue(m.File, out var document) && Describe(corpus, document, m) is { } what)
                {
                    var when = m.Condition is null ? "" : $" when {m.Condition}";
                    (sources.TryGetValue(m.Service, out var list) ? list : sources[m.Service] = []).Add(
                        new AuthSource("middleware", $"custom authentication middleware {m.Name}{when}: {what}", m.File, m.Line));
                }
            }
        }

        if (sources.Count == 0)
        {
            return endpoints;
        }

        return [.. endpoints.Select(e => sources.TryGetValue(e.Service, out var added) ? e with { Auth = Behind(e.Auth, added) } : e)];
    }

    /// <summary>What is known stays; anonymous becomes unknown, since the middleware may turn the caller away.</summary>
    private static AuthRequirement Behind(AuthRequirement auth, List<AuthSource> middleware) =>
        auth with { Required = auth.Required == false ? null : auth.Required, Sources = [.. auth.Sources, .. middleware] };

    /// <summary>Why a pipeline entry authenticates, or null when it does not look like it does.</summary>
    private static string? Describe(CSharpCorpus corpus, CSharpDocument document, Middleware middleware)
    {
        var call = document.Root.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(c => SyntaxHelpers.InvokedName(c) is "Use" or "UseMiddleware" && WiringSyntax.NameLine(document, c) == middleware.Line);
        if (call is null)
        {
            return null;
        }

        if (middleware.Name == "Use")
        {
            return call.ArgumentList.Arguments.Select(a => a.Expression).OfType<AnonymousFunctionExpressionSyntax>().FirstOrDefault() is { } lambda
                ? Evidence(lambda)
                : null;
        }

        var typeSyntax = SyntaxHelpers.TypeArguments(call).FirstOrDefault()
            ?? (call.ArgumentList.Arguments.FirstOrDefault()?.Expression as TypeOfExpressionSyntax)?.Type;
        if (typeSyntax is null || TypeHierarchy.ResolveClass(corpus, SyntaxHelpers.SimpleTypeName(typeSyntax.ToString()), document) is not { } type)
        {
            return null;
        }

        var evidence = TypeHierarchy.Parts(corpus, type).Select(p => Evidence(p.Declaration)).FirstOrDefault(e => e is not null);
        return evidence is null ? null : $"{evidence} ({type.Name} at {type.Document.Path}:{type.Document.LineOf(type.Declaration.Identifier)})";
    }

    /// <summary>The first sign of authentication in the code: a token read or checked, or a 401/403 that is not an exception's mapping.</summary>
    private static string? Evidence(SyntaxNode code)
    {
        foreach (var node in code.DescendantNodes())
        {
            switch (node)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    var text = literal.Token.ValueText;
                    if (text.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || text.StartsWith("Bearer", StringComparison.OrdinalIgnoreCase))
                    {
                        return "reads the Authorization header";
                    }

                    if (text.Replace("-", "", StringComparison.Ordinal).Contains("apikey", StringComparison.OrdinalIgnoreCase))
                    {
                        return "reads an API key";
                    }

                    break;
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Authorization", Expression: var owner }
                    when owner.ToString().EndsWith("Headers", StringComparison.Ordinal) || owner.ToString().EndsWith("HeaderNames", StringComparison.Ordinal):
                    return "reads the Authorization header";
                case InvocationExpressionSyntax invocation when SyntaxHelpers.InvokedName(invocation) is { } name && TokenChecks.Contains(name):
                    return $"calls {name}";
                case IdentifierNameSyntax id when Rejections.Contains(id.Identifier.ValueText) && !MapsAnException(id):
                    return $"answers {id.Identifier.ValueText}";
                case LiteralExpressionSyntax { Token.Value: 401 or 403 } status
                    when status.Parent is AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "StatusCode" } } && !MapsAnException(status):
                    return $"answers {status.Token.ValueText}";
            }
        }

        return null;
    }

    /// <summary>Exception-handling middleware maps UnauthorizedAccessException to 401: that is error reporting, not authentication.</summary>
    private static bool MapsAnException(SyntaxNode node) =>
        node.Ancestors().Any(a => a switch
        {
            CatchClauseSyntax => true,
            SwitchExpressionArmSyntax arm => arm.Pattern.ToString().Contains("Exception", StringComparison.Ordinal),
            SwitchSectionSyntax section => section.Labels.ToString().Contains("Exception", StringComparison.Ordinal),
            BaseMethodDeclarationSyntax method => method.ParameterList.Parameters.Any(p => p.Type?.ToString().EndsWith("Exception", StringComparison.Ordinal) == true),
            _ => false,
        });
}
