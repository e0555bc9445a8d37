using System.Collections.Frozen;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Wiring;

/// <summary>
/// Named policies: authorization (with its requirements), CORS (with origins and credentials),
/// rate limiters (with their limits) and output-cache policies. <c>AddPolicy</c> is shared by all of
/// them, so the kind comes from where the call sits (inside <c>AddCors(...)</c>, on
/// <c>AddAuthorizationBuilder()</c>, on a <c>CorsOptions</c> parameter...) or, failing that, from what
/// the policy builder does.
/// </summary>
internal static class PolicyReader
{
    public const string Authorization = "authorization";
    public const string Cors = "cors";
    public const string RateLimit = "rate-limit";
    public const string OutputCache = "output-cache";

    private static readonly FrozenDictionary<string, string> LimiterMethods = new Dictionary<string, string>
    {
        ["AddFixedWindowLimiter"] = "FixedWindow",
        ["AddSlidingWindowLimiter"] = "SlidingWindow",
        ["AddTokenBucketLimiter"] = "TokenBucket",
        ["AddConcurrencyLimiter"] = "Concurrency",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> LimiterSettings = FrozenSet.ToFrozenSet(
        ["PermitLimit", "Window", "QueueLimit", "QueueProcessingOrder", "SegmentsPerWindow", "TokenLimit", "TokensPerPeriod", "ReplenishmentPeriod", "AutoReplenishment"],
        StringComparer.Ordinal);

    /// <summary>Option-configuring calls and option types that say which kind of policy an AddPolicy inside them adds.</summary>
    private static readonly FrozenDictionary<string, string> KindByContext = new Dictionary<string, string>
    {
        ["AddAuthorization"] = Authorization,
        ["AddAuthorizationCore"] = Authorization,
        ["AddAuthorizationBuilder"] = Authorization,
        ["AuthorizationOptions"] = Authorization,
        ["AuthorizationBuilder"] = Authorization,
        ["AddCors"] = Cors,
        ["CorsOptions"] = Cors,
        ["AddRateLimiter"] = RateLimit,
        ["RateLimiterOptions"] = RateLimit,
        ["AddOutputCache"] = OutputCache,
        ["OutputCacheOptions"] = OutputCache,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool Read(DocumentWiring w, InvocationExpressionSyntax invocation, string name)
    {
        if (LimiterMethods.TryGetValue(name, out var limiter))
        {
            var policyName = NameArgument(w, invocation, "policyName");
            Add(w, invocation, RateLimit, policyName ?? "?", Join([limiter, .. Settings(w, invocation.ArgumentList)]));
            return true;
        }

        switch (name)
        {
            case "AddPolicy" or "AddDefaultPolicy" or "AddBasePolicy":
                ReadAddPolicy(w, invocation, name);
                return true;
            case "SetFallbackPolicy" or "SetDefaultPolicy" when WiringSyntax.IsOnBuilder(invocation, AuthorizationChain, AuthorizationBuilderTypes):
                Add(w, invocation, Authorization, name == "SetFallbackPolicy" ? "(fallback)" : "(default)", AuthorizationDetail(w, invocation.ArgumentList));
                return true;
            case "Build" when invocation.Parent is AssignmentExpressionSyntax assignment && AssignedName(assignment) is "FallbackPolicy" or "DefaultPolicy":
                Add(w, invocation, Authorization, AssignedName(assignment) == "FallbackPolicy" ? "(fallback)" : "(default)", AuthorizationDetail(w, invocation));
                return true;
            case "Create" or "CreateChained" when WiringSyntax.RightmostName(SyntaxHelpers.Receiver(invocation)) == "PartitionedRateLimiter"
                && invocation.Parent is AssignmentExpressionSyntax global && AssignedName(global) == "GlobalLimiter":
                Add(w, invocation, RateLimit, "(global)", Join([.. PartitionKinds(invocation), .. Settings(w, invocation.ArgumentList)]));
                return true;
            case "UseCors" when WiringSyntax.FirstLambda(invocation) is { } inline:
                Add(w, invocation, Cors, "(inline)", CorsDetail(w, inline));
                return true;
            default:
                return false;
        }
    }

    private static readonly FrozenSet<string> AuthorizationChain = FrozenSet.ToFrozenSet(["AddAuthorizationBuilder"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> AuthorizationBuilderTypes = FrozenSet.ToFrozenSet(["AuthorizationBuilder"], StringComparer.Ordinal);

    private static void ReadAddPolicy(DocumentWiring w, InvocationExpressionSyntax invocation, string name)
    {
        var kind = KindOf(invocation);
        if (kind is null)
        {
            return;
        }

        var policyName = name switch
        {
            "AddDefaultPolicy" => "(default)",
            "AddBasePolicy" => "(base)",
            _ => NameArgument(w, invocation, "name") ?? NameArgument(w, invocation, "policyName") ?? "?",
        };
        var body = (SyntaxNode?)invocation.ArgumentList.Arguments.Skip(name == "AddPolicy" ? 1 : 0).FirstOrDefault()?.Expression;
        var detail = kind switch
        {
            Authorization => AuthorizationDetail(w, body),
            Cors => CorsDetail(w, body),
            RateLimit => SyntaxHelpers.TypeArguments(invocation) is { Count: 2 } typeArgs
                ? "policy " + WiringSyntax.TypeText(typeArgs[1])
                : Join([.. PartitionKinds(invocation), .. Settings(w, invocation.ArgumentList)]),
            _ => body is null ? null : Calls(w, body, _ => true),
        };
        Add(w, invocation, kind, policyName, detail);
    }

    /// <summary>The kind of policy an AddPolicy call adds, or null when the call is something else.</summary>
    private static string? KindOf(InvocationExpressionSyntax invocation)
    {
        foreach (var call in WiringSyntax.ReceiverCalls(invocation))
        {
            if (SyntaxHelpers.InvokedName(call) is { } n && KindByContext.TryGetValue(n, out var chained))
            {
                return chained;
            }
        }

        if (WiringSyntax.ChainRoot(invocation) is { } root && WiringSyntax.Declaration(root).Type is { } type
            && KindByContext.TryGetValue(SyntaxHelpers.SimpleTypeName(type), out var byType))
        {
            return byType;
        }

        for (var node = invocation.Parent; node is not null; node = node.Parent)
        {
            if (node is ArgumentListSyntax { Parent: InvocationExpressionSyntax outer })
            {
                var outerName = SyntaxHelpers.InvokedName(outer);
                if (outerName == "Configure" && SyntaxHelpers.TypeArguments(outer) is { Count: 1 } options)
                {
                    outerName = SyntaxHelpers.SimpleTypeName(options[0].ToString());
                }

                if (outerName is not null && KindByContext.TryGetValue(outerName, out var enclosing))
                {
                    return enclosing;
                }
            }
        }

        if (SyntaxHelpers.TypeArguments(invocation).Count == 2)
        {
            return RateLimit;
        }

        var names = invocation.ArgumentList.DescendantNodes().OfType<InvocationExpressionSyntax>().Select(SyntaxHelpers.InvokedName).OfType<string>().ToArray();
        return names.Any(IsAuthorizationCall) ? Authorization
            : names.Any(IsCorsCall) ? Cors
            : names.Any(n => n.StartsWith("Get", StringComparison.Ordinal) && n.EndsWith("Limiter", StringComparison.Ordinal)) ? RateLimit
            : null;
    }

    private static bool IsAuthorizationCall(string name) =>
        name.StartsWith("Require", StringComparison.Ordinal) || name is "AddRequirements" or "AddAuthenticationSchemes" or "Combine";

    private static bool IsCorsCall(string name) =>
        name.StartsWith("With", StringComparison.Ordinal) || name.StartsWith("Allow", StringComparison.Ordinal)
        || name.StartsWith("SetIsOriginAllowed", StringComparison.Ordinal) || name is "SetPreflightMaxAge" or "DisallowCredentials";

    private static string? AuthorizationDetail(DocumentWiring w, SyntaxNode? body) => body is null ? null : Calls(w, body, IsAuthorizationCall);

    private static string? CorsDetail(DocumentWiring w, SyntaxNode? body) => body is null ? null : Calls(w, body, IsCorsCall);

    /// <summary>The builder calls in a policy's configuration, in source order: "RequireRole(Admin); RequireClaim(scope, orders)".</summary>
    private static string? Calls(DocumentWiring w, SyntaxNode body, Func<string, bool> include)
    {
        var calls = new List<string>();
        var taken = new List<InvocationExpressionSyntax>();
        foreach (var call in body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>()
            .OrderBy(c => c.Expression is MemberAccessExpressionSyntax m ? m.Name.SpanStart : c.SpanStart))
        {
            if (SyntaxHelpers.InvokedName(call) is not { } name || !include(name)
                || taken.Any(t => t.ArgumentList.Span.Contains(call.Span)))
            {
                continue;
            }

            taken.Add(call);
            var args = call.ArgumentList.Arguments.Select(a => WiringSyntax.ArgumentText(a.Expression, w.Constants));
            calls.Add($"{name}({string.Join(", ", args)})");
        }

        return calls.Count == 0 ? null : string.Join("; ", calls);
    }

    /// <summary>Limiter settings assigned in options lambdas or initializers: "PermitLimit=4", "Window=TimeSpan.FromSeconds(12)".</summary>
    private static IEnumerable<string> Settings(DocumentWiring w, SyntaxNode node)
    {
        foreach (var assignment in node.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            if (AssignedName(assignment) is { } name && LimiterSettings.Contains(name) && SettingValue(w, assignment.Right) is { } value)
            {
                yield return $"{name}={value}";
            }
        }
    }

    private static string? SettingValue(DocumentWiring w, ExpressionSyntax value)
    {
        if (w.Constants.Evaluate(value) is { } constant)
        {
            return constant;
        }

        // TimeSpan.FromSeconds(10), QueueProcessingOrder.OldestFirst, true: literal enough to show.
        var literal = value.DescendantNodesAndSelf().All(n => n is LiteralExpressionSyntax or ArgumentListSyntax or ArgumentSyntax
            or MemberAccessExpressionSyntax or IdentifierNameSyntax or InvocationExpressionSyntax or PrefixUnaryExpressionSyntax)
            && !value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => char.IsLower(i.Identifier.ValueText[0]));
        return literal ? WiringSyntax.OneLine(value.ToString()) : null;
    }

    private static IEnumerable<string> PartitionKinds(InvocationExpressionSyntax invocation) =>
        invocation.ArgumentList.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(SyntaxHelpers.InvokedName)
            .OfType<string>()
            .Where(n => n.StartsWith("Get", StringComparison.Ordinal) && n.EndsWith("Limiter", StringComparison.Ordinal))
            .Select(n => n[3..^"Limiter".Length])
            .Distinct(StringComparer.Ordinal);

    private static string? AssignedName(AssignmentExpressionSyntax assignment) => assignment.Left switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        IdentifierNameSyntax i => i.Identifier.ValueText,
        _ => null,
    };

    private static string? NameArgument(DocumentWiring w, InvocationExpressionSyntax invocation, string parameter)
    {
        var argument = WiringSyntax.Named(invocation, parameter) ?? WiringSyntax.Positional(invocation).FirstOrDefault();
        return argument is null or AnonymousFunctionExpressionSyntax ? null : w.Constants.Evaluate(argument) ?? WiringSyntax.OneLine(argument.ToString());
    }

    private static string? Join(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count == 0 ? null : string.Join("; ", list);
    }

    private static void Add(DocumentWiring w, InvocationExpressionSyntax invocation, string kind, string name, string? detail) =>
        w.Policies.Add(new NamedPolicy(w.ServiceOf(invocation), kind, name, detail, w.Document.Path, w.Line(invocation)));
}
