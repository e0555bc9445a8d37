using System.Collections.Concurrent;
using System.Collections.Immutable;
using BackendArchitect.Config;
using BackendArchitect.CSharp;
using BackendArchitect.CSharp.Auth;
using BackendArchitect.CSharp.Data;
using BackendArchitect.CSharp.Endpoints;
using BackendArchitect.CSharp.Wiring;
using BackendArchitect.Linking;
using BackendArchitect.Model;
using BackendArchitect.Workspace;

namespace BackendArchitect.Scanning;

/// <summary>A scan's model, the parsed C# it was read from and the linker's graph over that syntax.</summary>
public sealed record ScanAnalysis(SystemModel Model, CSharpCorpus Corpus, LinkGraph Links);

/// <summary>The application layer's scan: workspace, front-ends, one sorted system model.</summary>
public static class ScanEngine
{
    /// <summary>
    /// Scans PATH. <paramref name="cancellation"/> (Ctrl-C, a host's request) stops the work at the next
    /// directory, file or phase with an <see cref="OperationCanceledException"/>; nothing partial is returned.
    /// </summary>
    public static SystemModel Scan(string path, ScanOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        options ??= new ScanOptions();
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            throw new InputException($"path not found: {path}");
        }

        progress?.Report("Listing files");
        var workspace = WorkspaceLoader.Load(path, options.Workspace, progress, cancellation);
        return Scan(workspace, progress, cancellation);
    }

    public static SystemModel Scan(WorkspaceSnapshot workspace, IProgress<string>? progress = null, CancellationToken cancellation = default) =>
        Analyze(workspace, progress, cancellation).Model;

    /// <summary>
    /// The scan of a loaded workspace, with the parsed C# kept for the review rules that read code.
    /// <paramref name="parsed"/> is told the corpus as soon as it is parsed, so a caller can start work that needs
    /// only the source beside the phases that read endpoints, wiring and links (on one core, mostly).
    /// </summary>
    public static ScanAnalysis Analyze(WorkspaceSnapshot workspace, IProgress<string>? progress = null, CancellationToken cancellation = default, Action<CSharpCorpus>? parsed = null)
    {
        var diagnostics = new SynchronizedCollection(workspace.Diagnostics);

        progress?.Report($"Parsing {workspace.OfKind(FileKind.CSharp).Count()} C# files");
        var corpus = CSharpCorpus.Load(workspace, diagnostics, cancellation);
        cancellation.ThrowIfCancellationRequested();
        parsed?.Invoke(corpus);

        progress?.Report("Reading endpoints and authorization");
        var defaults = ServiceAuthDefaultsReader.Read(corpus, diagnostics);
        var endpoints = new List<Endpoint>();
        endpoints.AddRange(ControllerEndpoints.Discover(corpus, defaults, diagnostics));
        endpoints.AddRange(MinimalApiEndpoints.Discover(corpus, defaults, diagnostics, [.. workspace.OfKind(FileKind.Proto)]));
        endpoints.AddRange(RazorPageEndpoints.Discover(corpus, workspace, defaults, diagnostics));
        endpoints.AddRange(BlazorPageEndpoints.Discover(corpus, workspace, defaults, diagnostics));
        endpoints.AddRange(FastEndpointsEndpoints.Discover(corpus, defaults, diagnostics));
        endpoints.AddRange(YarpProxyEndpoints.Discover(corpus, workspace, defaults, diagnostics));
        endpoints.AddRange(AbpConventionalControllers.Discover(corpus, defaults, diagnostics));
        UnreadEndpointStyles.Report(corpus, diagnostics);
        cancellation.ThrowIfCancellationRequested();

        progress?.Report("Reading wiring and data model");
        var wiring = WiringReader.Read(corpus, diagnostics);
        var (contexts, entities) = EfModelReader.Read(corpus, diagnostics);
        var (config, containers, compose) = InfrastructureReader.Read(workspace, diagnostics);

        progress?.Report("Linking handlers to data access and outbound calls");
        var links = Linker.Link(corpus, endpoints, wiring.Registrations, wiring.HttpClients, contexts, entities, diagnostics, cancellation);

        var allDiagnostics = diagnostics.Snapshot();
        var model = ModelSorter.Sort(new SystemModel
        {
            Root = workspace.Root,
            Services = [.. corpus.Services.Services],
            Endpoints = [.. ContainerBoundParameters.Apply(CustomAuthMiddleware.Apply(corpus, wiring.Middleware, endpoints), wiring.Registrations, wiring.HttpClients, contexts)],
            Middleware = wiring.Middleware,
            Registrations = wiring.Registrations,
            AuthenticationSchemes = wiring.AuthenticationSchemes,
            Policies = wiring.Policies,
            HealthChecks = wiring.HealthChecks,
            HttpClients = wiring.HttpClients,
            MessageChannels = wiring.MessageChannels,
            Caches = wiring.Caches,
            DataContexts = contexts,
            Entities = entities,
            Links = links.ToModel(),
            Configuration = config,
            Containers = containers,
            ComposeServices = compose,
            Statistics = new ScanStatistics(
                workspace.Files.Count,
                workspace.Files.Sum(f => (long)f.Lines),
                workspace.OfKind(FileKind.CSharp).Count(),
                DiagnosticCounts.SkippedFiles(allDiagnostics)),
            // Parsers quote what they stopped at, which may be a secret.
            Diagnostics = [.. allDiagnostics.Select(d => d with { Message = SecretMasker.MaskText(d.Message) })],
        });
        return new ScanAnalysis(model, corpus, links);
    }

    /// <summary>Front-ends add diagnostics from parallel loops; this keeps that safe.</summary>
    private sealed class SynchronizedCollection(IEnumerable<Diagnostic> initial) : ICollection<Diagnostic>
    {
        private readonly ConcurrentQueue<Diagnostic> items = new(initial);

        public int Count => items.Count;

        public bool IsReadOnly => false;

        public void Add(Diagnostic item) => items.Enqueue(item);

        public void Clear() => items.Clear();

        public bool Contains(Diagnostic item) => items.Contains(item);

        public void CopyTo(Diagnostic[] array, int arrayIndex) => items.CopyTo(array, arrayIndex);

        public bool Remove(Diagnostic item) => throw new NotSupportedException();

        public IEnumerator<Diagnostic> GetEnumerator() => items.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public Diagnostic[] Snapshot() => [.. items];
    }
}
