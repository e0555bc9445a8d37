using BackendArchitect.CSharp.Auth;
using BackendArchitect.Model;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>MVC and API controllers: attribute routes, conventional routes, authorization.</summary>
public static class ControllerEndpoints
{
    public static IEnumerable<Endpoint> Discover(CSharpCorpus corpus, IReadOnlyDictionary<string, ServiceAuthDefaults> defaults, ICollection<Diagnostic> diagnostics)
    {
        var controllers = ControllerTypes.Find(corpus).ToList();
        if (controllers.Count == 0)
        {
            return [];
        }

        var conventional = ConventionalRoutes.Read(corpus, diagnostics);
        var kebabServices = KebabServices(corpus);
        var endpoints = new List<Endpoint>();
        foreach (var controller in controllers)
        {
            var service = corpus.Services.ServiceOf(controller.Type.Document);
            var context = new ControllerContext(
                corpus,
                controller,
                ServiceAuthDefaultsReader.For(defaults, service),
                conventional.GetValueOrDefault(service) ?? [],
                kebabServices.Contains(service) ? RouteTemplate.Kebab : v => v,
                diagnostics);
            endpoints.AddRange(context.Endpoints());
        }

        return endpoints;
    }

    /// <summary>Services that register a route token transformer convention (the usual slugify transformer): token values become kebab-case.</summary>
    private static HashSet<string> KebabServices(CSharpCorpus corpus) =>
        corpus.Documents
            .Where(d => d.File.Text.Contains("RouteTokenTransformerConvention", StringComparison.Ordinal))
            .Select(corpus.Services.ServiceOf)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Everything needed to turn one controller into endpoints.</summary>
    private sealed record ControllerContext(
        CSharpCorpus Corpus,
        ControllerClass Controller,
        ServiceAuthDefaults Defaults,
        IReadOnlyList<ConventionalRoute> Conventional,
        Func<string, string> Transform,
        ICollection<Diagnostic> Diagnostics)
    {
        public IEnumerable<Endpoint> Endpoints()
        {
            var classTemplates = ControllerRoutes.ClassTemplates(Corpus, Controller, Diagnostics);
            var classAuth = ControllerAuth.ClassMetadata(Corpus, Controller, Diagnostics);
            var area = Area();
            var result = new List<Endpoint>();
            var unrouted = false;
            foreach (var action in ControllerTypes.Actions(Corpus, Controller))
            {
                var routes = new List<(string Method, string Route)>();
                foreach (var selector in ControllerRoutes.Selectors(Corpus, action, Diagnostics))
                {
                    var methods = selector.Methods.Count == 0 ? ["ANY"] : selector.Methods;
                    foreach (var route in Routes(classTemplates, selector, action, area))
                    {
                        routes.AddRange(methods.Select(m => (m, route)));
                    }

                    unrouted |= classTemplates.Count == 0 && selector.Template is null && Conventional.Count == 0;
                }

                if (routes.Count == 0)
                {
                    continue;
                }

                var auth = ControllerAuth.Resolve(Corpus, classAuth, action, Defaults, Diagnostics);
                var responses = ControllerResponses.Read(Corpus, Controller, action);
                var condition = Condition(action);
                foreach (var (method, route) in routes.Distinct())
                {
                    result.Add(new Endpoint(
                        Defaults.Service,
                        EndpointKinds.Controller,
                        method,
                        route,
                        $"{Controller.ClassName}.{action.Method.Identifier.ValueText}",
                        action.Document.Path,
                        action.Document.LineOf(action.Method.Identifier),
                        auth,
                        ParameterBinding.Read(action.Method.ParameterList, ParameterBinding.RouteParameterNames(route), isController: true),
                        responses,
                        condition));
                }
            }

            if (unrouted)
            {
                Diagnostics.Add(new Diagnostic(
                    Controller.Type.Document.Path,
                    Controller.Type.Document.LineOf(Controller.Type.Declaration.Identifier),
                    $"{Controller.ClassName} has actions without attribute routes and its service maps no conventional route; they are not reported",
                    DiagnosticSeverity.Info));
            }

            return result;
        }

        private IEnumerable<string> Routes(IReadOnlyList<string> classTemplates, ActionSelector selector, ControllerAction action, string? area)
        {
            if (classTemplates.Count == 0 && selector.Template is null)
            {
                foreach (var route in Conventional)
                {
                    var expanded = ConventionalRoutes.Expand(route, Controller.ControllerName, action.ActionName, area);
                    if (expanded is not null)
                    {
                        yield return expanded;
                        yield break;
                    }
                }

                yield break;
            }

            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["controller"] = Transform(Controller.ControllerName),
                ["action"] = Transform(action.ActionName),
            };
            if (area is not null)
            {
                values["area"] = Transform(area);
            }

            IReadOnlyList<string?> prefixes = classTemplates.Count == 0 ? [null] : [.. classTemplates];
            foreach (var prefix in prefixes)
            {
                var combined = RouteTemplate.Combine(prefix, selector.Template) ?? "";
                var unknown = new List<string>();
                var replaced = RouteTemplate.ReplaceTokens(combined, values, unknown);
                if (unknown.Count > 0)
                {
                    Diagnostics.Add(new Diagnostic(action.Document.Path, action.Document.LineOf(action.Method.Identifier), $"route token(s) [{string.Join("], [", unknown)}] have no value for {Controller.ClassName}.{action.Method.Identifier.ValueText}"));
                }

                yield return RouteTemplate.Normalize(replaced);
            }
        }

        /// <summary>
        /// The #if condition of an action; an inherited action also carries the condition of the
        /// controller that inherits it. Files without #if are not walked (#nullable and #region would
        /// make every walk pay for nothing).
        /// </summary>
        private string? Condition(ControllerAction action)
        {
            var own = action.Document.HasDirectives ? ConditionalDirectives.ConditionOf(action.Method) : null;
            if (action.Owner.Declaration.Identifier.ValueText == Controller.ClassName)
            {
                return own;
            }

            var document = Controller.Type.Document;
            var inherited = document.HasDirectives ? ConditionalDirectives.ConditionOf(Controller.Type.Declaration) : null;
            return inherited is null ? own : own is null ? inherited : $"{inherited} && {own}";
        }

        /// <summary>The nearest [Area("x")] on the controller or a base class.</summary>
        private string? Area()
        {
            var attribute = Controller.Attributes.FirstOrDefault(a => a.Name == "Area");
            var argument = attribute is null ? null : SyntaxHelpers.PositionalArguments(attribute.Attribute).FirstOrDefault();
            return argument is null ? null : Corpus.Constants.Evaluate(argument);
        }
    }
}
