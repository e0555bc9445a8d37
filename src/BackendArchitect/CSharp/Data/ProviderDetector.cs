using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Data;

/// <summary>The database provider and owning service of each context, from AddDbContext wiring and OnConfiguring.</summary>
internal static class ProviderDetector
{
    public static void Detect(CSharpCorpus corpus, IReadOnlyList<ContextDraft> contexts)
    {
        var byName = contexts.ToLookup(c => c.Name, StringComparer.Ordinal);
        var registrations = new Dictionary<ContextDraft, List<string>>();
        foreach (var doc in corpus.Documents)
        {
            var text = doc.File.Text;
            if (!text.Contains("AddDbContext", StringComparison.Ordinal) && !text.Contains("DbContext<", StringComparison.Ordinal) && !text.Contains("DbContextFactory<", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var invocation in doc.Root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = SyntaxHelpers.InvokedName(invocation);
                if (name is null || !Conventions.IsContextRegistration(name))
                {
                    continue;
                }

                // AddDbContext<IAppDbContext, AppDbContext>: the implementation is the argument that names a context.
                var named = SyntaxHelpers.TypeArguments(invocation).Select(t => byName[Conventions.TypeName(t)]).FirstOrDefault(c => c.Any());
                if (named is null)
                {
                    continue;
                }

                var service = corpus.Services.ServiceOf(doc);
                foreach (var context in Candidates(named, doc))
                {
                    if (!registrations.TryGetValue(context, out var services))
                    {
                        registrations[context] = services = [];
                    }

                    services.Add(service);
                    if (Conventions.ProviderOfRegistration(name) is { } aspire)
                    {
                        context.Providers.Add(aspire);
                    }

                    AddProviders(context, invocation.ArgumentList);
                }
            }
        }

        foreach (var context in contexts)
        {
            foreach (var method in context.Declarations.SelectMany(d => d.Declaration.ChildNodes().OfType<MethodDeclarationSyntax>()))
            {
                if (method.Identifier.ValueText == "OnConfiguring")
                {
                    AddProviders(context, method);
                }
            }

            context.Service = registrations.TryGetValue(context, out var services)
                ? services.Order(StringComparer.Ordinal).First()
                : corpus.Services.ServiceOf(context.Primary.Document);
        }
    }

    /// <summary>Contexts of that name; when several share it, those the registering project can see by path.</summary>
    private static IEnumerable<ContextDraft> Candidates(IEnumerable<ContextDraft> named, CSharpDocument registration)
    {
        var list = named.ToList();
        if (list.Count <= 1)
        {
            return list;
        }

        var sameProject = list.Where(c => c.Primary.Document.Project?.Path == registration.Project?.Path).ToList();
        if (sameProject.Count > 0)
        {
            return sameProject;
        }

        var referenced = registration.Project?.ProjectReferences ?? [];
        var visible = list.Where(c => c.Primary.Document.Project is { } p && referenced.Contains(p.Path)).ToList();
        return visible.Count > 0 ? visible : list;
    }

    private static void AddProviders(ContextDraft context, Microsoft.CodeAnalysis.SyntaxNode scope)
    {
        foreach (var call in scope.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (SyntaxHelpers.InvokedName(call) is { } method && Conventions.ProviderOf(method) is { } provider)
            {
                context.Providers.Add(provider);
            }
        }
    }
}
