using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// What an endpoint's configuration calls set, applied in order the way FastEndpoints does:
/// verbs and routes (the last Get/Post/Verbs/Routes call wins), group prefixes, version, route
/// prefix override, anonymous verbs and authorization requirements.
/// </summary>
public sealed class FastEndpointsSettings(CSharpCorpus corpus, ICollection<Diagnostic> diagnostics)
{
    private static readonly string[] VerbMethods = ["Get", "Post", "Put", "Patch", "Delete", "Head", "Options", "Query", "Trace", "Connect"];

    public List<string> Verbs { get; } = [];

    public List<string> Routes { get; } = [];

    /// <summary>The syntax that declared the verbs (a Get/Post/Verbs call or an [Http*] attribute): where the endpoint is reported.</summary>
    public SyntaxNode? RouteNode { get; private set; }

    public CSharpDocument? RouteDocument { get; private set; }

    public int RouteLine { get; private set; }

    /// <summary>Group route prefixes, outermost first.</summary>
    public List<string> GroupPrefixes { get; } = [];

    public int Version { get; private set; }

    public string? PrefixOverride { get; private set; }

    /// <summary>The last AllowAnonymous() call and the verbs it covers (null: every verb).</summary>
    public (AuthMetadata Metadata, IReadOnlySet<string>? Verbs)? AllowAnonymousCall { get; private set; }

    /// <summary>AllowAnonymous() on the route handler builder in Options(...): every verb.</summary>
    public List<AuthMetadata> BuilderAnonymous { get; } = [];

    public List<AuthMetadata> Authorization { get; } = [];

    public void Apply(FastEndpointsCall call, int depth = 0)
    {
        var name = call.Name;
        var doc = call.Document;
        var line = call.Line;
        var detail = call.Invocation.ToString();
        if (detail.Length > 160)
        {
            detail = name + "(...)";
        }

        // Options(b => ...) configures the route handler builder; Options("/route") is the verb.
        if (VerbMethods.Contains(name) && !(name == "Options" && call.Arguments.FirstOrDefault() is LambdaExpressionSyntax))
        {
            Verbs.Clear();
            Verbs.Add(name.ToUpperInvariant());
            Routes.Clear();
            Routes.AddRange(RouteStrings(call));
            SetRouteNode(call);
            return;
        }

        switch (name)
        {
            case "Verbs":
                Verbs.Clear();
                Verbs.AddRange(VerbNames(call.Arguments));
                SetRouteNode(call);
                break;
            case "Routes":
                Routes.Clear();
                Routes.AddRange(RouteStrings(call));
                if (RouteNode is null)
                {
                    SetRouteNode(call);
                }

                break;
            case "Group" when depth == 0:
                ApplyGroup(call);
                break;
            case "Version":
                Version = int.TryParse(corpus.Constants.Evaluate(call.Arguments.FirstOrDefault()), out var version) ? version : 0;
                break;
            case "RoutePrefixOverride":
                PrefixOverride = corpus.Constants.Evaluate(call.Arguments.FirstOrDefault())
                    ?? (call.Arguments.FirstOrDefault() is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty" } ? "" : null);
                break;
            case "AllowAnonymous":
                // Each AllowAnonymous call replaces the anonymous verbs of the previous one.
                var verbs = VerbNames(call.Arguments).ToHashSet(StringComparer.Ordinal);
                AllowAnonymousCall = (AuthMetadata.AllowAnonymous(detail, doc.Path, line), verbs.Count == 0 ? null : verbs);
                break;
            case "Roles":
                Authorization.Add(AuthMetadata.Authorize(detail, doc.Path, line, roles: Strings(call)));
                break;
            case "Policies":
                Authorization.Add(AuthMetadata.Authorize(detail, doc.Path, line, policies: Strings(call)));
                break;
            case "AuthSchemes":
                Authorization.Add(AuthMetadata.Authorize(detail, doc.Path, line, schemes: Strings(call)));
                break;
            case "Claims" or "ClaimsAll":
                // Claim and permission checks become a generated policy; naming them keeps the requirement visible.
                Authorization.Add(AuthMetadata.Authorize(detail, doc.Path, line, policies: Strings(call).Select(c => "claim:" + c)));
                break;
            case "Permissions" or "PermissionsAll":
                Authorization.Add(AuthMetadata.Authorize(detail, doc.Path, line, policies: Strings(call).Select(p => "permission:" + p)));
                break;
            case "Policy":
                Authorization.Add(AuthMetadata.Authorize(detail, doc.Path, line, policies: ["inline-policy"]));
                break;
            case "Options":
                ApplyOptions(call);
                break;
        }
    }

    /// <summary>Verbs and route from an attribute-style endpoint's [HttpGet("/route")].</summary>
    public void ApplyAttribute(AttributeSyntax attribute, CSharpDocument doc)
    {
        var name = SyntaxHelpers.AttributeName(attribute);
        if (name is not ("HttpGet" or "HttpPost" or "HttpPut" or "HttpPatch" or "HttpDelete" or "HttpHead" or "HttpOptions"))
        {
            return;
        }

        Verbs.Clear();
        Verbs.Add(name[4..].ToUpperInvariant());
        Routes.Clear();
        foreach (var argument in SyntaxHelpers.PositionalArguments(attribute))
        {
            Routes.Add(Route(argument, doc));
        }

        RouteNode = attribute;
        RouteDocument = doc;
        RouteLine = doc.LineOf(attribute);
    }

    private void SetRouteNode(FastEndpointsCall call)
    {
        RouteNode = call.Invocation;
        RouteDocument = call.Document;
        RouteLine = call.Line;
    }

    private void ApplyGroup(FastEndpointsCall call)
    {
        var groupType = SyntaxHelpers.TypeArguments(call.Invocation).FirstOrDefault()?.ToString();
        if (groupType is null)
        {
            return;
        }

        var group = FastEndpointsGroup.Read(corpus, groupType, diagnostics);
        if (group is null)
        {
            diagnostics.Add(new Diagnostic(call.Document.Path, call.Line, $"FastEndpoints group '{groupType}' not found or its Configure(prefix, ...) is not readable; its route prefix and settings are not applied"));
            return;
        }

        GroupPrefixes.AddRange(group.Prefixes);
        foreach (var groupCall in group.Calls)
        {
            Apply(groupCall, depth: 1);
        }
    }

    private void ApplyOptions(FastEndpointsCall call)
    {
        if (call.Arguments.FirstOrDefault() is not SimpleLambdaExpressionSyntax lambda)
        {
            return;
        }

        foreach (var inner in FastEndpointsCall.On(call.Document, lambda.Body, lambda.Parameter.Identifier.ValueText))
        {
            var detail = $"Options({inner.Invocation})";
            if (inner.Name == "AllowAnonymous")
            {
                BuilderAnonymous.Add(AuthMetadata.AllowAnonymous(detail, call.Document.Path, inner.Line));
            }
            else if (inner.Name == "RequireAuthorization")
            {
                Authorization.Add(AuthMetadata.Authorize(detail, call.Document.Path, inner.Line, policies: Strings(inner)));
            }
        }
    }

    private List<string> Strings(FastEndpointsCall call) =>
        [.. Flatten(call.Arguments).Where(a => a is not LambdaExpressionSyntax).Select(a => Route(a, call.Document))];

    /// <summary>
    /// Route templates; <c>Get("/orders/{@id}", r => new { r.OrderId })</c> names "{@id}" after the
    /// request property the expression selects, as FastEndpoints does.
    /// </summary>
    private List<string> RouteStrings(FastEndpointsCall call)
    {
        var routes = Strings(call);
        var selector = call.Arguments.OfType<LambdaExpressionSyntax>().FirstOrDefault()?.ExpressionBody as AnonymousObjectCreationExpressionSyntax;
        if (selector is null)
        {
            return routes;
        }

        var names = selector.Initializers.Select(i => i.NameEquals?.Name.Identifier.ValueText
            ?? (i.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText).ToList();
        return [.. routes.Select(route => ReplaceSelectedNames(route, names))];
    }

    private static string ReplaceSelectedNames(string route, List<string?> names)
    {
        var builder = new System.Text.StringBuilder();
        var index = 0;
        var i = 0;
        while (i < route.Length)
        {
            var start = route.IndexOf("{@", i, StringComparison.Ordinal);
            var end = start < 0 ? -1 : route.IndexOf('}', start);
            if (end < 0)
            {
                builder.Append(route, i, route.Length - i);
                break;
            }

            builder.Append(route, i, start - i);
            var name = index < names.Count ? names[index] : null;
            builder.Append('{').Append(name ?? route[(start + 2)..end]).Append('}');
            index++;
            i = end + 1;
        }

        return builder.ToString();
    }

    /// <summary>A constant string argument; an unresolved one is kept as written and reported.</summary>
    private string Route(ExpressionSyntax expression, CSharpDocument doc)
    {
        var value = corpus.Constants.Evaluate(expression);
        if (value is not null)
        {
            return value;
        }

        diagnostics.Add(new Diagnostic(doc.Path, doc.LineOf(expression), $"FastEndpoints value '{expression}' is not a constant; listed as written"));
        return expression.ToString();
    }

    private static IEnumerable<string> VerbNames(IEnumerable<ExpressionSyntax> arguments) =>
        Flatten(arguments).Select(a => a switch
        {
            MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
            _ => SyntaxHelpers.LiteralString(a),
        }).OfType<string>().Select(v => v.ToUpperInvariant());

    /// <summary>params arguments may arrive as an array or collection expression.</summary>
    private static IEnumerable<ExpressionSyntax> Flatten(IEnumerable<ExpressionSyntax> arguments) =>
        arguments.SelectMany(a => a switch
        {
            ImplicitArrayCreationExpressionSyntax i => i.Initializer.Expressions,
            ArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
            CollectionExpressionSyntax c => c.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression),
            _ => (IEnumerable<ExpressionSyntax>)[a],
        });
}
