using System.Collections.Immutable;
using BackendArchitect.Model;
using BackendArchitect.Workspace;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>Razor Pages: .cshtml files with an @page directive under a Pages folder.</summary>
public static class RazorPageEndpoints
{
    public static IEnumerable<Endpoint> Discover(CSharpCorpus corpus, WorkspaceSnapshot workspace, IReadOnlyDictionary<string, ServiceAuthDefaults> defaults, ICollection<Diagnostic> diagnostics)
    {
        var candidates = workspace.OfKind(FileKind.Razor).Where(f => f.Text.Contains("@page", StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var projectsByDepth = corpus.Projects.OrderByDescending(p => p.Directory.Length).ThenBy(p => p.Path, StringComparer.Ordinal).ToArray();
        var documentByProject = new Dictionary<string, CSharpDocument>(StringComparer.Ordinal);
        foreach (var doc in corpus.Documents)
        {
            if (doc.Project is not null)
            {
                documentByProject.TryAdd(doc.Project.Path, doc);
            }
        }

        var conventions = new Dictionary<string, RazorPageConventions>(StringComparer.Ordinal);
        var endpoints = new List<Endpoint>();
        foreach (var file in candidates)
        {
            try
            {
                var directives = RazorPageFile.Read(file);
                if (directives is null)
                {
                    continue;
                }

                var project = OwningProject(projectsByDepth, file.Path);
                var page = RazorPageRoute.Of(file.Path, project?.Directory, directives.Template);
                if (page is null)
                {
                    continue;
                }

                var service = ServiceOfPage(corpus, project, documentByProject);
                if (!conventions.TryGetValue(service, out var serviceConventions))
                {
                    conventions[service] = serviceConventions = RazorPageConventions.Read(corpus, service, diagnostics);
                }

                endpoints.AddRange(PageEndpoints(corpus, file, directives, page, service, serviceConventions, defaults.GetValueOrDefault(service), diagnostics));
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
            {
                diagnostics.Add(new Diagnostic(file.Path, 1, $"Razor page could not be read: {e.Message}"));
            }
        }

        return endpoints;
    }

    private static IEnumerable<Endpoint> PageEndpoints(
        CSharpCorpus corpus,
        SourceFile file,
        RazorPageFile directives,
        RazorPageRoute page,
        string service,
        RazorPageConventions conventions,
        ServiceAuthDefaults? defaults,
        ICollection<Diagnostic> diagnostics)
    {
        var model = RazorPageModel.Find(corpus, directives.ModelType, file.Path);
        if (model is null && directives.ModelType is not null && !directives.ModelType.Contains('<'))
        {
            diagnostics.Add(new Diagnostic(file.Path, directives.PageLine, $"page model '{directives.ModelType}' not found in the code; only GET is listed and class-level authorization is not read", DiagnosticSeverity.Info));
        }

        // MapRazorPages().RequireAuthorization()/AllowAnonymous() and global filters come with the service defaults.
        var metadata = (model?.ClassAuthorization(corpus) ?? []).Concat(conventions.For(page)).Concat(defaults?.RazorPages ?? []).ToList();
        var auth = AuthResolver.Resolve(metadata, defaults?.Fallback);
        var handlers = model?.Handlers(diagnostics) ?? [];
        var routes = new List<string> { page.Route };
        routes.AddRange(conventions.ExtraRoutesOf(page).Select(r => r.Route).Where(r => !routes.Contains(r, StringComparer.OrdinalIgnoreCase)));

        foreach (var route in routes)
        {
            var routeNames = ParameterBinding.RouteParameterNames(route);

            // A page renders on GET even without an OnGet handler; the handler is then the page itself.
            if (!handlers.Any(h => h.Verb == "GET" && h.Name is null))
            {
                var parameters = model?.BoundProperties("GET", routeNames) ?? [];
                var condition = model is null ? null : ConditionalDirectives.ConditionOf(model.Declarations[0].Declaration);
                yield return new Endpoint(service, EndpointKinds.RazorPage, "GET", route, file.Path, file.Path, directives.PageLine, auth, WithRouteParameters([.. parameters], route), [], condition);
            }

            foreach (var handler in handlers)
            {
                var parameters = handler.Parameters(routeNames).AddRange(model!.BoundProperties(handler.Verb, routeNames));
                if (handler.Name is not null && !routeNames.Contains("handler"))
                {
                    parameters = parameters.Add(new Parameter("handler", "query", "string"));
                }

                yield return new Endpoint(
                    service,
                    EndpointKinds.RazorPage,
                    handler.Verb,
                    route,
                    $"{model.Name}.{handler.Method.Identifier.ValueText}",
                    file.Path,
                    directives.PageLine,
                    auth,
                    WithRouteParameters(parameters, route),
                    [],
                    ConditionalDirectives.ConditionOf(handler.Method));
            }
        }
    }

    /// <summary>Route values reach the page even when no handler parameter or property binds them.</summary>
    private static ImmutableArray<Parameter> WithRouteParameters(ImmutableArray<Parameter> parameters, string route) =>
        [.. parameters.Concat(RazorPageRoute.TemplateParameters(route)).DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase)];

    private static ProjectFile? OwningProject(ProjectFile[] byDepth, string path) =>
        byDepth.FirstOrDefault(p => p.Directory == "." || path.StartsWith(p.Directory + "/", StringComparison.Ordinal));

    /// <summary>A .cshtml has no C# document; its service is the one its project's code runs in.</summary>
    private static string ServiceOfPage(CSharpCorpus corpus, ProjectFile? project, Dictionary<string, CSharpDocument> documentByProject)
    {
        if (project is not null && documentByProject.TryGetValue(project.Path, out var doc))
        {
            return corpus.Services.ServiceOf(doc);
        }

        var services = corpus.Services.Services;
        var own = project is null ? null : services.FirstOrDefault(s => s.Project == project.Path);
        if (own is not null)
        {
            return own.Name;
        }

        return services.Count == 1 ? services[0].Name : project?.Name ?? corpus.Services.FallbackName;
    }
}
