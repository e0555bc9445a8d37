using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Data;

/// <summary>The database provider and owning service of each context, from AddDbContext wiring and OnConfiguring.</summary>
internal static class ProviderDetector
{
    public static void Detect(CSharpCorpus corpus, IReadOnlyList<ContextDraft> contexts)
    {
        var byName = contexts.ToLookup(c => c.Name, StringComparer.Ordinal);
        var registrations = new Dictionary<ContextDraft, List<Registration>>();
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

                var registration = new Registration(corpus.Services.ServiceOf(doc), IsTestCode(doc), []);
                if (Conventions.ProviderOfRegistration(name) is { } aspire)
                {
                    registration.Providers.Add(aspire);
                }

                AddProviders(registration.Providers, invocation.ArgumentList);
                if (registration.Providers.Count == 0)
                {
                    AddProvidersFromHelpers(registration.Providers, invocation.ArgumentList, doc);
                }

                foreach (var context in Candidates(named, doc))
                {
                    if (!registrations.TryGetValue(context, out var list))
                    {
                        registrations[context] = list = [];
                    }

                    list.Add(registration);
                }
            }
        }

        foreach (var context in contexts)
        {
            foreach (var method in context.Declarations.SelectMany(d => d.Declaration.ChildNodes().OfType<MethodDeclarationSyntax>()))
            {
                if (method.Identifier.ValueText == "OnConfiguring")
                {
                    AddProviders(context.Providers, method);
                }
            }

            // Test hosts swap the provider (InMemory, SQLite); the application's own wiring says what runs.
            var found = registrations.GetValueOrDefault(context) ?? [];
            var used = found.Any(r => !r.IsTest) ? found.Where(r => !r.IsTest).ToList() : found;
            context.Providers.UnionWith(used.SelectMany(r => r.Providers));
            context.Service = used.Count > 0
                ? used.Select(r => r.Service).Order(StringComparer.Ordinal).First()
                : corpus.Services.ServiceOf(context.Primary.Document);
        }
    }

    private static bool IsTestCode(CSharpDocument document) =>
        (document.Project?.Path ?? document.Path).Contains("test", StringComparison.OrdinalIgnoreCase);

    /// <summary>An AddDbContext call seen in the code, with the service it runs in and the providers it selects.</summary>
    private sealed record Registration(string Service, bool IsTest, HashSet<string> Providers);

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

    /// <summary>
    /// AddDbContext&lt;T&gt;(ConfigureDatabase) or o =&gt; ConfigureDatabase(o, config): the UseXxx call sits
    /// in a method of the same file; one level is followed.
    /// </summary>
    private static void AddProvidersFromHelpers(HashSet<string> providers, ArgumentListSyntax arguments, CSharpDocument doc)
    {
        var names = arguments.DescendantNodesAndSelf()
            .Select(n => n switch
            {
                InvocationExpressionSyntax call => SyntaxHelpers.InvokedName(call),
                ArgumentSyntax { Expression: IdentifierNameSyntax group } => group.Identifier.ValueText,
                _ => null,
            })
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        foreach (var node in doc.Root.DescendantNodes())
        {
            var name = node switch
            {
                MethodDeclarationSyntax m => m.Identifier.ValueText,
                LocalFunctionStatementSyntax f => f.Identifier.ValueText,
                _ => null,
            };
            if (name is not null && names.Contains(name))
            {
                AddProviders(providers, node);
            }
        }
    }

    private static void AddProviders(HashSet<string> providers, Microsoft.CodeAnalysis.SyntaxNode scope)
    {
        foreach (var call in scope.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (SyntaxHelpers.InvokedName(call) is { } method && Conventions.ProviderOf(method) is { } provider)
            {
                providers.Add(provider);
            }
        }
    }
}
