using BackendArchitect.Dataflow;
using BackendArchitect.Findings;
using BackendArchitect.Model;

namespace BackendArchitect.Rules.Security;

/// <summary>The findings of the injection rules: one per flow of their kind, at the sink, with the path to it.</summary>
public static class InjectionFindings
{
    /// <summary>
    /// Findings at each sink of <paramref name="kind"/>; related locations are the endpoint and each call that
    /// carried the value, so the reader can follow it from the route to the sink.
    /// </summary>
    public static IEnumerable<Finding> Of(CodeReviewContext context, RuleMetadata rule, TaintKind kind, Func<TaintFlow, string> message, string fix)
    {
        foreach (var flow in context.Flows.Where(f => f.Kind == kind))
        {
            var endpoint = flow.Endpoint;
            var finding = Finding.At(rule, flow.Location, message(flow), fix);
            yield return finding with
            {
                Related =
                [
                    new RelatedLocation(endpoint.Location, $"endpoint {EndpointFacts.Describe(endpoint)} ({endpoint.Handler}), auth {AuthWord(endpoint.Auth)}"),
                    .. flow.Steps.Select(s => new RelatedLocation(s, "the value is passed on here")),
                ],
            };
        }
    }

    /// <summary>"POST /api/orders (anonymous)": who can send the value matters to how bad the flaw is.</summary>
    public static string Reached(TaintFlow flow) =>
        $"{EndpointFacts.Describe(flow.Endpoint)}{(flow.Endpoint.Auth.Required == false ? " (reachable anonymously)" : "")}";

    private static string AuthWord(AuthRequirement auth) => auth.Required switch
    {
        true => "required",
        false => "anonymous",
        null => "unknown",
    };
}
