using System.Text;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>One conventional route: <c>MapControllerRoute</c>, <c>MapAreaControllerRoute</c>, <c>MapDefaultControllerRoute</c>, or <c>routes.MapRoute</c>/<c>MapAreaRoute</c> inside UseMvc.</summary>
/// <param name="Area">The area a MapAreaControllerRoute is restricted to.</param>
/// <param name="Defaults">Values from the <c>defaults: new { controller = "Home" }</c> argument.</param>
public sealed record ConventionalRoute(string Pattern, string? Area, IReadOnlyDictionary<string, string> Defaults);

/// <summary>
/// Conventional routing for controllers without attribute routes. Each action is reported at the
/// route URL generation gives for it through the first route that can reach it: the route
/// parameters controller/action/area replaced by the action's values, other parameters kept
/// (<c>/Home/Index/{id?}</c>). Shorter URLs that reach the same action through defaults
/// (<c>/</c>, <c>/Home</c>) are not reported separately.
/// </summary>
public static class ConventionalRoutes
{
    public const string DefaultPattern = "{controller=Home}/{action=Index}/{id?}";

    /// <summary>Conventional routes by service, in registration order.</summary>
    public static IReadOnlyDictionary<string, List<ConventionalRoute>> Read(CSharpCorpus corpus, ICollection<Diagnostic> diagnostics)
    {
        var result = new Dictionary<string, List<ConventionalRoute>>(StringComparer.Ordinal);
        foreach (var document in corpus.Documents.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            var text = document.File.Text;
            if (!text.Contains("ControllerRoute", StringComparison.Ordinal) && !text.Contains("MapRoute", StringComparison.Ordinal) && !text.Contains("UseMvcWithDefaultRoute", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var invocation in document.Root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var route = Route(corpus, invocation);
                if (route is null)
                {
                    continue;
                }

                if (route.Pattern.Length == 0)
                {
                    diagnostics.Add(new Diagnostic(document.Path, document.LineOf(invocation), "conventional route pattern is not a constant; it is ignored"));
                    continue;
                }

                var service = corpus.Services.ServiceOf(document);
                if (!result.TryGetValue(service, out var list))
                {
                    result[service] = list = [];
                }

                list.Add(route);
            }
        }

        return result;
    }

    private static ConventionalRoute? Route(CSharpCorpus corpus, InvocationExpressionSyntax invocation)
    {
        var name = SyntaxHelpers.InvokedName(invocation);
        var empty = new Dictionary<string, string>();
        switch (name)
        {
            case "MapDefaultControllerRoute" or "UseMvcWithDefaultRoute":
                return new ConventionalRoute(DefaultPattern, null, empty);
            case "MapControllerRoute" or "MapRoute":
                {
                    var pattern = Argument(invocation, 1, "pattern", "template");
                    if (name == "MapRoute" && pattern is null)
                    {
                        return null;
                    }

                    return new ConventionalRoute(corpus.Constants.Evaluate(pattern) ?? "", null, Defaults(corpus, Argument(invocation, 2, "defaults")));
                }

            case "MapAreaControllerRoute" or "MapAreaRoute":
                {
                    var area = corpus.Constants.Evaluate(Argument(invocation, 1, "areaName"));
                    var pattern = corpus.Constants.Evaluate(Argument(invocation, 2, "pattern", "template"));
                    return new ConventionalRoute(area is null ? "" : pattern ?? "", area, Defaults(corpus, Argument(invocation, 3, "defaults")));
                }

            default:
                return null;
        }
    }

    /// <summary>An argument by position, or by name when written as <c>name: value</c>.</summary>
    private static ExpressionSyntax? Argument(InvocationExpressionSyntax invocation, int position, params string[] names)
    {
        var arguments = invocation.ArgumentList.Arguments;
        var named = arguments.FirstOrDefault(a => a.NameColon is not null && names.Contains(a.NameColon.Name.Identifier.ValueText));
        if (named is not null)
        {
            return named.Expression;
        }

        return position < arguments.Count && arguments[position].NameColon is null ? arguments[position].Expression : null;
    }

    private static Dictionary<string, string> Defaults(CSharpCorpus corpus, ExpressionSyntax? expression)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (expression is AnonymousObjectCreationExpressionSyntax anonymous)
        {
            foreach (var member in anonymous.Initializers)
            {
                var key = member.NameEquals?.Name.Identifier.ValueText;
                var value = corpus.Constants.Evaluate(member.Expression);
                if (key is not null && value is not null)
                {
                    result[key] = value;
                }
            }
        }

        return result;
    }

    /// <summary>
    /// A parameter with a slugify-style transformer in its constraints (<c>{controller:slugify}</c>, registered in
    /// the route options' ConstraintMap). Attribute-route token transformers do not apply to conventional routes.
    /// </summary>
    private static bool IsSlugify(string parameter)
    {
        var colon = parameter.IndexOf(':');
        return colon >= 0 && (parameter[colon..].Contains("slug", StringComparison.OrdinalIgnoreCase) || parameter[colon..].Contains("kebab", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The URL of an action through a route, or null when the route cannot reach it.</summary>
    public static string? Expand(ConventionalRoute route, string controller, string action, string? area)
    {
        if (route.Area is not null && !string.Equals(route.Area, area, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["controller"] = controller,
            ["action"] = action,
            ["area"] = area,
        };
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sb = new StringBuilder();
        var pattern = route.Pattern;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '{' || (i + 1 < pattern.Length && pattern[i + 1] == '{'))
            {
                sb.Append(pattern[i]);
                continue;
            }

            var end = pattern.IndexOf('}', i);
            if (end < 0)
            {
                return null;
            }

            var inner = pattern[(i + 1)..end];
            var stop = inner.IndexOfAny([':', '=', '?']);
            var parameter = (stop >= 0 ? inner[..stop] : inner).TrimStart('*');
            if (values.TryGetValue(parameter, out var value))
            {
                if (value is null)
                {
                    return null;
                }

                seen.Add(parameter);
                sb.Append(IsSlugify(inner) ? RouteTemplate.Kebab(value) : value);
            }
            else
            {
                sb.Append(pattern, i, end - i + 1);
            }

            i = end;
        }

        // A route without a {controller}/{action}/{area} parameter only reaches the values in its defaults.
        foreach (var (key, value) in values)
        {
            if (seen.Contains(key))
            {
                continue;
            }

            var fixedValue = route.Defaults.GetValueOrDefault(key) ?? (key == "area" ? route.Area : null);
            if (!string.Equals(fixedValue, value, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return RouteTemplate.Normalize(sb.ToString());
    }
}
