using BackendArchitect.CSharp.Auth;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// ABP auto API controllers: <c>options.ConventionalControllers.Create(typeof(XApplicationModule).Assembly)</c> turns every
/// public method of the application services in that module's project into a controller action, with ABP's route
/// convention (<c>/api/{root path}/{service}/{id}/{action}</c>) and HTTP method by name prefix. A module whose type is
/// not in the code (a package module) or options the scan cannot follow get a diagnostic.
/// </summary>
public static class AbpConventionalControllers
{
    /// <summary>Name prefixes that choose the HTTP method, in ABP's order; the matching prefix is removed from the action name.</summary>
    private static readonly (string Method, string[] Prefixes)[] Conventions =
    [
        ("GET", ["GetList", "GetAll", "Get"]),
        ("PUT", ["Put", "Update"]),
        ("DELETE", ["Delete", "Remove"]),
        ("POST", ["Create", "Add", "Insert", "Post"]),
        ("PATCH", ["Patch"]),
    ];

    private static readonly Dictionary<string, string> VerbAttributes = new(StringComparer.Ordinal)
    {
        ["HttpGet"] = "GET",
        ["HttpPost"] = "POST",
        ["HttpPut"] = "PUT",
        ["HttpDelete"] = "DELETE",
        ["HttpPatch"] = "PATCH",
    };

    /// <summary>ABP base classes whose public methods an application service inherits.</summary>
    private static readonly Dictionary<string, string[]> InheritedMethods = new(StringComparer.Ordinal)
    {
        ["CrudAppService"] = ["GetAsync(id)", "GetListAsync(input)", "CreateAsync(input)", "UpdateAsync(id, input)", "DeleteAsync(id)"],
        ["AbstractKeyCrudAppService"] = ["GetAsync(id)", "GetListAsync(input)", "CreateAsync(input)", "UpdateAsync(id, input)", "DeleteAsync(id)"],
        ["ReadOnlyAppService"] = ["GetAsync(id)", "GetListAsync(input)"],
        ["AbstractKeyReadOnlyAppService"] = ["GetAsync(id)", "GetListAsync(input)"],
    };

    /// <summary>Options of Create(...) that change which services or routes ABP generates; the convention below would then be a guess.</summary>
    private static readonly string[] UnreadOptions = ["UseV3UrlStyle", "UrlControllerNameNormalizer", "UrlActionNameNormalizer", "TypePredicate", "ControllerTypes"];

    public static IEnumerable<Endpoint> Discover(CSharpCorpus corpus, IReadOnlyDictionary<string, ServiceAuthDefaults> defaults, ICollection<Diagnostic> diagnostics)
    {
        var endpoints = new List<Endpoint>();
        var done = new HashSet<(string Service, string Project)>();
        var missing = new HashSet<(string Service, string Module)>();
        foreach (var doc in corpus.Documents.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            if (!doc.File.Text.Contains("ConventionalControllers", StringComparison.Ordinal))
            {
                continue;
            }

            var service = corpus.Services.ServiceOf(doc);
            foreach (var create in doc.Root.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(IsCreate))
            {
                var line = doc.LineOf(create);
                var moduleType = create.ArgumentList.Arguments.FirstOrDefault()?.Expression.DescendantNodesAndSelf().OfType<TypeOfExpressionSyntax>().FirstOrDefault()?.Type.ToString();
                var module = moduleType is null ? null : TypeHierarchy.ResolveClass(corpus, SyntaxHelpers.SimpleTypeName(moduleType), doc);
                if (module?.Document.Project is not { } project)
                {
                    if (missing.Add((service, moduleType ?? "?")))
                    {
                        diagnostics.Add(new Diagnostic(doc.Path, line, $"ABP conventional controllers from the assembly of {moduleType ?? "?"} are not read: the module is not in the scanned code; the endpoints of its application services are missing", DiagnosticSeverity.Info));
                    }

                    continue;
                }

                var options = create.ArgumentList.Arguments.Skip(1).FirstOrDefault()?.Expression;
                var root = RootPath(corpus, options, out var readable);
                var unread = options?.DescendantNodes().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.ValueText).FirstOrDefault(UnreadOptions.Contains);
                if (!readable || unread is not null)
                {
                    diagnostics.Add(new Diagnostic(doc.Path, line, $"ABP conventional controllers from the assembly of {moduleType}: option {unread ?? "RootPath"} is not read; routes are listed by the default convention and may differ"));
                }

                // ABP applies the first setting created for an assembly; a later Create for it changes nothing.
                if (done.Add((service, project.Path)))
                {
                    endpoints.AddRange(ServiceEndpoints(corpus, project, root, service, ServiceAuthDefaultsReader.For(defaults, service)));
                }
            }
        }

        return endpoints;
    }

    private static bool IsCreate(InvocationExpressionSyntax invocation) =>
        SyntaxHelpers.InvokedName(invocation) == "Create" && SyntaxHelpers.Receiver(invocation) switch
        {
            MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText == "ConventionalControllers",
            IdentifierNameSyntax i => i.Identifier.ValueText == "ConventionalControllers",
            _ => false,
        };

    /// <summary>The RootPath set in the options lambda ("app" by default); not readable when assigned a non-constant.</summary>
    private static string RootPath(CSharpCorpus corpus, ExpressionSyntax? options, out bool readable)
    {
        readable = true;
        var assignment = options?.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .FirstOrDefault(a => a.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "RootPath" });
        if (assignment is null)
        {
            return "app";
        }

        var value = corpus.Constants.Evaluate(assignment.Right);
        readable = value is not null;
        return value?.Trim('/') ?? "app";
    }

    private static IEnumerable<Endpoint> ServiceEndpoints(CSharpCorpus corpus, ProjectFile project, string root, string service, ServiceAuthDefaults defaults)
    {
        foreach (var doc in corpus.Documents.Where(d => d.Project?.Path == project.Path).OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            foreach (var type in doc.Root.DescendantNodes().OfType<ClassDeclarationSyntax>().Where(IsApplicationService))
            {
                var classAuth = Auth(corpus, doc, type.AttributeLists, "class " + type.Identifier.ValueText).ToList();
                var controller = RouteTemplate.Kebab(ControllerName(type.Identifier.ValueText));
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var method in type.Members.OfType<MethodDeclarationSyntax>().Where(IsAction))
                {
                    var name = method.Identifier.ValueText;
                    seen.Add(name);
                    var parameters = method.ParameterList.Parameters.Select(p => (p.Identifier.ValueText, p.Type?.ToString() ?? "object")).ToList();
                    var verb = Verb(method, name);
                    var metadata = classAuth.Concat(Auth(corpus, doc, method.AttributeLists, $"action {type.Identifier.ValueText}.{name}")).Concat(defaults.Controllers);
                    yield return Action(service, doc, type, name, verb, root, controller, parameters, AuthResolver.Resolve(metadata, defaults.Fallback), doc.LineOf(method.Identifier));
                }

                foreach (var inherited in Inherited(type).Where(m => !seen.Contains(m.Name)))
                {
                    var verb = Verb(null, inherited.Name);
                    var metadata = classAuth.Concat(defaults.Controllers);
                    yield return Action(service, doc, type, inherited.Name, verb, root, controller, inherited.Parameters, AuthResolver.Resolve(metadata, defaults.Fallback), doc.LineOf(type.Identifier));
                }
            }
        }
    }

    private static Endpoint Action(string service, CSharpDocument doc, ClassDeclarationSyntax type, string name, string verb, string root, string controller, List<(string Name, string Type)> parameters, AuthRequirement auth, int line)
    {
        var route = "/api/" + root + "/" + controller;
        var bound = new List<Parameter>();
        var id = parameters.FirstOrDefault(p => p.Name == "id");
        if (id.Name is not null)
        {
            route += "/{id}";
            bound.Add(new Parameter("id", "route", id.Type));
        }

        var action = RouteTemplate.Kebab(RemovePrefix(RemoveSuffix(name, "Async"), verb));
        if (action.Length > 0)
        {
            route += "/" + action;
        }

        foreach (var (parameterName, parameterType) in parameters.Where(p => p.Name != "id"))
        {
            // Another required primitive parameter named ...Id becomes the last route segments; the rest bind from query or body.
            if (parameterName.EndsWith("Id", StringComparison.Ordinal) && IsPrimitive(parameterType) && !parameterType.EndsWith('?'))
            {
                route += "/{" + parameterName + "}";
                bound.Add(new Parameter(parameterName, "route", parameterType));
            }
            else
            {
                bound.Add(new Parameter(parameterName, IsPrimitive(parameterType) || verb is "GET" or "DELETE" ? "query" : "body", parameterType));
            }
        }

        return new Endpoint(service, EndpointKinds.Controller, verb, route, $"{type.Identifier.ValueText}.{name}", doc.Path, line, auth, [.. bound], [], ConditionalDirectives.ConditionOf(type));
    }

    /// <summary>An application service ABP exposes: a public concrete class on an ABP service base or an I...AppService interface, not disabled with [RemoteService(false)].</summary>
    private static bool IsApplicationService(ClassDeclarationSyntax type) =>
        type.Modifiers.Any(SyntaxKind.PublicKeyword)
        && !type.Modifiers.Any(SyntaxKind.AbstractKeyword) && !type.Modifiers.Any(SyntaxKind.StaticKeyword)
        && type.TypeParameterList is null
        && SyntaxHelpers.BaseTypeNames(type).Select(SyntaxHelpers.SimpleTypeName).Any(n => n is "ApplicationService" or "IApplicationService" or "IRemoteService" || n.EndsWith("AppService", StringComparison.Ordinal))
        && !IsRemoteServiceDisabled(type.AttributeLists);

    private static bool IsAction(MethodDeclarationSyntax method) =>
        method.Modifiers.Any(SyntaxKind.PublicKeyword) && !method.Modifiers.Any(SyntaxKind.StaticKeyword)
        && method.TypeParameterList is null && !IsRemoteServiceDisabled(method.AttributeLists)
        && !SyntaxHelpers.Attributes(method.AttributeLists).Any(a => SyntaxHelpers.AttributeName(a) == "NonAction");

    private static bool IsRemoteServiceDisabled(SyntaxList<AttributeListSyntax> lists) =>
        SyntaxHelpers.Attributes(lists).Any(a => SyntaxHelpers.AttributeName(a) == "RemoteService"
            && (SyntaxHelpers.PositionalArguments(a).FirstOrDefault() ?? SyntaxHelpers.NamedArgument(a, "IsEnabled")) is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.FalseLiteralExpression });

    /// <summary>The CRUD methods an ABP base class gives the service, when the service does not declare them itself.</summary>
    private static IEnumerable<(string Name, List<(string Name, string Type)> Parameters)> Inherited(ClassDeclarationSyntax type)
    {
        var baseType = SyntaxHelpers.BaseTypeNames(type).Select(SyntaxHelpers.SimpleTypeName).FirstOrDefault(InheritedMethods.ContainsKey);
        foreach (var signature in baseType is null ? [] : InheritedMethods[baseType])
        {
            var open = signature.IndexOf('(');
            var parameters = signature[(open + 1)..^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => (p, p == "id" ? "TKey" : "object")).ToList();
            yield return (signature[..open], parameters);
        }
    }

    private static string Verb(MethodDeclarationSyntax? method, string name)
    {
        var attribute = method is null ? null : SyntaxHelpers.Attributes(method.AttributeLists).Select(SyntaxHelpers.AttributeName).FirstOrDefault(VerbAttributes.ContainsKey);
        if (attribute is not null)
        {
            return VerbAttributes[attribute];
        }

        foreach (var (verb, prefixes) in Conventions)
        {
            if (prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                return verb;
            }
        }

        return "POST";
    }

    private static string RemovePrefix(string name, string verb)
    {
        var prefixes = Conventions.FirstOrDefault(c => c.Method == verb).Prefixes ?? [];
        var prefix = prefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.Ordinal));
        return prefix is null ? name : name[prefix.Length..];
    }

    private static string ControllerName(string className)
    {
        foreach (var suffix in new[] { "AppService", "ApplicationService", "Service" })
        {
            if (className.EndsWith(suffix, StringComparison.Ordinal) && className.Length > suffix.Length)
            {
                return className[..^suffix.Length];
            }
        }

        return className;
    }

    private static string RemoveSuffix(string name, string suffix) =>
        name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length ? name[..^suffix.Length] : name;

    private static bool IsPrimitive(string type) =>
        type.TrimEnd('?') is "Guid" or "int" or "long" or "short" or "string" or "bool" or "decimal" or "double" or "float" or "DateTime" or "TKey" or "byte";

    private static IEnumerable<AuthMetadata> Auth(CSharpCorpus corpus, CSharpDocument doc, SyntaxList<AttributeListSyntax> lists, string owner)
    {
        foreach (var attribute in SyntaxHelpers.Attributes(lists))
        {
            if (RazorPageAuthAttributes.Read(attribute, corpus, doc, owner) is { } metadata)
            {
                yield return metadata;
            }
        }
    }
}
