using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>One way an action is selected: a route template (null when the attribute gives none) and HTTP methods (empty: any).</summary>
public sealed record ActionSelector(string? Template, IReadOnlyList<string> Methods);

/// <summary>
/// Attribute routing of controllers: class [Route] templates and the selectors MVC builds for an
/// action from its [Route], [HttpGet(...)]-style and [AcceptVerbs] attributes.
/// </summary>
public static class ControllerRoutes
{
    private static readonly Dictionary<string, string> HttpAttributes = new(StringComparer.Ordinal)
    {
        ["HttpGet"] = "GET",
        ["HttpPost"] = "POST",
        ["HttpPut"] = "PUT",
        ["HttpDelete"] = "DELETE",
        ["HttpPatch"] = "PATCH",
        ["HttpHead"] = "HEAD",
        ["HttpOptions"] = "OPTIONS",
    };

    /// <summary>Attributes that give an action a route or an HTTP method.</summary>
    public static bool IsRouteAttribute(string name) => name is "Route" or "AcceptVerbs" || HttpAttributes.ContainsKey(name);

    /// <summary>A template that could not be evaluated; kept visible in the route rather than guessed.</summary>
    public const string Unresolved = "{?}";

    /// <summary>
    /// The controller's [Route] templates: its own, or those of the nearest base class that has any.
    /// An empty list means the controller is not attribute routed at class level.
    /// </summary>
    public static IReadOnlyList<string> ClassTemplates(CSharpCorpus corpus, ControllerClass controller, ICollection<Diagnostic> diagnostics)
    {
        foreach (var owner in controller.Hierarchy.Classes)
        {
            var routes = controller.Attributes.Where(a => a.Name == "Route" && a.Owner.Name == owner.Name).ToList();
            if (routes.Count > 0)
            {
                return [.. routes.Select(r => Template(corpus, r, diagnostics) ?? Unresolved)];
            }
        }

        return [];
    }

    /// <summary>
    /// The selectors of an action, following MVC: every attribute that carries a template (or a name
    /// or order) is its own selector; method-only attributes ([HttpGet]) join a plain [Route] or,
    /// without one, form one more selector with no template.
    /// </summary>
    public static IReadOnlyList<ActionSelector> Selectors(CSharpCorpus corpus, ControllerAction action, ICollection<Diagnostic> diagnostics)
    {
        var providers = new List<(PlacedAttribute Attribute, string? Template, bool IsHttp, IReadOnlyList<string> Methods)>();
        var silentMethods = new List<string>();
        var hasSilent = false;
        foreach (var attribute in action.Attributes)
        {
            var name = attribute.Name;
            if (name == "Route")
            {
                providers.Add((attribute, Template(corpus, attribute, diagnostics) ?? Unresolved, false, []));
            }
            else if (HttpAttributes.TryGetValue(name, out var method) || name == "AcceptVerbs")
            {
                var methods = method is not null ? [method] : Verbs(corpus, attribute.Attribute);
                var templateExpression = name == "AcceptVerbs"
                    ? SyntaxHelpers.NamedArgument(attribute.Attribute, "Route")
                    : SyntaxHelpers.PositionalArguments(attribute.Attribute).FirstOrDefault() ?? SyntaxHelpers.NamedArgument(attribute.Attribute, "Template");
                var silent = templateExpression is null
                    && SyntaxHelpers.NamedArgument(attribute.Attribute, "Name") is null
                    && SyntaxHelpers.NamedArgument(attribute.Attribute, "Order") is null;
                if (silent)
                {
                    hasSilent = true;
                    silentMethods.AddRange(methods);
                }
                else
                {
                    providers.Add((attribute, templateExpression is null ? null : Evaluate(corpus, attribute, templateExpression, diagnostics) ?? Unresolved, true, methods));
                }
            }
        }

        if (providers.Any(p => !p.IsHttp))
        {
            // [HttpGet] next to [Route("x")] is one selector: GET on "x".
            hasSilent = false;
        }

        if (providers.Count == 0)
        {
            return [new ActionSelector(null, Distinct(silentMethods))];
        }

        var selectors = new List<ActionSelector>();
        foreach (var provider in providers)
        {
            var methods = provider.IsHttp ? provider.Methods : silentMethods;
            selectors.Add(new ActionSelector(provider.Template, Distinct(methods)));
        }

        if (hasSilent)
        {
            selectors.Add(new ActionSelector(null, Distinct(silentMethods)));
        }

        return selectors;
    }

    private static IReadOnlyList<string> Distinct(IEnumerable<string> methods) =>
        [.. methods.Select(m => m.ToUpperInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static IReadOnlyList<string> Verbs(CSharpCorpus corpus, AttributeSyntax attribute) =>
        [.. SyntaxHelpers.PositionalArguments(attribute)
            .SelectMany(e => e is CollectionExpressionSyntax or ImplicitArrayCreationExpressionSyntax or ArrayCreationExpressionSyntax
                ? e.DescendantNodes().OfType<ExpressionSyntax>().Where(x => x is LiteralExpressionSyntax or MemberAccessExpressionSyntax)
                : [e])
            .Select(e => corpus.Constants.Evaluate(e))
            .OfType<string>()];

    private static string? Template(CSharpCorpus corpus, PlacedAttribute attribute, ICollection<Diagnostic> diagnostics)
    {
        var expression = SyntaxHelpers.PositionalArguments(attribute.Attribute).FirstOrDefault() ?? SyntaxHelpers.NamedArgument(attribute.Attribute, "Template");
        return expression is null ? null : Evaluate(corpus, attribute, expression, diagnostics);
    }

    private static string? Evaluate(CSharpCorpus corpus, PlacedAttribute attribute, ExpressionSyntax expression, ICollection<Diagnostic> diagnostics)
    {
        var value = corpus.Constants.Evaluate(expression);
        if (value is null)
        {
            diagnostics.Add(new Diagnostic(attribute.Document.Path, attribute.Document.LineOf(attribute.Attribute), $"route template '{expression}' is not a constant; reported as {Unresolved}"));
        }

        return value;
    }
}
