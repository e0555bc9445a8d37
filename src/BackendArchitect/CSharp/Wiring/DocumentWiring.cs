using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Wiring;

/// <summary>The wiring facts found in one document, collected while its tree is walked once.</summary>
internal sealed class DocumentWiring(CSharpCorpus corpus, CSharpDocument document, HashSet<CSharpDocument> ownDocuments, SchemeExtensions schemeExtensions)
{
    public CSharpCorpus Corpus { get; } = corpus;
    public CSharpDocument Document { get; } = document;
    public SchemeExtensions SchemeExtensions { get; } = schemeExtensions;
    public ConstantResolver Constants => Corpus.Constants;

    /// <summary>The file builds authentication (handlers from packages are only recognised on that chain).</summary>
    public bool MentionsAuthentication { get; } = document.File.Text.Contains("Authentication", StringComparison.Ordinal);

    /// <summary>The file builds health checks (package checks are only recognised on that chain).</summary>
    public bool MentionsHealthChecks { get; } = document.File.Text.Contains("HealthChecks", StringComparison.Ordinal);

    public List<Registration> Registrations { get; } = [];
    public List<AuthenticationScheme> Schemes { get; } = [];
    public List<NamedPolicy> Policies { get; } = [];
    public List<HealthCheck> HealthChecks { get; } = [];
    public List<HttpDependency> HttpClients { get; } = [];
    public List<MessageChannel> Channels { get; } = [];
    public List<Cache> Caches { get; } = [];
    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>The service the code at a node runs in; inside a shared library, a placeholder resolved once all callers are known.</summary>
    public string ServiceOf(SyntaxNode node) => ServiceAttribution.ServiceOrPending(Corpus, ownDocuments, Document, node);

    /// <summary>The service names of every fact found (placeholders included).</summary>
    public IEnumerable<string> Services() =>
        Registrations.Select(x => x.Service).Concat(Schemes.Select(x => x.Service)).Concat(Policies.Select(x => x.Service))
            .Concat(HealthChecks.Select(x => x.Service)).Concat(HttpClients.Select(x => x.Service))
            .Concat(Channels.Select(x => x.Service)).Concat(Caches.Select(x => x.Service));

    public int Line(InvocationExpressionSyntax invocation) => WiringSyntax.NameLine(Document, invocation);

    public void Warn(InvocationExpressionSyntax invocation, string message, DiagnosticSeverity severity = DiagnosticSeverity.Warning) =>
        Diagnostics.Add(new Diagnostic(Document.Path, Line(invocation), message, severity));
}
