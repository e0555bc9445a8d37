using System.Collections.Immutable;
using BackendArchitect.CSharp;
using BackendArchitect.Model;

namespace BackendArchitect.Linking;

/// <summary>
/// Links endpoints to the code they run, once per scan: finds each handler, follows its calls through
/// the repository (DI registrations, mediator handlers, own methods) and reads the data access and
/// outbound calls on the way. Syntax only: a call it cannot place is left out, and a bound or an
/// ambiguity that loses precision is said once in a diagnostic.
/// </summary>
public static class Linker
{
    public static LinkGraph Link(
        CSharpCorpus corpus,
        IReadOnlyList<Endpoint> endpoints,
        IReadOnlyList<Registration> registrations,
        IReadOnlyList<HttpDependency> httpClients,
        IReadOnlyList<DataContext> contexts,
        IReadOnlyList<Entity> entities,
        ICollection<Diagnostic> diagnostics,
        CancellationToken cancellation = default)
    {
        var index = new LinkIndex(corpus, registrations, httpClients, contexts, entities);
        var resolver = new CallResolver(index);
        var walker = new CallWalker(index, resolver);
        var linkable = endpoints.Where(HandlerLocator.HasCodeHandler).ToArray();
        var walks = new CallWalker.Walk?[linkable.Length];
        var missing = new bool[linkable.Length];
        Parallel.For(0, linkable.Length, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            if (HandlerLocator.Locate(linkable[i], index) is { } handler)
            {
                walks[i] = walker.Follow(linkable[i], handler);
            }
            else
            {
                missing[i] = true;
            }
        });

        var found = walks.OfType<CallWalker.Walk>().ToArray();
        LinkDiagnostics.Report(
            diagnostics,
            [.. linkable.Where((_, i) => missing[i])],
            [.. found.Where(w => w.DepthBound).Select(w => w.Linked.Endpoint)],
            [.. found.Where(w => w.MethodBound).Select(w => w.Linked.Endpoint)],
            resolver.Ambiguous,
            index);
        return new LinkGraph([.. found.Select(w => w.Linked)]);
    }
}
