using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// Reads <c>[Authorize]</c> and <c>[AllowAnonymous]</c> on a class into authorization metadata.
/// Used for page model classes and for attribute-style FastEndpoints classes.
/// </summary>
public static class RazorPageAuthAttributes
{
    /// <summary>The metadata of one attribute, or null when it is not an authorization attribute.</summary>
    /// <param name="owner">How the detail names the attribute's target, e.g. "class EditModel".</param>
    public static AuthMetadata? Read(AttributeSyntax attribute, CSharpCorpus corpus, CSharpDocument doc, string owner)
    {
        var name = SyntaxHelpers.AttributeName(attribute);
        var line = doc.LineOf(attribute);
        var detail = $"[{attribute}] on {owner}";
        if (name == "AllowAnonymous")
        {
            return AuthMetadata.AllowAnonymous(detail, doc.Path, line);
        }

        if (name != "Authorize")
        {
            return null;
        }

        var positional = SyntaxHelpers.PositionalArguments(attribute);
        var policy = positional.Count > 0 ? positional[0] : SyntaxHelpers.NamedArgument(attribute, "Policy");
        var roles = SyntaxHelpers.NamedArgument(attribute, "Roles");
        var schemes = SyntaxHelpers.NamedArgument(attribute, "AuthenticationSchemes");
        return AuthMetadata.Authorize(
            detail,
            doc.Path,
            line,
            policies: Values(corpus, policy, split: false),
            roles: Values(corpus, roles, split: true),
            schemes: Values(corpus, schemes, split: true));
    }

    /// <summary>A constant argument's values; an unresolved one is kept as written so the requirement stays visible.</summary>
    private static IEnumerable<string> Values(CSharpCorpus corpus, ExpressionSyntax? expression, bool split)
    {
        if (expression is null)
        {
            return [];
        }

        var value = corpus.Constants.Evaluate(expression) ?? expression.ToString();
        return split
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [value.Trim()];
    }
}
