using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Wiring;

/// <summary>The wiring facts found in one document, collected while its tree is walked once.</summary>
internal sealed class DocumentWiring(CSharpCorpus corpus, CSharpDocument document, ServiceAttribution attribution, SchemeExtensions schemeExtensions)
{
    public CSharpCorpus Corpus { get; } = corpus;
    public CSharpDocument Document { get; } = document;
    public SchemeExtensions SchemeExtensions { get; } = schemeExtensions;
    public ConstantResolver Constants => Corpus.Constants;

    public List<Registration> Registrations { get; } = [];
    public List<AuthenticationScheme> Schemes { get; } = [];
    public List<NamedPolicy> Policies { get; } = [];
    public List<HealthCheck> HealthChecks { get; } = [];
    public List<HttpDependency> HttpClients { get; } = [];
    public List<MessageChannel> Channels { get; } = [];
    public List<Cache> Caches { get; } = [];
    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>The services the code at a node runs in; a fact there is listed once for each.</summary>
    public IReadOnlyList<string> ServicesOf(SyntaxNode node) => attribution.ServicesOf(Document, node);

    public int Line(InvocationExpressionSyntax invocation) => WiringSyntax.NameLine(Document, invocation);

    public void Warn(InvocationExpressionSyntax invocation, string message) =>
        Diagnostics.Add(new Diagnostic(Document.Path, Line(invocation), message));
}
