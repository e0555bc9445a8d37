using BackendArchitect.Model;
using BackendArchitect.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>A method or local function that maps endpoints on a route builder it receives as a parameter.</summary>
internal sealed record MappingMethod(CSharpSyntaxNode Method, CSharpDocument Document)
{
    public string TypeName => Method.Parent is BaseTypeDeclarationSyntax t ? t.Identifier.ValueText : "";

    /// <summary>The declaring type's qualified name; local functions in top-level statements live in Program.</summary>
    public string OwnerName => SyntaxHelpers.ContainingType(Method) is { } t ? SyntaxHelpers.QualifiedName(t) : "Program";

    public SyntaxToken Identifier => Method switch
    {
        MethodDeclarationSyntax m => m.Identifier,
        LocalFunctionStatementSyntax l => l.Identifier,
        _ => default,
    };

    public SeparatedSyntaxList<ParameterSyntax> Parameters => Method switch
    {
        MethodDeclarationSyntax m => m.ParameterList.Parameters,
        LocalFunctionStatementSyntax l => l.ParameterList.Parameters,
        _ => default,
    };

    public BlockSyntax? Body => Method switch
    {
        MethodDeclarationSyntax m => m.Body,
        LocalFunctionStatementSyntax l => l.Body,
        _ => null,
    };

    public ArrowExpressionClauseSyntax? ExpressionBody => Method switch
    {
        MethodDeclarationSyntax m => m.ExpressionBody,
        LocalFunctionStatementSyntax l => l.ExpressionBody,
        _ => null,
    };
}

/// <summary>
/// Walks code the way the routing builder calls would run, without running them: each expression
/// that yields a route builder evaluates to the root, a <see cref="MinimalGroup"/> or the endpoints
/// a Map call made. Locals and parameters carry groups across statements; calls to the project's own
/// mapping methods are followed with their builder parameters bound to the caller's group, once per
/// call site.
/// </summary>
internal sealed class MinimalRouteWalker
{
    private const int MaxCallDepth = 12;

    private static readonly Dictionary<string, string> Verbs = new(StringComparer.Ordinal)
    {
        ["MapGet"] = "GET",
        ["MapPost"] = "POST",
        ["MapPut"] = "PUT",
        ["MapDelete"] = "DELETE",
        ["MapPatch"] = "PATCH",
    };

    private static readonly HashSet<string> OtherMaps = new(StringComparer.Ordinal) { "MapMethods", "MapFallback", "MapHub", "MapGrpcService", "Map", "MapForwarder", "MapIdentityApi", "MapBlazorHub" };

    private static readonly HashSet<string> AuthConventions = new(StringComparer.Ordinal) { "RequireAuthorization", "AllowAnonymous", "WithMetadata" };

    private static readonly HashSet<string> ResponseConventions = new(StringComparer.Ordinal) { "Produces", "ProducesProblem", "ProducesValidationProblem" };

    /// <summary>Parameter types through which a method receives a route builder.</summary>
    private static readonly HashSet<string> BuilderTypes = new(StringComparer.Ordinal) { "IEndpointRouteBuilder", "RouteGroupBuilder", "WebApplication", "IApplicationBuilder" };

    private readonly CSharpCorpus corpus;
    private readonly ICollection<Diagnostic> diagnostics;
    private readonly MinimalAuthReader auth;
    private readonly MinimalHandlers handlers;
    private readonly GrpcServices grpc;
    private readonly IReadOnlyDictionary<string, List<MappingMethod>> mappingMethods;
    private readonly HashSet<SyntaxNode> invoked = [];
    private readonly HashSet<SyntaxNode> callStack = [];
    private readonly HashSet<SyntaxNode> localMappingFunctions;

    public MinimalRouteWalker(CSharpCorpus corpus, IReadOnlyList<SourceFile> protoFiles, IReadOnlyDictionary<string, List<MappingMethod>> mappingMethods, ICollection<Diagnostic> diagnostics)
    {
        this.corpus = corpus;
        this.diagnostics = diagnostics;
        this.mappingMethods = mappingMethods;
        localMappingFunctions = [.. mappingMethods.Values.SelectMany(l => l).Select(m => m.Method).OfType<LocalFunctionStatementSyntax>()];
        auth = new MinimalAuthReader(corpus, diagnostics);
        handlers = new MinimalHandlers(corpus, auth);
        grpc = new GrpcServices(corpus, protoFiles);
    }

    public List<PendingEndpoint> Endpoints { get; } = [];

    /// <summary>Mapping methods that some walked code called with a route builder.</summary>
    public IReadOnlySet<SyntaxNode> Invoked => invoked;

    /// <summary>True when a parameter's declared type is a route builder (IEndpointRouteBuilder, RouteGroupBuilder, WebApplication).</summary>
    public static bool IsBuilderParameter(ParameterSyntax parameter, bool includeApplicationBuilder) =>
        parameter.Type is { } type
        && SyntaxHelpers.SimpleTypeName(type.ToString()) is var name
        && BuilderTypes.Contains(name)
        && (includeApplicationBuilder || name != "IApplicationBuilder");

    /// <summary>Walks top-level statements, or a method body that is not a mapping method, with the application as root.</summary>
    public void WalkRoot(IEnumerable<SyntaxNode> nodes, CSharpDocument document)
    {
        var context = new WalkContext(document, corpus.Services.ServiceOf(document), MinimalGroup.NewRoot(), [], null, 0);
        foreach (var node in nodes)
        {
            Walk(node, context);
        }
    }

    /// <summary>A mapping method that no walked code calls (Carter-like modules, interface dispatch): mapped at the root.</summary>
    public void WalkUncalled(MappingMethod mapping)
    {
        var name = mapping.Identifier.ValueText;
        if (IsFrameworkMap(name)
            && mapping.Method.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(i => SyntaxHelpers.InvokedName(i) == name))
        {
            // An unused wrapper of a framework Map method maps nothing by itself.
            return;
        }

        if (mapping.Parameters.Any(p => p.Type is { } t && SyntaxHelpers.SimpleTypeName(t.ToString()) == "RouteGroupBuilder"))
        {
            diagnostics.Add(new Diagnostic(
                mapping.Document.Path,
                mapping.Document.LineOf(mapping.Identifier),
                $"{mapping.OwnerName}.{name} receives a route group from code the scan cannot follow (reflection or a delegate); its routes are reported without that group's prefix and conventions",
                DiagnosticSeverity.Info));
        }

        var root = MinimalGroup.NewRoot();
        var group = MinimalModules.GroupFor(mapping, root, corpus.Constants, auth);
        var env = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var parameter in mapping.Parameters.Where(p => IsBuilderParameter(p, includeApplicationBuilder: true)))
        {
            env[parameter.Identifier.ValueText] = group;
        }

        invoked.Add(mapping.Method);
        callStack.Add(mapping.Method);
        var context = new WalkContext(mapping.Document, corpus.Services.ServiceOf(mapping.Document), root, env, null, 0);
        WalkMethod(mapping, context);
        callStack.Remove(mapping.Method);
    }

    /// <summary>
    /// True when a parameter receives an endpoint's or a group's convention builder: a project's own
    /// <c>RequireAdmin(this RouteHandlerBuilder b)</c> or <c>WithApiKey&lt;TBuilder&gt;(this TBuilder b) where TBuilder : IEndpointConventionBuilder</c>.
    /// </summary>
    public static bool IsConventionParameter(ParameterSyntax parameter, MappingMethod method)
    {
        var type = parameter.Type?.ToString();
        if (type is null)
        {
            return false;
        }

        if (SyntaxHelpers.SimpleTypeName(type) is "IEndpointConventionBuilder" or "RouteHandlerBuilder")
        {
            return true;
        }

        var constraints = method.Method switch
        {
            MethodDeclarationSyntax m => m.ConstraintClauses,
            LocalFunctionStatementSyntax l => l.ConstraintClauses,
            _ => default,
        };
        return constraints.Any(c => c.Name.Identifier.ValueText == type && c.Constraints.Any(k => k.ToString().Contains("IEndpointConventionBuilder", StringComparison.Ordinal)));
    }

    private static bool IsFrameworkMap(string name) => Verbs.ContainsKey(name) || OtherMaps.Contains(name) || name == "MapGroup";

    /// <summary>Names the walk must evaluate where they stand, not only as receivers of other calls.</summary>
    private bool IsInteresting(string name) =>
        Verbs.ContainsKey(name) || OtherMaps.Contains(name) || AuthConventions.Contains(name) || ResponseConventions.Contains(name) || mappingMethods.ContainsKey(name);

    private void Walk(SyntaxNode node, WalkContext context)
    {
        // Local mapping functions are walked when called, with their parameters bound.
        foreach (var n in node.DescendantNodesAndSelf(c => c == node || !localMappingFunctions.Contains(c)))
        {
            switch (n)
            {
                case VariableDeclaratorSyntax { Initializer: { } initializer } variable:
                    context.Env[variable.Identifier.ValueText] = Evaluate(initializer.Value, context);
                    break;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                    context.Env[target.Identifier.ValueText] = Evaluate(assignment.Right, context);
                    break;
                case InvocationExpressionSyntax invocation when SyntaxHelpers.InvokedName(invocation) is { } name && IsInteresting(name):
                    Evaluate(invocation, context);
                    break;
            }
        }
    }

    private object? Evaluate(ExpressionSyntax expression, WalkContext context)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax p:
                return Evaluate(p.Expression, context);
            case CastExpressionSyntax c:
                return Evaluate(c.Expression, context);
            case IdentifierNameSyntax identifier:
                return Lookup(identifier, context);
            case InvocationExpressionSyntax invocation:
                if (context.Memo.TryGetValue(invocation, out var known))
                {
                    return known;
                }

                // Guards against a cycle through a local assigned from itself.
                context.Memo[invocation] = null;
                var value = EvaluateInvocation(invocation, context);
                context.Memo[invocation] = value;
                return value;
            default:
                return null;
        }
    }

    private object? Lookup(IdentifierNameSyntax identifier, WalkContext context)
    {
        var name = identifier.Identifier.ValueText;
        if (context.Env.TryGetValue(name, out var value))
        {
            return value is BoundArgument bound ? Evaluate(bound.Expression, bound.Context) : value;
        }

        foreach (var ancestor in identifier.Ancestors())
        {
            var parameters = ancestor switch
            {
                ParenthesizedLambdaExpressionSyntax l => l.ParameterList.Parameters,
                SimpleLambdaExpressionSyntax s => SyntaxFactory.SingletonSeparatedList(s.Parameter),
                LocalFunctionStatementSyntax f => f.ParameterList.Parameters,
                BaseMethodDeclarationSyntax m => m.ParameterList.Parameters,
                _ => default,
            };
            var parameter = parameters.FirstOrDefault(p => p.Identifier.ValueText == name);
            if (parameter is null)
            {
                continue;
            }

            // app.UseEndpoints(endpoints => ...) passes the route builder to an untyped lambda parameter.
            var isEndpointsLambda = parameter.Type is null && ancestor.Parent?.Parent?.Parent is InvocationExpressionSyntax owner && SyntaxHelpers.InvokedName(owner) == "UseEndpoints";
            return IsBuilderParameter(parameter, includeApplicationBuilder: true) || isEndpointsLambda ? context.Root : null;
        }

        return null;
    }

    private object? EvaluateInvocation(InvocationExpressionSyntax invocation, WalkContext context)
    {
        var name = SyntaxHelpers.InvokedName(invocation);
        if (name is null)
        {
            return null;
        }

        var receiver = SyntaxHelpers.Receiver(invocation);

        // A project's own MapGet(this IEndpointRouteBuilder, Delegate handler, string pattern = "") wraps the framework's.
        if (IsFrameworkMap(name) && mappingMethods.TryGetValue(name, out var wrappers) && Invoke(invocation, wrappers, context) is (true, var wrapped))
        {
            return wrapped;
        }

        if (Verbs.TryGetValue(name, out var verb))
        {
            return Map(invocation, name, [verb], GroupOf(receiver, context), context);
        }

        // Map(path, branch => ...) branches middleware and a project's own Map(group) maps routes: neither is an endpoint itself.
        if (OtherMaps.Contains(name) && (name != "Map" || MinimalHandlers.IsEndpointMap(invocation, corpus)))
        {
            return Map(invocation, name, [], GroupOf(receiver, context), context);
        }

        switch (name)
        {
            case "MapGroup":
                return new MinimalGroup(GroupOf(receiver, context), Route(Argument(invocation, 0, "prefix"), context), false);
            case "NewVersionedApi":
                return new MinimalGroup(GroupOf(receiver, context), null, false);
            case "Build" when receiver is not null && invocation.ArgumentList.Arguments.Count == 0:
            case "Create" when receiver is IdentifierNameSyntax { Identifier.ValueText: "WebApplication" }:
                return context.Root;
        }

        if (AuthConventions.Contains(name) || ResponseConventions.Contains(name))
        {
            var target = receiver is null ? null : Evaluate(receiver, context);
            ApplyConvention(target, invocation, name, context);
            return target is MinimalGroup { IsRoot: true } ? null : target;
        }

        if (mappingMethods.TryGetValue(name, out var candidates) && Invoke(invocation, candidates, context) is (true, var result))
        {
            return result;
        }

        // Fluent conventions (WithTags, WithOpenApi, HasApiVersion, AddEndpointFilter...) return their receiver.
        var fluent = receiver is null ? null : Evaluate(receiver, context);
        return fluent is MinimalGroup { IsRoot: false } or List<PendingEndpoint> ? fluent : null;
    }

    /// <summary>The group a Map call runs on; Map calls on receivers the walk cannot follow are taken to run on the root.</summary>
    private MinimalGroup GroupOf(ExpressionSyntax? receiver, WalkContext context) =>
        (receiver is null ? null : Evaluate(receiver, context)) as MinimalGroup ?? context.Root;

    private void ApplyConvention(object? target, InvocationExpressionSyntax invocation, string name, WalkContext context)
    {
        if (target is null or MinimalGroup { IsRoot: true })
        {
            return;
        }

        var metadata = auth.FromConvention(invocation, name, context.Document, e => Unbind(e, context).Expression ?? e).ToList();
        var responses = MinimalHandlers.FromConvention(invocation, name, corpus.Constants).ToList();
        if (target is MinimalGroup group)
        {
            group.Auth.AddRange(metadata);
            return;
        }

        foreach (var endpoint in (List<PendingEndpoint>)target)
        {
            endpoint.Auth.AddRange(metadata);
            endpoint.Responses.AddRange(responses);
        }
    }

    private List<PendingEndpoint>? Map(InvocationExpressionSyntax invocation, string name, IReadOnlyList<string> methods, MinimalGroup group, WalkContext context)
    {
        var document = context.Document;
        var line = document.LineOf(NameToken(invocation));
        var condition = MinimalRoutes.BothConditions(context.Condition, ConditionalDirectives.ConditionOf(invocation));
        var arguments = invocation.ArgumentList.Arguments;

        switch (name)
        {
            case "MapHub" or "MapBlazorHub":
                return [MapHub(invocation, group, context, line, condition)];
            case "MapGrpcService":
                return MapGrpc(invocation, group, context, line, condition);
            case "MapIdentityApi":
                return MapIdentityApi(invocation, group, context, line, condition);
            case "MapForwarder" when arguments.Count < 2:
                return null;
        }

        ExpressionSyntax? pattern;
        ExpressionSyntax? handlerExpression;
        var kind = EndpointKinds.Minimal;
        if (name == "MapMethods")
        {
            pattern = Argument(invocation, 0, "pattern");
            handlerExpression = Argument(invocation, 2, "handler");
            var httpMethods = MinimalRoutes.HttpMethods(Unbind(Argument(invocation, 1, "httpMethods"), context).Expression, corpus.Constants);
            if (httpMethods is null)
            {
                diagnostics.Add(new Diagnostic(document.Path, line, "MapMethods: the HTTP methods are not constant; the endpoint is reported with method ANY"));
            }

            methods = httpMethods is { Length: > 0 } m ? m : ["ANY"];
        }
        else if (name == "MapForwarder")
        {
            pattern = Argument(invocation, 0, "pattern");
            handlerExpression = null;
            methods = ["ANY"];
        }
        else if (name == "Map")
        {
            pattern = Argument(invocation, 0, "pattern");
            handlerExpression = Argument(invocation, 1, "handler") ?? Argument(invocation, 1, "requestDelegate");
            methods = ["ANY"];
        }
        else if (name == "MapFallback")
        {
            pattern = arguments.Count >= 2 ? Argument(invocation, 0, "pattern") : null;
            handlerExpression = arguments.Count >= 2 ? Argument(invocation, 1, "handler") : Argument(invocation, 0, "handler");
            methods = ["ANY"];
        }
        else
        {
            pattern = Argument(invocation, 0, "pattern");
            handlerExpression = Argument(invocation, 1, "handler");
        }

        var route = pattern is null && name == "MapFallback" ? "/{*path:nonfile}" : Route(pattern, context);
        var (handlerSource, handlerContext, callSite) = Unbind(handlerExpression, context);
        var handler = name == "MapForwarder"
            ? new MinimalHandler("forwarder to " + (corpus.Constants.Evaluate(Argument(invocation, 1, "destinationPrefix")) ?? MinimalAuthReader.Shorten(arguments[1].Expression.ToString())), null, [], [])
            : handlers.Read(handlerSource, handlerContext.Document);
        if (callSite is not null)
        {
            // The handler came through a wrapper: report the endpoint where the project's code names it.
            document = handlerContext.Document;
            line = document.LineOf(NameToken(callSite));
        }

        var result = new List<PendingEndpoint>();
        foreach (var method in methods.Distinct(StringComparer.Ordinal))
        {
            var endpoint = new PendingEndpoint
            {
                Service = context.Service,
                Kind = kind,
                Method = method,
                Pattern = route,
                Group = group,
                Handler = handler.Name,
                File = document.Path,
                Line = line,
                Condition = condition,
                Parameters = handler.Parameters,
            };
            endpoint.Auth.AddRange(handler.Auth);
            endpoint.Responses.AddRange(handler.Responses);
            result.Add(endpoint);
        }

        Endpoints.AddRange(result);
        return result;
    }

    /// <summary>The endpoints ASP.NET Core Identity's MapIdentityApi&lt;TUser&gt;() maps; its /manage group requires authorization.</summary>
    private List<PendingEndpoint> MapIdentityApi(InvocationExpressionSyntax invocation, MinimalGroup group, WalkContext context, int line, string? condition)
    {
        var user = SyntaxHelpers.TypeArguments(invocation).FirstOrDefault()?.ToString() ?? "TUser";
        var manage = new MinimalGroup(group, "/manage", false);
        manage.Auth.Add(AuthMetadata.Authorize("RequireAuthorization() on the /manage group of MapIdentityApi", context.Document.Path, line));
        (string Method, string Route, MinimalGroup Group)[] known =
        [
            ("POST", "/register", group), ("POST", "/login", group), ("POST", "/refresh", group), ("GET", "/confirmEmail", group),
            ("POST", "/resendConfirmationEmail", group), ("POST", "/forgotPassword", group), ("POST", "/resetPassword", group),
            ("POST", "/2fa", manage), ("GET", "/info", manage), ("POST", "/info", manage),
        ];
        var result = known.Select(k => new PendingEndpoint
        {
            Service = context.Service,
            Kind = EndpointKinds.Minimal,
            Method = k.Method,
            Pattern = k.Route,
            Group = k.Group,
            Handler = $"MapIdentityApi<{user}>",
            File = context.Document.Path,
            Line = line,
            Condition = condition,
        }).ToList();
        Endpoints.AddRange(result);
        return result;
    }

    private PendingEndpoint MapHub(InvocationExpressionSyntax invocation, MinimalGroup group, WalkContext context, int line, string? condition)
    {
        var blazor = SyntaxHelpers.InvokedName(invocation) == "MapBlazorHub";
        var hubType = blazor ? "ComponentHub" : SyntaxHelpers.TypeArguments(invocation).FirstOrDefault()?.ToString() ?? "Hub";
        var pattern = Argument(invocation, 0, "path") ?? Argument(invocation, 0, "pattern");
        if (pattern is AnonymousFunctionExpressionSyntax)
        {
            pattern = null;
        }

        var endpoint = new PendingEndpoint
        {
            Service = context.Service,
            Kind = EndpointKinds.Hub,
            Method = "HUB",
            Pattern = pattern is null && blazor ? "/_blazor" : Route(pattern, context),
            Group = group,
            Handler = SyntaxHelpers.SimpleTypeName(hubType),
            File = context.Document.Path,
            Line = line,
            Condition = condition,
        };
        endpoint.Auth.AddRange(auth.FromType(hubType));
        Endpoints.Add(endpoint);
        return endpoint;
    }

    private List<PendingEndpoint> MapGrpc(InvocationExpressionSyntax invocation, MinimalGroup group, WalkContext context, int line, string? condition)
    {
        var serviceType = SyntaxHelpers.TypeArguments(invocation).FirstOrDefault()?.ToString();
        var methods = serviceType is null ? [] : grpc.Methods(serviceType);
        if (methods.Count == 0)
        {
            diagnostics.Add(new Diagnostic(context.Document.Path, line, $"gRPC service '{serviceType}' was not found (or overrides no generated base methods); its methods are not listed"));
            return [];
        }

        var classAuth = auth.FromType(serviceType!).ToList();
        var result = new List<PendingEndpoint>();
        foreach (var method in methods)
        {
            var endpoint = new PendingEndpoint
            {
                Service = context.Service,
                Kind = EndpointKinds.Grpc,
                Method = "POST",
                Pattern = method.Route,
                AbsoluteRoute = true,
                Group = group,
                Handler = method.ClassName + "." + method.Method.Identifier.ValueText,
                File = method.Document.Path,
                Line = method.Document.LineOf(method.Method.Identifier),
                Condition = condition,
                Parameters = method.Method.ParameterList,
            };
            endpoint.Auth.AddRange(classAuth);
            endpoint.Auth.AddRange(auth.FromAttributes(method.Method.AttributeLists, endpoint.Handler, method.Document));
            endpoint.Responses.AddRange(MinimalHandlers.FromReturnType(method.Method.ReturnType));
            result.Add(endpoint);
        }

        Endpoints.AddRange(result);
        return result;
    }

    /// <summary>
    /// Follows a call to the project's own mapping methods (resolved by name, preferring a named type
    /// and the caller's project), binding their builder parameters to the caller's groups.
    /// </summary>
    private (bool Bound, object? Result) Invoke(InvocationExpressionSyntax invocation, List<MappingMethod> candidates, WalkContext context)
    {
        var receiver = SyntaxHelpers.Receiver(invocation);
        var receiverType = receiver is IdentifierNameSyntax or MemberAccessExpressionSyntax
            && !(receiver is IdentifierNameSyntax local && context.Env.ContainsKey(local.Identifier.ValueText))
            && corpus.FindType(receiver.ToString()).Length > 0
                ? SyntaxHelpers.SimpleTypeName(receiver.ToString())
                : null;
        IEnumerable<MappingMethod> chosen = receiverType is null ? candidates : candidates.Where(c => c.TypeName == receiverType);
        var sameProject = chosen.Where(c => c.Document.Project == context.Document.Project).ToList();
        if (sameProject.Count > 0)
        {
            chosen = sameProject;
        }

        var frameworkName = SyntaxHelpers.InvokedName(invocation) is { } invokedName && IsFrameworkMap(invokedName);
        var bound = false;
        object? result = null;
        foreach (var candidate in chosen.ToList())
        {
            var env = Bind(invocation, candidate, receiver, receiverType is not null, context);
            if (env is null)
            {
                continue;
            }

            if (callStack.Contains(candidate.Method) || context.Depth >= MaxCallDepth)
            {
                // Inside a wrapper named like the framework method, the call it makes is the framework's.
                bound |= !frameworkName;
                continue;
            }

            bound = true;

            invoked.Add(candidate.Method);
            callStack.Add(candidate.Method);
            var callee = new WalkContext(candidate.Document, context.Service, context.Root, env, MinimalRoutes.BothConditions(context.Condition, ConditionalDirectives.ConditionOf(invocation)), context.Depth + 1);
            WalkMethod(candidate, callee);
            var first = candidate.Parameters.FirstOrDefault();
            result ??= ReturnValue(candidate, callee) ?? (first is not null && first.Modifiers.Any(SyntaxKind.ThisKeyword) ? env.GetValueOrDefault(first.Identifier.ValueText) : null);
            callStack.Remove(candidate.Method);
        }

        return (bound, result);
    }

    /// <summary>The callee's environment with its builder parameters bound, or null when no route builder reaches it.</summary>
    private Dictionary<string, object?>? Bind(InvocationExpressionSyntax invocation, MappingMethod method, ExpressionSyntax? receiver, bool staticCall, WalkContext context)
    {
        var parameters = method.Parameters;
        var isExtension = parameters.Count > 0 && parameters[0].Modifiers.Any(SyntaxKind.ThisKeyword);
        var offset = isExtension && receiver is not null && !staticCall ? 1 : 0;
        var arguments = invocation.ArgumentList.Arguments;
        var hasParams = parameters.Any(p => p.Modifiers.Any(SyntaxKind.ParamsKeyword));
        var required = parameters.Count(p => p.Default is null && !p.Modifiers.Any(SyntaxKind.ParamsKeyword));
        if ((!hasParams && arguments.Count + offset > parameters.Count) || arguments.Count + offset < required)
        {
            return null;
        }

        var env = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (offset == 1 && (IsBuilderParameter(parameters[0], includeApplicationBuilder: true) || IsConventionParameter(parameters[0], method)))
        {
            env[parameters[0].Identifier.ValueText] = Evaluate(receiver!, context);
        }

        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var parameter = argument.NameColon is { } named
                ? parameters.FirstOrDefault(p => p.Identifier.ValueText == named.Name.Identifier.ValueText)
                : i + offset < parameters.Count ? parameters[i + offset] : null;
            if (parameter is null)
            {
                continue;
            }

            if (!Compatible(parameter, argument.Expression))
            {
                return null;
            }

            env[parameter.Identifier.ValueText] = IsBuilderParameter(parameter, includeApplicationBuilder: true) || IsConventionParameter(parameter, method)
                ? Evaluate(argument.Expression, context)
                : new BoundArgument(argument.Expression, context, invocation);
        }

        foreach (var parameter in parameters.Skip(offset).Where(p => p.Default is not null && !env.ContainsKey(p.Identifier.ValueText)))
        {
            env[parameter.Identifier.ValueText] = new BoundArgument(parameter.Default!.Value, context, invocation);
        }

        return env.Values.Any(v => v is MinimalGroup or List<PendingEndpoint>) ? env : null;
    }

    private void WalkMethod(MappingMethod method, WalkContext context)
    {
        if (method.Body is not null)
        {
            Walk(method.Body, context);
        }
        else if (method.ExpressionBody is not null)
        {
            Walk(method.ExpressionBody, context);
        }
    }

    /// <summary>What a mapping method returns (often the group it made), evaluated in its own environment.</summary>
    private object? ReturnValue(MappingMethod method, WalkContext context)
    {
        var expression = method.ExpressionBody?.Expression
            ?? method.Body?.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax)
                .OfType<ReturnStatementSyntax>()
                .LastOrDefault()?.Expression;
        return expression is null ? null : Evaluate(expression, context);
    }

    private string Route(ExpressionSyntax? expression, WalkContext context)
    {
        (expression, context, _) = Unbind(expression, context);
        if (expression is null)
        {
            return "";
        }

        var value = Text(expression, context, 0);
        if (value is not null)
        {
            return value;
        }

        var written = MinimalAuthReader.Shorten(expression.ToString());
        diagnostics.Add(new Diagnostic(context.Document.Path, context.Document.LineOf(expression), $"route '{written}' is not a constant; reported as written"));
        return written;
    }

    /// <summary>A string parameter never takes a lambda and other parameters never take a string: how overloads of one name are told apart.</summary>
    private bool Compatible(ParameterSyntax parameter, ExpressionSyntax argument)
    {
        var type = SyntaxHelpers.SimpleTypeName(parameter.Type?.ToString() ?? "");
        if (type is "string" or "object" or "")
        {
            return argument is not AnonymousFunctionExpressionSyntax;
        }

        if (type is "int" or "long" or "short" or "byte" or "uint" or "ulong" or "double" or "float" or "decimal" or "bool" or "char")
        {
            return true;
        }

        return argument is not (LiteralExpressionSyntax or InterpolatedStringExpressionSyntax) && corpus.Constants.Evaluate(argument) is null;
    }

    /// <summary>
    /// Follows a parameter of a mapping method back to the argument its caller passed, through any
    /// number of calls; returns the expression, the context it belongs to and the outermost call site.
    /// </summary>
    private static (ExpressionSyntax? Expression, WalkContext Context, InvocationExpressionSyntax? CallSite) Unbind(ExpressionSyntax? expression, WalkContext context)
    {
        InvocationExpressionSyntax? site = null;
        for (var hops = 0; hops <= MaxCallDepth && expression is IdentifierNameSyntax identifier && context.Env.GetValueOrDefault(identifier.Identifier.ValueText) is BoundArgument bound; hops++)
        {
            (expression, context, site) = (bound.Expression, bound.Context, bound.CallSite);
        }

        return (expression, context, site);
    }

    private static SyntaxToken NameToken(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier,
        SimpleNameSyntax s => s.Identifier,
        _ => invocation.GetFirstToken(),
    };

    /// <summary>
    /// A route's text: constants, and beyond them the pieces a mapping method builds from what its
    /// caller passed (<c>$"/api/{group.GetType().Name}"</c> with <c>this</c>, locals, interpolation, concatenation).
    /// </summary>
    private string? Text(ExpressionSyntax expression, WalkContext context, int depth)
    {
        (var unbound, context, _) = Unbind(expression, context);
        expression = unbound!;
        if (depth > 8)
        {
            return null;
        }

        if (corpus.Constants.Evaluate(expression) is { } constant)
        {
            return constant;
        }

        switch (expression)
        {
            case InterpolatedStringExpressionSyntax interpolated:
                var text = new System.Text.StringBuilder();
                foreach (var content in interpolated.Contents)
                {
                    var part = content switch
                    {
                        InterpolatedStringTextSyntax t => t.TextToken.ValueText,
                        InterpolationSyntax hole => Text(hole.Expression, context, depth + 1),
                        _ => null,
                    };
                    if (part is null)
                    {
                        return null;
                    }

                    text.Append(part);
                }

                return text.ToString();
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return Text(binary.Left, context, depth + 1) is { } left && Text(binary.Right, context, depth + 1) is { } right ? left + right : null;
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Name", Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetType" } getType } }:
                // x.GetType().Name where x is the caller's `this`: the class that mapped itself.
                var (owner, _, _) = Unbind(getType.Expression, context);
                return owner is ThisExpressionSyntax && SyntaxHelpers.ContainingType(owner) is { } type ? type.Identifier.ValueText : null;
            case IdentifierNameSyntax local:
                var declarator = local.Ancestors().OfType<BlockSyntax>()
                    .SelectMany(b => b.Statements.OfType<LocalDeclarationStatementSyntax>())
                    .SelectMany(d => d.Declaration.Variables)
                    .FirstOrDefault(v => v.Identifier.ValueText == local.Identifier.ValueText && v.SpanStart < local.SpanStart);
                return declarator?.Initializer is { } initializer ? Text(initializer.Value, context, depth + 1) : null;
            default:
                return null;
        }
    }

    private static ExpressionSyntax? Argument(InvocationExpressionSyntax invocation, int position, string name)
    {
        var arguments = invocation.ArgumentList.Arguments;
        var named = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == name);
        if (named is not null)
        {
            return named.Expression;
        }

        return position < arguments.Count && arguments[position].NameColon is null ? arguments[position].Expression : null;
    }

    /// <summary>An argument a caller passed to a mapping method's non-builder parameter, evaluated where it was written.</summary>
    private sealed record BoundArgument(ExpressionSyntax Expression, WalkContext Context, InvocationExpressionSyntax CallSite);

    /// <summary>What is known while walking one body: locals bound to groups, the root, and the #if conditions of the call path.</summary>
    private sealed record WalkContext(
        CSharpDocument Document,
        string Service,
        MinimalGroup Root,
        Dictionary<string, object?> Env,
        string? Condition,
        int Depth)
    {
        public Dictionary<InvocationExpressionSyntax, object?> Memo { get; } = [];
    }
}
