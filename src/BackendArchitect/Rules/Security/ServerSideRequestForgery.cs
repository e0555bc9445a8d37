using BackendArchitect.Dataflow;
using BackendArchitect.Findings;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC013: Request data decides which host an outbound HTTP call goes to.</summary>
public sealed class ServerSideRequestForgery : ICodeRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC013",
        "server-side-request-forgery",
        "security",
        Severity.Error,
        "Request data decides which host an outbound HTTP call goes to.",
        "The URL of an outbound call (HttpClient, an HttpRequestMessage or a BaseAddress, WebClient, WebRequest.Create, a RestSharp RestClient) starts with a value the caller controls (the whole URL, or its scheme and host), so the server fetches whatever the caller names: cloud metadata endpoints (169.254.169.254), internal admin services, databases on the private network, with the server's network position and credentials. A value after a fixed scheme and host, or a relative path on a client with a BaseAddress, only picks a path on a known host and is not reported.",
        "app.MapGet(\"/preview\", async (string url, HttpClient http) =>\n    await http.GetStringAsync(url));",
        "app.MapGet(\"/preview\", async (string url, HttpClient http) =>\n{\n    if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !AllowedHosts.Contains(uri.Host))\n    {\n        return Results.BadRequest();\n    }\n\n    return Results.Text(await http.GetStringAsync(uri));\n});",
        ["https://cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html", "https://owasp.org/Top10/A10_2021-Server-Side_Request_Forgery_%28SSRF%29/"],
        ["CWE-918", "OWASP-A10:2021"])
    {
        Applicability = RuleApplicability.CSharp,
        SecuritySeverity = "8.6",
    };

    public IEnumerable<Finding> Check(CodeReviewContext context) =>
        InjectionFindings.Of(
            context,
            Metadata,
            TaintKind.Url,
            flow => $"{flow.Source} of {InjectionFindings.Reached(flow)} decides the host the server calls through {flow.Sink}.",
            "Call fixed hosts (a typed client with a BaseAddress and a relative path), or parse the URL and check its scheme and host against an allow-list before the call.");
}
