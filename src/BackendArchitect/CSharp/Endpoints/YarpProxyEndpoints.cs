using BackendArchitect.Config;
using BackendArchitect.CSharp.Auth;
using BackendArchitect.Model;
using BackendArchitect.Workspace;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// YARP reverse proxy routes of a service that calls <c>MapReverseProxy()</c>: each route of its JSON configuration
/// (<c>ReverseProxy:Routes:&lt;id&gt;</c> in appsettings*.json or another JSON file in the project folder, such as a
/// yarp.json added with AddJsonFile) is a <c>proxy</c> endpoint on the route's <c>Match:Path</c>, for its
/// <c>Match:Methods</c> or ANY, naming the cluster it forwards to.
/// </summary>
public static class YarpProxyEndpoints
{
    public static IEnumerable<Endpoint> Discover(CSharpCorpus corpus, WorkspaceSnapshot workspace, IReadOnlyDictionary<string, ServiceAuthDefaults> defaults, ICollection<Diagnostic> diagnostics)
    {
        var endpoints = new List<Endpoint>();
        foreach (var (service, call) in ProxyMaps(corpus))
        {
            var section = call.Section;
            var directory = corpus.Services.Services.FirstOrDefault(s => s.Name == service)?.Path ?? call.Document.File.Directory;
            var routes = ReadRoutes(workspace, directory, section);
            if (call.InCode is { } inCode)
            {
                diagnostics.Add(new Diagnostic(inCode.Document.Path, inCode.Document.LineOf(inCode.Call), "YARP routes given in code (LoadFromMemory or a custom IProxyConfigProvider) are not read; proxy endpoints may be missing"));
            }
            else if (routes.Count == 0)
            {
                diagnostics.Add(new Diagnostic(call.Document.Path, call.Document.LineOf(call.Map), $"MapReverseProxy: no '{section}:Routes' found in the JSON files of '{directory}' (routes from a config server or environment variables are not read); proxy endpoints are missing"));
            }

            var serviceDefaults = ServiceAuthDefaultsReader.For(defaults, service);
            endpoints.AddRange(routes.SelectMany(r => r.Endpoints(service, serviceDefaults)));
        }

        return endpoints;
    }

    /// <summary>One <c>MapReverseProxy</c> per service (the first), with the config section it loads and any in-code configuration.</summary>
    private static IEnumerable<(string Service, ProxyCall Call)> ProxyMaps(CSharpCorpus corpus)
    {
        var maps = new SortedDictionary<string, ProxyCall>(StringComparer.Ordinal);
        var inCode = new Dictionary<string, (CSharpDocument, InvocationExpressionSyntax)>(StringComparer.Ordinal);
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var doc in corpus.Documents.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            var text = doc.File.Text;
            if (!text.Contains("ReverseProxy", StringComparison.Ordinal) && !text.Contains("LoadFromMemory", StringComparison.Ordinal))
            {
                continue;
            }

            var service = corpus.Services.ServiceOf(doc);
            foreach (var invocation in doc.Root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                switch (SyntaxHelpers.InvokedName(invocation))
                {
                    case "MapReverseProxy":
                        maps.TryAdd(service, new ProxyCall(doc, invocation, "ReverseProxy", null));
                        break;
                    case "LoadFromMemory":
                        inCode.TryAdd(service, (doc, invocation));
                        break;
                    case "LoadFromConfig" when SectionName(corpus, invocation) is { } name:
                        sections.TryAdd(service, name);
                        break;
                }
            }
        }

        foreach (var (service, call) in maps)
        {
            var withSection = sections.TryGetValue(service, out var name) ? call with { Section = name } : call;
            yield return (service, inCode.TryGetValue(service, out var code) ? withSection with { InCode = code } : withSection);
        }
    }

    /// <summary>The section of <c>LoadFromConfig(configuration.GetSection("X"))</c>, when constant.</summary>
    private static string? SectionName(CSharpCorpus corpus, InvocationExpressionSyntax loadFromConfig)
    {
        var getSection = loadFromConfig.ArgumentList.Arguments.FirstOrDefault()?.Expression as InvocationExpressionSyntax;
        var argument = getSection is not null && SyntaxHelpers.InvokedName(getSection) == "GetSection" ? getSection.ArgumentList.Arguments.FirstOrDefault()?.Expression : null;
        return argument is null ? null : corpus.Constants.Evaluate(argument);
    }

    /// <summary>
    /// The routes of the JSON files directly in the service folder. A route id in several files (appsettings.json and
    /// appsettings.Docker.json) is the one of the file without an environment; a route only an environment's file
    /// has carries that environment as its condition.
    /// </summary>
    private static List<ProxyRoute> ReadRoutes(WorkspaceSnapshot workspace, string directory, string section)
    {
        var prefix = section + ":Routes:";
        var files = workspace.OfKind(FileKind.Json)
            .Where(f => f.Directory == directory && f.Text.Contains("Routes", StringComparison.Ordinal))
            .OrderBy(f => EnvironmentOf(f) is null ? 0 : 1)
            .ThenBy(f => f.Path, StringComparer.Ordinal);
        var routes = new Dictionary<string, ProxyRoute>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            // Invalid JSON is reported by the configuration reader; here it only has no routes.
            var entries = AppSettingsReader.Read(file, new List<Diagnostic>())
                .Where(e => e.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .ToList();
            foreach (var group in entries.GroupBy(e => e.Key[prefix.Length..].Split(':')[0], StringComparer.OrdinalIgnoreCase))
            {
                if (!routes.ContainsKey(group.Key))
                {
                    routes[group.Key] = ProxyRoute.Of(group.Key, prefix + group.Key + ":", [.. group], EnvironmentOf(file));
                }
            }
        }

        return [.. routes.Values.OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    /// <summary>"Docker" for appsettings.Docker.json, null for appsettings.json or yarp.json.</summary>
    private static string? EnvironmentOf(SourceFile file)
    {
        var parts = file.FileName.Split('.');
        return parts.Length == 3 && parts[0].Equals("appsettings", StringComparison.OrdinalIgnoreCase) ? parts[1] : null;
    }

    private sealed record ProxyCall(CSharpDocument Document, InvocationExpressionSyntax Map, string Section, (CSharpDocument Document, InvocationExpressionSyntax Call)? InCode);

    /// <summary>One configured route: where it is written and what it matches.</summary>
    private sealed record ProxyRoute(string Id, string File, int Line, string Path, IReadOnlyList<string> Methods, string? Cluster, (string Policy, int Line)? Policy, string? Environment)
    {
        public static ProxyRoute Of(string id, string keyPrefix, List<ConfigEntry> entries, string? environment)
        {
            string? Value(string key) => entries.FirstOrDefault(e => e.Key.Equals(keyPrefix + key, StringComparison.OrdinalIgnoreCase))?.Value;
            var path = entries.FirstOrDefault(e => e.Key.Equals(keyPrefix + "Match:Path", StringComparison.OrdinalIgnoreCase));
            var policy = entries.FirstOrDefault(e => e.Key.Equals(keyPrefix + "AuthorizationPolicy", StringComparison.OrdinalIgnoreCase));
            var methods = entries.Where(e => e.Key.StartsWith(keyPrefix + "Match:Methods:", StringComparison.OrdinalIgnoreCase) && e.Value is { Length: > 0 })
                .Select(e => e.Value!.ToUpperInvariant())
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var line = path?.Line ?? entries.Min(e => e.Line);

            // A route matching on Hosts only takes every path of those hosts.
            var route = path?.Value is { Length: > 0 } p ? (p.StartsWith('/') ? p : "/" + p) : "/{**catch-all}";
            return new ProxyRoute(id, entries[0].File, line, route, methods.Count > 0 ? methods : ["ANY"], Value("ClusterId"), policy?.Value is { Length: > 0 } v ? (v, policy.Line) : null, environment);
        }

        public IEnumerable<Endpoint> Endpoints(string service, ServiceAuthDefaults defaults)
        {
            var metadata = new List<AuthMetadata>(defaults.Proxy);
            if (Policy is { } policy)
            {
                var detail = $"AuthorizationPolicy \"{policy.Policy}\" on proxy route {Id}";

                // YARP's reserved names: "Anonymous" allows anyone, "Default" is the default policy; others are policy names.
                metadata.Add(policy.Policy.ToLowerInvariant() switch
                {
                    "anonymous" => AuthMetadata.AllowAnonymous(detail, File, policy.Line),
                    "default" => AuthMetadata.Authorize(detail, File, policy.Line),
                    _ => AuthMetadata.Authorize(detail, File, policy.Line, policies: [policy.Policy]),
                });
            }

            var auth = AuthResolver.Resolve(metadata, defaults.Fallback);
            var handler = $"proxy route {Id} to cluster {Cluster ?? "?"}";
            var condition = Environment is null ? null : $"IsEnvironment(\"{Environment}\")";
            var parameters = RazorPageRoute.TemplateParameters(Path).ToList();
            return Methods.Select(m => new Endpoint(service, EndpointKinds.Proxy, m, Path, handler, File, Line, auth, [.. parameters], [], condition));
        }
    }
}
