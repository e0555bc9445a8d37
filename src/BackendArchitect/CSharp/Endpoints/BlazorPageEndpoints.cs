using BackendArchitect.CSharp.Auth;
using BackendArchitect.Model;
using BackendArchitect.Workspace;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// Routable Blazor components (<c>@page</c> in a .razor file) of a service that maps them with
/// <c>MapRazorComponents&lt;App&gt;()</c>: each route is a server endpoint answering GET and POST. Components of a
/// Blazor WebAssembly, Blazor Server or MAUI app route in the browser or the app instead; they are
/// named in one diagnostic per project, not listed.
/// </summary>
public static class BlazorPageEndpoints
{
    /// <summary>ASP.NET Core maps every component route for GET and for POST (enhanced form posts of static server rendering).</summary>
    private static readonly string[] Methods = ["GET", "POST"];

    public static IEnumerable<Endpoint> Discover(CSharpCorpus corpus, WorkspaceSnapshot workspace, IReadOnlyDictionary<string, ServiceAuthDefaults> defaults, ICollection<Diagnostic> diagnostics)
    {
        var components = workspace.OfKind(FileKind.RazorComponent).ToList();
        var routable = components.Where(f => f.Text.Contains("@page", StringComparison.Ordinal) || f.Text.Contains("Route(", StringComparison.Ordinal)).ToList();
        if (routable.Count == 0)
        {
            return [];
        }

        var projectsByDepth = corpus.Projects.OrderByDescending(p => p.Directory.Length).ThenBy(p => p.Path, StringComparer.Ordinal).ToArray();
        var mappers = ComponentMappers(corpus);
        var imports = components.Where(f => f.FileName.Equals("_Imports.razor", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(f => f.Directory, BlazorComponentFile.Read, StringComparer.Ordinal);

        var endpoints = new List<Endpoint>();
        var unmapped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in routable.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var component = BlazorComponentFile.Read(file);
            var routes = component.Routes.Concat(RouteAttributes(corpus, component)).ToList();
            if (routes.Count == 0)
            {
                continue;
            }

            var project = projectsByDepth.FirstOrDefault(p => p.Directory == "." || file.Path.StartsWith(p.Directory + "/", StringComparison.Ordinal));
            var services = mappers.Where(m => m.Value.Contains(project?.Path ?? "")).Select(m => m.Key).ToList();
            if (services.Count == 0)
            {
                var name = project?.Path ?? file.Directory;
                unmapped[name] = unmapped.GetValueOrDefault(name) + routes.Count;
                continue;
            }

            var metadata = InheritedImports(file, project, imports).Append(component)
                .SelectMany(c => AuthAttributes(corpus, c, file))
                .ToList();
            foreach (var service in services)
            {
                var serviceDefaults = ServiceAuthDefaultsReader.For(defaults, service);
                var auth = AuthResolver.Resolve(metadata.Concat(serviceDefaults.RazorComponents), serviceDefaults.Fallback);
                foreach (var (route, line) in routes.DistinctBy(r => r.Route, StringComparer.OrdinalIgnoreCase))
                {
                    foreach (var method in Methods)
                    {
                        endpoints.Add(new Endpoint(service, EndpointKinds.BlazorPage, method, route, file.Path, file.Path, line, auth, [.. RazorPageRoute.TemplateParameters(route)], [], null));
                    }
                }
            }
        }

        foreach (var (project, count) in unmapped)
        {
            diagnostics.Add(new Diagnostic(project, 1, $"{count} Blazor component route(s) not listed as endpoints: no service maps this project's components with MapRazorComponents (Blazor WebAssembly, Blazor Server and MAUI components route on the client)", DiagnosticSeverity.Info));
        }

        return endpoints;
    }

    /// <summary>
    /// For each service that calls <c>MapRazorComponents</c>, the projects whose components it routes: its own and
    /// those named by <c>AddAdditionalAssemblies(typeof(T).Assembly)</c> on the same chain.
    /// </summary>
    private static Dictionary<string, HashSet<string>> ComponentMappers(CSharpCorpus corpus)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var service in corpus.Services.Services)
        {
            foreach (var doc in corpus.Services.DocumentsOf(service.Name))
            {
                if (!doc.File.Text.Contains("MapRazorComponents", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var map in doc.Root.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(i => SyntaxHelpers.InvokedName(i) == "MapRazorComponents"))
                {
                    if (!result.TryGetValue(service.Name, out var projects))
                    {
                        result[service.Name] = projects = new HashSet<string>(StringComparer.Ordinal);
                    }

                    projects.Add(doc.Project?.Path ?? "");
                    foreach (var assemblyProject in AdditionalAssemblies(corpus, doc, map))
                    {
                        projects.Add(assemblyProject);
                    }
                }
            }
        }

        return result;
    }

    private static IEnumerable<string> AdditionalAssemblies(CSharpCorpus corpus, CSharpDocument doc, InvocationExpressionSyntax map)
    {
        for (var node = map; node.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax outer }; node = outer)
        {
            if (SyntaxHelpers.InvokedName(outer) != "AddAdditionalAssemblies")
            {
                continue;
            }

            foreach (var type in outer.DescendantNodes().OfType<TypeOfExpressionSyntax>())
            {
                if (ProjectOfType(corpus, doc, type.Type.ToString()) is { } project)
                {
                    yield return project;
                }
            }
        }
    }

    /// <summary>
    /// The project a type comes from: a C# class found in the code, or, for a component such as
    /// <c>Client._Imports</c> that exists only as .razor, the project named after its namespace.
    /// </summary>
    private static string? ProjectOfType(CSharpCorpus corpus, CSharpDocument from, string typeName)
    {
        var simple = SyntaxHelpers.SimpleTypeName(typeName);
        if (TypeHierarchy.ResolveClass(corpus, simple, from) is { Document.Project: { } project })
        {
            return project.Path;
        }

        var dot = typeName.LastIndexOf('.');
        var ns = dot < 0 ? null : typeName[..dot].Replace("global::", "", StringComparison.Ordinal);
        return ns is null ? null : corpus.Projects.FirstOrDefault(p => p.Name == ns)?.Path;
    }

    /// <summary>Blazor applies an _Imports.razor to the components of its folder and every folder below it, within the project.</summary>
    private static IEnumerable<BlazorComponentFile> InheritedImports(SourceFile file, ProjectFile? project, Dictionary<string, BlazorComponentFile> imports)
    {
        var found = new List<BlazorComponentFile>();
        for (var dir = file.Directory; ; dir = dir.Contains('/') ? dir[..dir.LastIndexOf('/')] : ".")
        {
            if (imports.TryGetValue(dir, out var import) && !file.FileName.Equals("_Imports.razor", StringComparison.OrdinalIgnoreCase))
            {
                found.Add(import);
            }

            if (dir == "." || dir == project?.Directory)
            {
                break;
            }
        }

        found.Reverse();
        return found;
    }

    private static IEnumerable<AuthMetadata> AuthAttributes(CSharpCorpus corpus, BlazorComponentFile component, SourceFile file)
    {
        foreach (var attribute in component.AttributeList())
        {
            var owner = component.Attributes!.Path == file.Path ? "component " + Path.GetFileNameWithoutExtension(file.Path) : component.Attributes.Path;
            if (RazorPageAuthAttributes.Read(attribute, corpus, component.Attributes, owner) is { } metadata)
            {
                yield return metadata;
            }
        }
    }

    /// <summary><c>@attribute [Route("/x")]</c>, the attribute form of <c>@page</c>.</summary>
    private static IEnumerable<(string Route, int Line)> RouteAttributes(CSharpCorpus corpus, BlazorComponentFile component)
    {
        foreach (var attribute in component.AttributeList().Where(a => SyntaxHelpers.AttributeName(a) == "Route"))
        {
            var argument = SyntaxHelpers.PositionalArguments(attribute).FirstOrDefault();
            if (argument is not null && corpus.Constants.Evaluate(argument) is { } route)
            {
                yield return (route, component.Attributes!.LineOf(attribute));
            }
        }
    }
}
