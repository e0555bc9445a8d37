using BackendArchitect.CSharp.Endpoints;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Auth;

/// <summary>
/// Turns authorization attributes into <see cref="AuthMetadata"/>: [Authorize], [AllowAnonymous],
/// custom attributes deriving from AuthorizeAttribute (their constructor's policy when constant),
/// and custom authorization filters (attributes or TypeFilter/ServiceFilter), which make the
/// answer unknown because their logic runs at request time.
/// </summary>
public static class AuthorizeAttributeReader
{
    private static readonly HashSet<string> AuthorizationFilterInterfaces = new(StringComparer.Ordinal)
    {
        "IAuthorizationFilter", "IAsyncAuthorizationFilter",
    };

    /// <summary>Attributes that are never about authorization; skipping them avoids a type lookup each.</summary>
    private static readonly HashSet<string> NotAuthorization = new(StringComparer.Ordinal)
    {
        "Route", "HttpGet", "HttpPost", "HttpPut", "HttpDelete", "HttpPatch", "HttpHead", "HttpOptions", "AcceptVerbs", "ApiController",
        "Controller", "NonAction", "NonController", "Area", "ActionName", "Produces", "ProducesResponseType", "Consumes",
        "ProducesDefaultResponseType", "ApiExplorerSettings", "ApiVersion", "MapToApiVersion", "Obsolete", "EndpointSummary",
        "EndpointDescription", "Tags", "SwaggerOperation", "SwaggerResponse", "FromBody", "FromQuery", "FromRoute", "FromServices",
    };

    /// <summary>Reads one attribute; null when it does not affect authorization.</summary>
    /// <param name="where">Where it sits, for the detail text, e.g. "on class OrdersController".</param>
    public static AuthMetadata? Read(CSharpCorpus corpus, CSharpDocument document, AttributeSyntax attribute, string where, ICollection<Diagnostic> diagnostics)
    {
        var name = SyntaxHelpers.AttributeName(attribute);
        if (NotAuthorization.Contains(name))
        {
            return null;
        }

        var detail = $"[{Flatten(attribute.ToString())}] {where}";
        var line = document.LineOf(attribute);
        if (name is "AllowAnonymous" or "Authorize" && LookalikeAuthAttributes.InScope(corpus, document, name) is { } own)
        {
            return ReadLookalike(corpus, document, attribute, own, detail, line, diagnostics);
        }

        switch (name)
        {
            case "AllowAnonymous":
                return AuthMetadata.AllowAnonymous(detail, document.Path, line);
            case "Authorize":
                return ReadAuthorize(corpus, document, attribute, detail, line, diagnostics);
            case "TypeFilter" or "ServiceFilter":
                return FilterType(corpus, document, attribute) is { } filter && IsAuthorizationFilter(corpus, filter)
                    ? AuthMetadata.Unknown(detail + " (custom authorization filter)", document.Path, line)
                    : null;
        }

        var type = TypeHierarchy.ResolveClass(corpus, name + "Attribute", document) ?? TypeHierarchy.ResolveClass(corpus, name, document);
        if (type is null)
        {
            return null;
        }

        var hierarchy = TypeHierarchy.Of(corpus, type);
        if (hierarchy.BaseNames.Overlaps(AuthorizationFilterInterfaces))
        {
            return AuthMetadata.Unknown(detail + " (custom authorization filter)", document.Path, line);
        }

        if (hierarchy.Has("AuthorizeAttribute") || hierarchy.Has("IAuthorizeData"))
        {
            return ReadCustomAuthorize(corpus, document, attribute, hierarchy, detail, line, diagnostics);
        }

        if (hierarchy.Has("AllowAnonymousAttribute") || hierarchy.Has("IAllowAnonymous"))
        {
            return AuthMetadata.AllowAnonymous(detail, document.Path, line);
        }

        if (hierarchy.Has("TypeFilterAttribute") || hierarchy.Has("ServiceFilterAttribute"))
        {
            var filter = hierarchy.Classes
                .SelectMany(c => c.Declaration.DescendantNodes(n => n is not BlockSyntax)
                    .Select(n => n switch
                    {
                        ConstructorInitializerSyntax i => i.ArgumentList,
                        PrimaryConstructorBaseTypeSyntax p => p.ArgumentList,
                        _ => null,
                    })
                    .OfType<ArgumentListSyntax>())
                .SelectMany(list => list.Arguments)
                .Select(a => a.Expression)
                .OfType<TypeOfExpressionSyntax>()
                .Select(t => TypeHierarchy.ResolveClass(corpus, SyntaxHelpers.SimpleTypeName(t.Type.ToString()), type.Document))
                .FirstOrDefault(t => t is not null);
            if (filter is not null && TypeHierarchy.Of(corpus, filter).BaseNames.Overlaps(AuthorizationFilterInterfaces))
            {
                return AuthMetadata.Unknown(detail + " (custom authorization filter)", document.Path, line);
            }
        }

        return null;
    }

    /// <summary>
    /// The code base's own AuthorizeAttribute/AllowAnonymousAttribute: one that extends the framework's reads like
    /// it; any other (an authorization filter, or a marker a custom filter looks for) decides at request time.
    /// </summary>
    private static AuthMetadata ReadLookalike(CSharpCorpus corpus, CSharpDocument document, AttributeSyntax attribute, TypeEntry own, string detail, int line, ICollection<Diagnostic> diagnostics)
    {
        var bases = SyntaxHelpers.BaseTypeNames(own.Declaration).Select(SyntaxHelpers.SimpleTypeName).ToHashSet(StringComparer.Ordinal);
        if (!bases.Overlaps(AuthorizationFilterInterfaces))
        {
            if (bases.Contains("AuthorizeAttribute") || bases.Contains("IAuthorizeData"))
            {
                return ReadAuthorize(corpus, document, attribute, detail, line, diagnostics);
            }

            if (bases.Contains("AllowAnonymousAttribute") || bases.Contains("IAllowAnonymous"))
            {
                return AuthMetadata.AllowAnonymous(detail, document.Path, line);
            }
        }

        return AuthMetadata.Unknown($"{detail} (the code base's own {own.Name} at {own.Document.Path}:{own.Document.LineOf(own.Declaration.Identifier)}, not ASP.NET Core's)", document.Path, line);
    }

    /// <summary>Whether a filter class (found in source) runs as an authorization filter.</summary>
    public static bool IsAuthorizationFilter(CSharpCorpus corpus, TypeEntry filter) =>
        TypeHierarchy.Of(corpus, filter).BaseNames.Overlaps(AuthorizationFilterInterfaces);

    private static TypeEntry? FilterType(CSharpCorpus corpus, CSharpDocument document, AttributeSyntax attribute)
    {
        var typeSyntax = attribute.Name is GenericNameSyntax g && g.TypeArgumentList.Arguments.Count == 1
            ? g.TypeArgumentList.Arguments[0]
            : (SyntaxHelpers.PositionalArguments(attribute).FirstOrDefault() as TypeOfExpressionSyntax)?.Type;
        return typeSyntax is null ? null : TypeHierarchy.ResolveClass(corpus, SyntaxHelpers.SimpleTypeName(typeSyntax.ToString()), document);
    }

    private static AuthMetadata ReadAuthorize(CSharpCorpus corpus, CSharpDocument document, AttributeSyntax attribute, string detail, int line, ICollection<Diagnostic> diagnostics)
    {
        var policies = new List<string>();
        var roles = new List<string>();
        var schemes = new List<string>();
        var policyExpression = SyntaxHelpers.PositionalArguments(attribute).FirstOrDefault() ?? SyntaxHelpers.NamedArgument(attribute, "Policy");
        Add(corpus, document, line, policyExpression, policies, split: false, diagnostics);
        Add(corpus, document, line, SyntaxHelpers.NamedArgument(attribute, "Roles"), roles, split: true, diagnostics);
        Add(corpus, document, line, SyntaxHelpers.NamedArgument(attribute, "AuthenticationSchemes"), schemes, split: true, diagnostics);
        return AuthMetadata.Authorize(detail, document.Path, line, policies, roles, schemes);
    }

    private static void Add(CSharpCorpus corpus, CSharpDocument document, int line, ExpressionSyntax? expression, List<string> into, bool split, ICollection<Diagnostic> diagnostics)
    {
        if (expression is null)
        {
            return;
        }

        var value = corpus.Constants.Evaluate(expression);
        if (value is null)
        {
            diagnostics.Add(new Diagnostic(document.Path, line, $"authorization value '{Flatten(expression.ToString())}' is not a constant; the endpoint still requires authorization"));
            return;
        }

        into.AddRange(split ? PolicyExpressionReader.SplitList(value) : [value]);
    }

    /// <summary>
    /// A class deriving from AuthorizeAttribute: its constructor may pass a policy to the base
    /// constructor or set Policy/Roles/AuthenticationSchemes, possibly from its own arguments.
    /// </summary>
    private static AuthMetadata ReadCustomAuthorize(
        CSharpCorpus corpus, CSharpDocument document, AttributeSyntax attribute, TypeHierarchy hierarchy, string detail, int line, ICollection<Diagnostic> diagnostics)
    {
        var policies = new List<string>();
        var roles = new List<string>();
        var schemes = new List<string>();
        var arguments = SyntaxHelpers.PositionalArguments(attribute);
        var unresolved = false;
        var declaration = (TypeDeclarationSyntax)hierarchy.Classes[0].Declaration;
        var primaryBase = declaration.BaseList?.Types.OfType<PrimaryConstructorBaseTypeSyntax>().FirstOrDefault();
        if (declaration.ParameterList is { } primary && primary.Parameters.Count == arguments.Count && primaryBase?.ArgumentList.Arguments.FirstOrDefault() is { } baseArgument)
        {
            var value = EvaluateWithArguments(corpus, baseArgument.Expression, [.. primary.Parameters.Select(p => p.Identifier.ValueText)], arguments, 0);
            unresolved |= value is null;
            policies.AddRange(value is null ? [] : [value]);
        }

        var constructor = declaration.Members.OfType<ConstructorDeclarationSyntax>()
            .FirstOrDefault(c => c.ParameterList.Parameters.Count == arguments.Count);
        if (constructor is not null)
        {
            var parameters = constructor.ParameterList.Parameters.Select(p => p.Identifier.ValueText).ToList();
            string? Eval(ExpressionSyntax e) => EvaluateWithArguments(corpus, e, parameters, arguments, 0);

            if (constructor.Initializer is { } init && init.ThisOrBaseKeyword.ValueText == "base" && init.ArgumentList.Arguments.Count > 0)
            {
                var value = Eval(init.ArgumentList.Arguments[0].Expression);
                unresolved |= value is null;
                policies.AddRange(value is null ? [] : [value]);
            }

            var body = ((SyntaxNode?)constructor.Body ?? constructor.ExpressionBody)?.DescendantNodesAndSelf().OfType<AssignmentExpressionSyntax>() ?? [];
            foreach (var assignment in body)
            {
                var target = assignment.Left switch
                {
                    IdentifierNameSyntax i => i.Identifier.ValueText,
                    MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
                    _ => null,
                };
                var into = target switch
                {
                    "Policy" => policies,
                    "Roles" => roles,
                    "AuthenticationSchemes" => schemes,
                    _ => null,
                };
                if (into is null)
                {
                    continue;
                }

                var value = Eval(assignment.Right);
                unresolved |= value is null;
                into.AddRange(value is null ? [] : target == "Policy" ? [value] : PolicyExpressionReader.SplitList(value));
            }
        }

        Add(corpus, document, line, SyntaxHelpers.NamedArgument(attribute, "Policy"), policies, split: false, diagnostics);
        Add(corpus, document, line, SyntaxHelpers.NamedArgument(attribute, "Roles"), roles, split: true, diagnostics);
        Add(corpus, document, line, SyntaxHelpers.NamedArgument(attribute, "AuthenticationSchemes"), schemes, split: true, diagnostics);
        if (unresolved)
        {
            diagnostics.Add(new Diagnostic(document.Path, line, $"policy of custom authorize attribute [{SyntaxHelpers.AttributeName(attribute)}] is computed; the endpoint still requires authorization"));
        }

        return AuthMetadata.Authorize(detail, document.Path, line, policies, roles, schemes);
    }

    /// <summary>A constant expression in which the constructor's parameters stand for the attribute's arguments.</summary>
    private static string? EvaluateWithArguments(CSharpCorpus corpus, ExpressionSyntax expression, List<string> parameters, IReadOnlyList<ExpressionSyntax> arguments, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        switch (expression)
        {
            case IdentifierNameSyntax id when parameters.IndexOf(id.Identifier.ValueText) is var i and >= 0:
                return corpus.Constants.Evaluate(arguments[i]);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString" } m } inv when inv.ArgumentList.Arguments.Count == 0:
                return EvaluateWithArguments(corpus, m.Expression, parameters, arguments, depth + 1);
            case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.AddExpression):
                var left = EvaluateWithArguments(corpus, b.Left, parameters, arguments, depth + 1);
                var right = left is null ? null : EvaluateWithArguments(corpus, b.Right, parameters, arguments, depth + 1);
                return left is null || right is null ? null : left + right;
            case InterpolatedStringExpressionSyntax s:
                return ConstantResolver.Interpolate(s, hole => EvaluateWithArguments(corpus, hole, parameters, arguments, depth + 1));
            default:
                return corpus.Constants.Evaluate(expression);
        }
    }

    /// <summary>Attribute text on one line with single spaces, for detail strings.</summary>
    public static string Flatten(string text) => string.Join(' ', text.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
}
