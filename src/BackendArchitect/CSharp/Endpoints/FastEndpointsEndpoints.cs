using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// FastEndpoints endpoint classes (Configure() with Get/Post/..., or [HttpGet] on the class).
/// Every endpoint is secured unless it calls AllowAnonymous(), so the service's fallback policy
/// never decides and <c>defaults</c> is not consulted.
/// </summary>
public static class FastEndpointsEndpoints
{
    private const string DefaultSecurityPrefix = "FastEndpoints endpoint ";
    private const string DefaultSecuritySuffix = ": secured unless AllowAnonymous() is called";

    /// <summary>
    /// True for the source that stands for FastEndpoints' own default (every endpoint is secured until it calls
    /// AllowAnonymous()), as opposed to a group's or the endpoint's own Roles, Policies or Claims.
    /// </summary>
    public static bool IsDefaultSecurity(Model.AuthSource source) =>
        source.Kind == "authorize" && source.Detail.StartsWith(DefaultSecurityPrefix, StringComparison.Ordinal) && source.Detail.EndsWith(DefaultSecuritySuffix, StringComparison.Ordinal);

    private static readonly HashSet<string> BodyVerbs = new(StringComparer.Ordinal) { "POST", "PUT", "PATCH" };

    public static IEnumerable<Endpoint> Discover(CSharpCorpus corpus, IReadOnlyDictionary<string, ServiceAuthDefaults> defaults, ICollection<Diagnostic> diagnostics)
    {
        if (!corpus.Documents.Any(d => d.File.Text.Contains("FastEndpoints", StringComparison.Ordinal))
            && !corpus.Projects.Any(p => p.PackageReferences.Contains("FastEndpoints", StringComparer.OrdinalIgnoreCase)))
        {
            return [];
        }

        var configs = FastEndpointsConfig.ReadAll(corpus, diagnostics);
        var cache = new ConcurrentDictionary<string, FastEndpointsClass?>(StringComparer.Ordinal);
        var endpoints = new List<Endpoint>();
        var servicesWithoutSetup = new SortedDictionary<string, CSharpDocument>(StringComparer.Ordinal);
        foreach (var entry in corpus.Types.Values.SelectMany(v => v).OrderBy(e => e.Document.Path, StringComparer.Ordinal).ThenBy(e => e.Declaration.SpanStart))
        {
            // Abstract and open generic classes are bases; FastEndpoints registers only concrete endpoint types.
            if (entry.Declaration is not ClassDeclarationSyntax type || type.BaseList is null
                || type.Modifiers.Any(SyntaxKind.AbstractKeyword) || type.TypeParameterList is not null)
            {
                continue;
            }

            try
            {
                var shape = FastEndpointsClass.Of(corpus, type, cache);
                if (shape is not null)
                {
                    var before = endpoints.Count;
                    endpoints.AddRange(ClassEndpoints(corpus, entry, type, shape, configs, diagnostics));
                    var service = corpus.Services.ServiceOf(entry.Document);
                    if (endpoints.Count > before && !configs.ContainsKey(service))
                    {
                        servicesWithoutSetup.TryAdd(service, entry.Document);
                    }
                }
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException)
            {
                diagnostics.Add(new Diagnostic(entry.Document.Path, entry.Document.LineOf(type), $"FastEndpoints endpoint {entry.Name} could not be read: {e.Message}"));
            }
        }

        foreach (var (service, doc) in servicesWithoutSetup)
        {
            diagnostics.Add(new Diagnostic(doc.Path, 1, $"service {service} has FastEndpoints endpoints but no UseFastEndpoints call was found; routes are listed without a global prefix or version", DiagnosticSeverity.Info));
        }

        return endpoints;
    }

    private static IEnumerable<Endpoint> ClassEndpoints(
        CSharpCorpus corpus,
        TypeEntry entry,
        ClassDeclarationSyntax type,
        FastEndpointsClass shape,
        Dictionary<string, FastEndpointsConfig> configs,
        ICollection<Diagnostic> diagnostics)
    {
        var doc = entry.Document;
        var service = corpus.Services.ServiceOf(doc);
        var config = configs.GetValueOrDefault(service) ?? FastEndpointsConfig.Unreadable;
        var settings = new FastEndpointsSettings(corpus, diagnostics);
        var classAuth = new List<AuthMetadata>();
        foreach (var attribute in SyntaxHelpers.Attributes(type))
        {
            settings.ApplyAttribute(attribute, doc);
            if (RazorPageAuthAttributes.Read(attribute, corpus, doc, "endpoint class " + entry.Name) is { } metadata)
            {
                classAuth.Add(metadata);
            }
        }

        ApplyConfigure(type, doc, shape.BaseClasses, settings, 0);
        if (!config.ConfiguratorIsConditional)
        {
            foreach (var call in config.ConfiguratorCalls)
            {
                settings.Apply(call, depth: 1);
            }
        }

        if (settings.Verbs.Count == 0 || settings.Routes.Count == 0 || settings.RouteNode is null || settings.RouteDocument is null)
        {
            // Classes that never configure anything (test doubles, helpers) are not endpoints anyone serves.
            if (!HasConfigure(type, shape.BaseClasses))
            {
                yield break;
            }

            diagnostics.Add(new Diagnostic(doc.Path, doc.LineOf(type.Identifier), $"FastEndpoints endpoint {entry.Name} declares no readable verb and route; not listed", DiagnosticSeverity.Info));
            yield break;
        }

        var handlerMethod = Methods(type).FirstOrDefault(m => m.Identifier.ValueText == "HandleAsync")
            ?? Methods(type).FirstOrDefault(m => m.Identifier.ValueText == "ExecuteAsync");
        // Vertical slices nest a class named "Endpoint" in a feature class: the outer name tells them apart.
        var handler = $"{SyntaxHelpers.QualifiedName(type)}.{handlerMethod?.Identifier.ValueText ?? "HandleAsync"}";
        var requestName = handlerMethod?.ParameterList.Parameters.FirstOrDefault()?.Identifier.ValueText ?? "req";
        var responses = shape.ResponseType is null or "EmptyResponse" or "object" ? ImmutableArray<ResponseType>.Empty : [new ResponseType(null, shape.ResponseType)];
        var condition = ConditionalDirectives.ConditionOf(settings.RouteNode);
        var secured = AuthMetadata.Authorize($"{DefaultSecurityPrefix}{entry.Name}{DefaultSecuritySuffix}", doc.Path, doc.LineOf(type.Identifier));
        if (settings.Version > 0 && !config.Readable)
        {
            diagnostics.Add(new Diagnostic(settings.RouteDocument.Path, settings.RouteLine, $"FastEndpoints endpoint {entry.Name} calls Version({settings.Version}) but the UseFastEndpoints versioning setup was not found; the route is listed without the version segment", DiagnosticSeverity.Info));
        }

        foreach (var route in settings.Routes.Distinct(StringComparer.Ordinal))
        {
            var finalRoute = BuildRoute(config, settings, route);
            foreach (var verb in settings.Verbs.Distinct(StringComparer.Ordinal))
            {
                var anonymous = settings.BuilderAnonymous.ToList();
                if (settings.AllowAnonymousCall is var (anonymousMetadata, anonymousVerbs) && (anonymousVerbs is null || anonymousVerbs.Contains(verb)))
                {
                    anonymous.Add(anonymousMetadata);
                }

                var metadata = new List<AuthMetadata> { secured };
                metadata.AddRange(classAuth);
                metadata.AddRange(settings.Authorization);
                metadata.AddRange(anonymous);
                var auth = AuthResolver.Resolve(metadata, null);
                if (config.ConfiguratorIsConditional)
                {
                    // A configurator with branches may open or restrict any endpoint: say so instead of guessing.
                    auth = auth with { Required = null, Sources = auth.Sources.Add(new AuthSource("unknown", "UseFastEndpoints configurator with conditions", doc.Path, doc.LineOf(type.Identifier))) };
                }

                yield return new Endpoint(
                    service,
                    EndpointKinds.FastEndpoints,
                    verb,
                    finalRoute,
                    handler,
                    settings.RouteDocument.Path,
                    settings.RouteLine,
                    auth,
                    Parameters(corpus, shape.RequestType, requestName, verb, finalRoute, doc),
                    responses,
                    condition);
            }
        }
    }

    /// <summary>Reads Configure(): the class's own, or the nearest base class's; <c>base.Configure()</c> runs the base's in place.</summary>
    private static void ApplyConfigure(ClassDeclarationSyntax type, CSharpDocument doc, IReadOnlyList<TypeEntry> bases, FastEndpointsSettings settings, int depth)
    {
        var configure = Methods(type).FirstOrDefault(m => m.Identifier.ValueText == "Configure" && m.ParameterList.Parameters.Count == 0);
        if (configure is null)
        {
            if (bases.Count > 0 && bases[0].Declaration is ClassDeclarationSyntax baseType && depth < 6)
            {
                ApplyConfigure(baseType, bases[0].Document, bases.Skip(1).ToList(), settings, depth + 1);
            }

            return;
        }

        SyntaxNode? body = (SyntaxNode?)configure.Body ?? configure.ExpressionBody;
        if (body is null)
        {
            return;
        }

        foreach (var call in FastEndpointsCall.On(doc, body, receiver: null))
        {
            if (call.Name == "Configure" && call.IsOnBase)
            {
                if (bases.Count > 0 && bases[0].Declaration is ClassDeclarationSyntax baseType && depth < 6)
                {
                    ApplyConfigure(baseType, bases[0].Document, bases.Skip(1).ToList(), settings, depth + 1);
                }

                continue;
            }

            settings.Apply(call);
        }
    }

    /// <summary>
    /// Composes the served route as FastEndpoints does: "/{prefix}/{v1}/{group}/{route}" when the version
    /// is prepended, "/{prefix}/{group}/{route}/{v1}" otherwise; an empty prefix override drops the prefix.
    /// </summary>
    public static string BuildRoute(FastEndpointsConfig config, FastEndpointsSettings settings, string route)
    {
        var path = string.Join('/', settings.GroupPrefixes.Append(route).Select(p => p.Trim('/')).Where(p => p.Length > 0));
        var version = settings.Version > 0 ? settings.Version : config.DefaultVersion;
        var versionSegment = config.Readable && version > 0 ? config.VersionPrefix + version : null;
        var builder = new StringBuilder();
        if (config.Readable && config.RoutePrefix is not null && settings.PrefixOverride != "")
        {
            builder.Append('/').Append((settings.PrefixOverride ?? config.RoutePrefix).Trim('/'));
        }

        if (versionSegment is not null && config.PrependVersion)
        {
            builder.Append('/').Append(versionSegment);
        }

        if (path.Length > 0)
        {
            builder.Append('/').Append(path);
        }

        if (versionSegment is not null && !config.PrependVersion)
        {
            builder.Append('/').Append(versionSegment);
        }

        var result = builder.ToString().Replace("//", "/", StringComparison.Ordinal);
        return result.Length == 0 ? "/" : result;
    }

    /// <summary>The request DTO (body for POST/PUT/PATCH, query otherwise) and the route template's values.</summary>
    public static ImmutableArray<Parameter> Parameters(CSharpCorpus corpus, string? requestType, string requestName, string verb, string route, CSharpDocument endpointDocument)
    {
        var result = ImmutableArray.CreateBuilder<Parameter>();
        var properties = requestType is null ? [] : RequestProperties(corpus, requestType, endpointDocument);
        foreach (var routeParameter in RazorPageRoute.TemplateParameters(route))
        {
            var type = properties.TryGetValue(routeParameter.Name, out var declared) ? declared : routeParameter.Type;
            result.Add(routeParameter with { Type = type });
        }

        if (requestType is not null and not "EmptyRequest")
        {
            result.Add(new Parameter(requestName, BodyVerbs.Contains(verb) ? "body" : "query", requestType));
        }

        return result.ToImmutable();
    }

    /// <summary>Properties of the request DTO; a declaration in the endpoint's own file wins over same-named types elsewhere.</summary>
    private static Dictionary<string, string> RequestProperties(CSharpCorpus corpus, string requestType, CSharpDocument endpointDocument)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var entries = corpus.FindType(requestType);
        var local = entries.Where(e => e.Document == endpointDocument).ToList();
        foreach (var entry in local.Count > 0 ? local : entries.AsEnumerable())
        {
            if (entry.Declaration is not TypeDeclarationSyntax declaration)
            {
                continue;
            }

            foreach (var property in declaration.Members.OfType<PropertyDeclarationSyntax>())
            {
                result.TryAdd(property.Identifier.ValueText, property.Type.ToString());
            }

            foreach (var parameter in declaration.ParameterList?.Parameters ?? [])
            {
                result.TryAdd(parameter.Identifier.ValueText, parameter.Type?.ToString() ?? "string");
            }
        }

        return result;
    }

    private static bool HasConfigure(ClassDeclarationSyntax type, IReadOnlyList<TypeEntry> bases) =>
        Methods(type).Any(m => m.Identifier.ValueText == "Configure")
        || bases.Any(b => b.Declaration is ClassDeclarationSyntax c && Methods(c).Any(m => m.Identifier.ValueText == "Configure"));

    private static IEnumerable<MethodDeclarationSyntax> Methods(ClassDeclarationSyntax type) => type.Members.OfType<MethodDeclarationSyntax>();
}
