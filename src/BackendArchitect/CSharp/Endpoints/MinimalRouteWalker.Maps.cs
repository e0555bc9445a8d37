using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>The endpoints each framework Map call creates: minimal handlers, fallbacks, forwarders, Identity, hubs and gRPC services.</summary>
internal sealed partial class MinimalRouteWalker
{
    private List<PendingEndpoint>? Map(InvocationExpressionSyntax invocation, string name, IReadOnlyList<string> methods, MinimalGroup group, WalkContext context)
    {
        var document = context.Document;
        var line = document.LineOf(NameToken(invocation));
        var condition = MinimalRoutes.BothConditions(context.Condition, EnvironmentConditions.Of(invocation));
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
        else if (name == "MapFallbackToFile")
        {
            // (filePath), (filePath, options), (pattern, filePath) or (pattern, filePath, options): a second
            // argument that is a string makes the first one the pattern. The static file middleware behind it
            // serves only GET and HEAD, so the endpoint is reported as GET.
            var patterned = arguments.Any(a => a.NameColon?.Name.Identifier.ValueText == "pattern")
                || (Argument(invocation, 0, "pattern") is not null && (arguments.Count >= 3 || IsString(Argument(invocation, 1, "filePath"))));
            pattern = patterned ? Argument(invocation, 0, "pattern") : null;
            handlerExpression = null;
            methods = ["GET"];
        }
        else if (FallbackTargetArity.TryGetValue(name, out var arity))
        {
            // The pattern is an optional first argument before the page or action/controller(/area) names.
            var patterned = arguments.Any(a => a.NameColon?.Name.Identifier.ValueText == "pattern") || arguments.Count > arity;
            pattern = patterned ? Argument(invocation, 0, "pattern") : null;
            handlerExpression = null;
            methods = ["ANY"];
        }
        else
        {
            pattern = Argument(invocation, 0, "pattern");
            handlerExpression = Argument(invocation, 1, "handler");
        }

        var route = pattern is null && (name is "MapFallback" or "MapFallbackToFile" || FallbackTargetArity.ContainsKey(name)) ? "/{*path:nonfile}" : Route(pattern, context);
        var (handlerSource, handlerContext, callSite) = Unbind(handlerExpression, context);
        var handler = name switch
        {
            "MapForwarder" => new MinimalHandler("forwarder to " + (corpus.Constants.Evaluate(Argument(invocation, 1, "destinationPrefix")) ?? MinimalAuthReader.Shorten(arguments[1].Expression.ToString())), null, [], []),
            "MapFallbackToFile" => new MinimalHandler("static file " + FallbackFile(invocation, pattern is not null), null, [], []),
            _ when FallbackTargetArity.ContainsKey(name) => new MinimalHandler(FallbackTarget(invocation, name, pattern is not null), null, [], []),
            _ => handlers.Read(handlerSource, handlerContext.Document),
        };
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

    /// <summary>How many arguments name the target of a MapFallbackTo* call that routes to a page or an action; one more is the pattern.</summary>
    private static readonly Dictionary<string, int> FallbackTargetArity = new(StringComparer.Ordinal)
    {
        ["MapFallbackToPage"] = 1,
        ["MapFallbackToAreaPage"] = 2,
        ["MapFallbackToController"] = 2,
        ["MapFallbackToAreaController"] = 3,
    };

    /// <summary>
    /// The page or action a fallback runs, e.g. "page /_Host" or "controller Home.Index in area Admin". The target's
    /// own [Authorize] is not read: the endpoint has the fallback call's conventions and the fallback policy.
    /// </summary>
    private string FallbackTarget(InvocationExpressionSyntax invocation, string name, bool patterned)
    {
        var first = patterned ? 1 : 0;
        string Value(int index, string parameter) =>
            Argument(invocation, first + index, parameter) is { } e ? corpus.Constants.Evaluate(e) ?? MinimalAuthReader.Shorten(e.ToString()) : "?";
        return name switch
        {
            "MapFallbackToPage" => "page " + Value(0, "page"),
            "MapFallbackToAreaPage" => $"page {Value(0, "page")} in area {Value(1, "area")}",
            "MapFallbackToController" => $"controller {Value(1, "controller")}.{Value(0, "action")}",
            _ => $"controller {Value(1, "controller")}.{Value(0, "action")} in area {Value(2, "area")}",
        };
    }

    /// <summary>The file a MapFallbackToFile call serves, as written when it is not a constant.</summary>
    private string FallbackFile(InvocationExpressionSyntax invocation, bool patterned)
    {
        var file = Argument(invocation, patterned ? 1 : 0, "filePath");
        return file is null ? "?" : corpus.Constants.Evaluate(file) ?? MinimalAuthReader.Shorten(file.ToString());
    }

    private bool IsString(ExpressionSyntax? expression) =>
        expression is not null && (corpus.Constants.Evaluate(expression) is not null || expression is InterpolatedStringExpressionSyntax);

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
}
