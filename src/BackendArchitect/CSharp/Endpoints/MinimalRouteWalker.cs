using BackendArchitect.Model;
using BackendArchitect.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// Walks code the way the routing builder calls would run, without running them: each expression
/// that yields a route builder evaluates to the root, a <see cref="MinimalGroup"/> or the endpoints
/// a Map call made. Locals and parameters carry groups across statements; calls to the project's own
/// mapping methods are followed with their builder parameters bound to the caller's group, once per
/// call site.
/// </summary>
internal sealed partial class MinimalRouteWalker
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

    private static readonly HashSet<string> OtherMaps = new(StringComparer.Ordinal) { "MapMethods", "MapFallback", "MapFallbackToFile", "MapFallbackToPage", "MapFallbackToAreaPage", "MapFallbackToController", "MapFallbackToAreaController", "MapHub", "MapGrpcService", "Map", "MapForwarder", "MapIdentityApi", "MapBlazorHub" };

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

        var root = MinimalGroup.NewRoot();
        var reflected = MinimalReflectionGroups.GroupFor(mapping, root, corpus, auth);
        if (reflected is null && mapping.Parameters.Any(p => p.Type is { } t && SyntaxHelpers.SimpleTypeName(t.ToString()) == "RouteGroupBuilder"))
        {
            diagnostics.Add(new Diagnostic(
                mapping.Document.Path,
                mapping.Document.LineOf(mapping.Identifier),
                $"{mapping.OwnerName}.{name} receives a route group from code the scan cannot follow (reflection or a delegate); its routes are reported without that group's prefix and conventions",
                DiagnosticSeverity.Info));
        }

        var group = reflected ?? MinimalModules.GroupFor(mapping, root, corpus.Constants, auth);
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
        Verbs.ContainsKey(name) || OtherMaps.Contains(name) || AuthConventions.Contains(name) || ResponseConventions.Contains(name) || mappingMethods.ContainsKey(name)
        || name is "HasApiVersion" or "MapToApiVersion";

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

        if (name is "HasApiVersion" or "MapToApiVersion")
        {
            var versioned = receiver is null ? null : Evaluate(receiver, context);
            ApiVersionText.Apply(versioned, invocation, corpus.Constants);
            return versioned is MinimalGroup { IsRoot: false } or List<PendingEndpoint> ? versioned : null;
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
            var callee = new WalkContext(candidate.Document, context.Service, context.Root, env, MinimalRoutes.BothConditions(context.Condition, EnvironmentConditions.Of(invocation)), context.Depth + 1);
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
