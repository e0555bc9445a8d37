using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Auth;

/// <summary>Reads each service's global authorization wiring: fallback policy, global filters, RequireAuthorization on MapControllers.</summary>
public static class ServiceAuthDefaultsReader
{
    private static readonly string[] Markers = ["FallbackPolicy", "DefaultPolicy", "AuthorizeFilter", "Filters.Add", "RequireAuthorization", "AllowAnonymous"];

    /// <summary>Calls whose options lambda configures MvcOptions (global filters apply to controllers and Razor Pages).</summary>
    private static readonly HashSet<string> MvcSetup = new(StringComparer.Ordinal)
    {
        "AddControllers", "AddMvc", "AddControllersWithViews", "AddMvcCore", "AddMvcOptions", "Configure", "PostConfigure",
    };

    private static readonly HashSet<string> ControllerMaps = new(StringComparer.Ordinal)
    {
        "MapControllers", "MapDefaultControllerRoute", "MapControllerRoute", "MapAreaControllerRoute",
    };

    /// <summary>The defaults of a service, or none when the service has no entry (helper for every endpoint reader).</summary>
    public static ServiceAuthDefaults For(IReadOnlyDictionary<string, ServiceAuthDefaults> defaults, string service) =>
        defaults.TryGetValue(service, out var d) ? d : ServiceAuthDefaults.None(service);

    public static IReadOnlyDictionary<string, ServiceAuthDefaults> Read(CSharpCorpus corpus, ICollection<Diagnostic> diagnostics)
    {
        var builders = new Dictionary<string, Builder>(StringComparer.Ordinal);
        foreach (var service in corpus.Services.Services)
        {
            builders[service.Name] = new Builder();
        }

        builders.TryAdd(corpus.Services.FallbackName, new Builder());

        foreach (var document in corpus.Documents.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            if (!Markers.Any(m => document.File.Text.Contains(m, StringComparison.Ordinal)))
            {
                continue;
            }

            var name = corpus.Services.ServiceOf(document);
            if (!builders.TryGetValue(name, out var builder))
            {
                builders[name] = builder = new Builder();
            }

            ReadDocument(corpus, document, builder, diagnostics);
        }

        return builders.ToDictionary(kv => kv.Key, kv => kv.Value.Build(kv.Key), StringComparer.Ordinal);
    }

    private static void ReadDocument(CSharpCorpus corpus, CSharpDocument document, Builder builder, ICollection<Diagnostic> diagnostics)
    {
        foreach (var node in document.Root.DescendantNodes())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax assignment when TargetName(assignment.Left) == "FallbackPolicy":
                    builder.Fallback = ReadFallback(corpus, document, assignment.Right, assignment, builder, diagnostics);
                    break;
                case AssignmentExpressionSyntax assignment when TargetName(assignment.Left) == "DefaultPolicy":
                    builder.DefaultPolicy(corpus, document, assignment.Right, assignment);
                    break;
                case InvocationExpressionSyntax invocation:
                    ReadInvocation(corpus, document, invocation, builder, diagnostics);
                    break;
            }
        }
    }

    private static void ReadInvocation(CSharpCorpus corpus, CSharpDocument document, InvocationExpressionSyntax invocation, Builder builder, ICollection<Diagnostic> diagnostics)
    {
        var name = SyntaxHelpers.InvokedName(invocation);
        var firstArgument = invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression;
        switch (name)
        {
            case "SetFallbackPolicy" when firstArgument is not null:
                builder.Fallback = ReadFallback(corpus, document, firstArgument, invocation, builder, diagnostics);
                break;
            case "SetDefaultPolicy" when firstArgument is not null:
                builder.DefaultPolicy(corpus, document, firstArgument, invocation);
                break;
            case "Add" when IsMvcFilters(invocation):
                var filter = ReadGlobalFilter(corpus, document, invocation, diagnostics);
                if (filter is not null)
                {
                    builder.Controllers.Add(filter);
                    builder.RazorPages.Add(filter);
                }

                break;
            case "RequireAuthorization" or "AllowAnonymous":
                var mapped = MappedBy(invocation);
                if (mapped is null)
                {
                    break;
                }

                var metadata = name == "AllowAnonymous"
                    ? AuthMetadata.AllowAnonymous(Detail(invocation), document.Path, document.LineOf(invocation))
                    : RequireAuthorization(corpus, document, invocation, diagnostics);
                (mapped switch { "MapRazorPages" => builder.RazorPages, "MapRazorComponents" => builder.RazorComponents, "MapReverseProxy" => builder.Proxy, _ => builder.Controllers }).Add(metadata);
                break;
        }
    }

    private static string? TargetName(ExpressionSyntax left) => left switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        IdentifierNameSyntax i => i.Identifier.ValueText,
        _ => null,
    };

    private static AuthMetadata? ReadFallback(CSharpCorpus corpus, CSharpDocument document, ExpressionSyntax value, SyntaxNode at, Builder builder, ICollection<Diagnostic> diagnostics)
    {
        var line = document.LineOf(at);
        var detail = "fallback policy: " + Detail(at);
        if (PolicyExpressionReader.IsNull(value))
        {
            return null;
        }

        if (TargetName(value) == "DefaultPolicy")
        {
            return AuthMetadata.Authorize(detail, document.Path, line, roles: builder.DefaultRoles, schemes: builder.DefaultSchemes);
        }

        var shape = PolicyExpressionReader.Read(corpus, LocalValue(value));
        if (shape.Understood)
        {
            return AuthMetadata.Authorize(detail, document.Path, line, roles: shape.Roles, schemes: shape.Schemes);
        }

        diagnostics.Add(new Diagnostic(document.Path, line, "fallback authorization policy could not be read; endpoints without authorization metadata are reported as unknown"));
        return AuthMetadata.Unknown(detail, document.Path, line);
    }

    /// <summary>A local variable's initializer (a policy built above and then assigned), or the expression itself.</summary>
    private static ExpressionSyntax LocalValue(ExpressionSyntax value)
    {
        if (value is not IdentifierNameSyntax id)
        {
            return value;
        }

        var name = id.Identifier.ValueText;
        for (var scope = id.Parent; scope is not null; scope = scope.Parent)
        {
            var statements = scope switch
            {
                BlockSyntax b => b.Statements.AsEnumerable(),
                CompilationUnitSyntax u => u.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement),
                _ => null,
            };
            var initializer = statements?.OfType<LocalDeclarationStatementSyntax>()
                .SelectMany(l => l.Declaration.Variables)
                .FirstOrDefault(v => v.Identifier.ValueText == name)?.Initializer?.Value;
            if (initializer is not null)
            {
                return initializer;
            }
        }

        return value;
    }

    /// <summary><c>options.Filters.Add(...)</c> inside MVC options setup (a lambda of AddControllers/AddMvc/Configure&lt;MvcOptions&gt;, or a method taking MvcOptions).</summary>
    private static bool IsMvcFilters(InvocationExpressionSyntax invocation)
    {
        if (SyntaxHelpers.Receiver(invocation) is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Filters" })
        {
            return false;
        }

        foreach (var ancestor in invocation.Ancestors())
        {
            switch (ancestor)
            {
                case InvocationExpressionSyntax outer when SyntaxHelpers.InvokedName(outer) is { } n && MvcSetup.Contains(n):
                    return n is not ("Configure" or "PostConfigure") || SyntaxHelpers.TypeArguments(outer).Any(t => t.ToString().EndsWith("MvcOptions", StringComparison.Ordinal));
                case BaseMethodDeclarationSyntax method:
                    return method.ParameterList.Parameters.Any(p => p.Type?.ToString().EndsWith("MvcOptions", StringComparison.Ordinal) == true);
            }
        }

        return false;
    }

    private static AuthMetadata? ReadGlobalFilter(CSharpCorpus corpus, CSharpDocument document, InvocationExpressionSyntax invocation, ICollection<Diagnostic> diagnostics)
    {
        var line = document.LineOf(invocation);
        var detail = "global filter: " + Detail(invocation);
        var argument = invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression;
        var typeSyntax = SyntaxHelpers.TypeArguments(invocation).FirstOrDefault()
            ?? (argument as TypeOfExpressionSyntax)?.Type
            ?? (argument as ObjectCreationExpressionSyntax)?.Type;
        if (typeSyntax is null)
        {
            return null;
        }

        var typeName = SyntaxHelpers.SimpleTypeName(typeSyntax.ToString());
        switch (typeName)
        {
            case "AllowAnonymousFilter":
                return AuthMetadata.AllowAnonymous(detail, document.Path, line);
            case "AuthorizeFilter":
                var filterArgument = (argument as ObjectCreationExpressionSyntax)?.ArgumentList?.Arguments.FirstOrDefault()?.Expression;
                return FromPolicyArgument(corpus, document, filterArgument, detail, line, diagnostics);
        }

        var type = Endpoints.TypeHierarchy.ResolveClass(corpus, typeName, document);
        return type is not null && AuthorizeAttributeReader.IsAuthorizationFilter(corpus, type)
            ? AuthMetadata.Unknown(detail + " (custom authorization filter)", document.Path, line)
            : null;
    }

    /// <summary>An AuthorizeFilter/RequireAuthorization argument: nothing, a policy name, a policy object or builder lambda, an AuthorizeAttribute.</summary>
    private static AuthMetadata FromPolicyArgument(CSharpCorpus corpus, CSharpDocument document, ExpressionSyntax? argument, string detail, int line, ICollection<Diagnostic> diagnostics)
    {
        if (argument is null)
        {
            return AuthMetadata.Authorize(detail, document.Path, line);
        }

        if (corpus.Constants.Evaluate(argument) is { } policy)
        {
            return AuthMetadata.Authorize(detail, document.Path, line, policies: [policy]);
        }

        if (argument is ObjectCreationExpressionSyntax creation && SyntaxHelpers.SimpleTypeName(creation.Type.ToString()) is "AuthorizeAttribute" or "Authorize")
        {
            return FromAuthorizeCreation(corpus, document, creation, detail, line, diagnostics);
        }

        var shape = argument is LambdaExpressionSyntax
            ? PolicyExpressionReader.ReadBuilderLambda(corpus, argument)
            : PolicyExpressionReader.Read(corpus, LocalValue(argument));
        if (!shape.Understood)
        {
            diagnostics.Add(new Diagnostic(document.Path, line, $"authorization policy '{AuthorizeAttributeReader.Flatten(argument.ToString())}' could not be read; authorization is still required"));
        }

        return AuthMetadata.Authorize(detail, document.Path, line, roles: shape.Roles, schemes: shape.Schemes);
    }

    private static AuthMetadata FromAuthorizeCreation(CSharpCorpus corpus, CSharpDocument document, ObjectCreationExpressionSyntax creation, string detail, int line, ICollection<Diagnostic> diagnostics)
    {
        var policies = new List<string>();
        var roles = new List<string>();
        var schemes = new List<string>();
        var values = new List<(string Name, ExpressionSyntax Value)>();
        if (creation.ArgumentList?.Arguments.FirstOrDefault()?.Expression is { } positional)
        {
            values.Add(("Policy", positional));
        }

        foreach (var assignment in creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>() ?? [])
        {
            if (TargetName(assignment.Left) is { } target)
            {
                values.Add((target, assignment.Right));
            }
        }

        foreach (var (name, expression) in values)
        {
            var value = corpus.Constants.Evaluate(expression);
            if (value is null)
            {
                diagnostics.Add(new Diagnostic(document.Path, line, $"authorization value '{AuthorizeAttributeReader.Flatten(expression.ToString())}' is not a constant; authorization is still required"));
                continue;
            }

            switch (name)
            {
                case "Policy":
                    policies.Add(value);
                    break;
                case "Roles":
                    roles.AddRange(PolicyExpressionReader.SplitList(value));
                    break;
                case "AuthenticationSchemes":
                    schemes.AddRange(PolicyExpressionReader.SplitList(value));
                    break;
            }
        }

        return AuthMetadata.Authorize(detail, document.Path, line, policies, roles, schemes);
    }

    private static AuthMetadata RequireAuthorization(CSharpCorpus corpus, CSharpDocument document, InvocationExpressionSyntax invocation, ICollection<Diagnostic> diagnostics)
    {
        var line = document.LineOf(invocation);
        var detail = Detail(invocation);
        var arguments = invocation.ArgumentList.Arguments.Select(a => a.Expression).ToList();
        if (arguments.Count <= 1)
        {
            return FromPolicyArgument(corpus, document, arguments.FirstOrDefault(), detail, line, diagnostics);
        }

        var policies = arguments.Select(a => corpus.Constants.Evaluate(a)).ToList();
        if (policies.Any(p => p is null))
        {
            diagnostics.Add(new Diagnostic(document.Path, line, "a policy name passed to RequireAuthorization is not a constant; authorization is still required"));
        }

        return AuthMetadata.Authorize(detail, document.Path, line, policies: policies.OfType<string>());
    }

    /// <summary>The Map* call that a RequireAuthorization/AllowAnonymous chain configures, when it maps controllers or Razor Pages.</summary>
    private static string? MappedBy(InvocationExpressionSyntax invocation)
    {
        for (var receiver = SyntaxHelpers.Receiver(invocation); receiver is InvocationExpressionSyntax inner; receiver = SyntaxHelpers.Receiver(inner))
        {
            var name = SyntaxHelpers.InvokedName(inner);
            if (name is not null && (ControllerMaps.Contains(name) || name is "MapRazorPages" or "MapRazorComponents" or "MapReverseProxy"))
            {
                return name;
            }
        }

        return null;
    }

    private static string Detail(SyntaxNode node)
    {
        var text = AuthorizeAttributeReader.Flatten(node.ToString());
        return text.Length > 200 ? text[..200] + "..." : text;
    }

    /// <summary>What one service's wiring says, gathered across its documents.</summary>
    private sealed class Builder
    {
        public List<AuthMetadata> Controllers { get; } = [];

        public List<AuthMetadata> RazorPages { get; } = [];

        public List<AuthMetadata> RazorComponents { get; } = [];

        public List<AuthMetadata> Proxy { get; } = [];

        public AuthMetadata? Fallback { get; set; }

        public IReadOnlyList<string> DefaultRoles { get; private set; } = [];

        public IReadOnlyList<string> DefaultSchemes { get; private set; } = [];

        private string? defaultPolicyNote;

        public void DefaultPolicy(CSharpCorpus corpus, CSharpDocument document, ExpressionSyntax value, SyntaxNode at)
        {
            var shape = PolicyExpressionReader.Read(corpus, LocalValue(value));
            DefaultRoles = shape.Roles;
            DefaultSchemes = shape.Schemes;
            defaultPolicyNote = $"default policy changed at {document.Path}:{document.LineOf(at)}: {Detail(at)}";
        }

        public ServiceAuthDefaults Build(string service) =>
            new(service, [.. Controllers.Select(Note)], [.. RazorPages.Select(Note)], Fallback is null ? null : Note(Fallback))
            {
                RazorComponents = [.. RazorComponents.Select(Note)],
                Proxy = [.. Proxy.Select(Note)],
            };

        /// <summary>Authorize metadata without a named policy uses the default policy; a changed default is worth showing.</summary>
        private AuthMetadata Note(AuthMetadata m) =>
            defaultPolicyNote is not null && m.Kind == AuthMetadataKind.Authorize && m.Policies.IsEmpty
                ? m with { Detail = $"{m.Detail} ({defaultPolicyNote})" }
                : m;
    }
}
