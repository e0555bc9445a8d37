using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Data;

/// <summary>
/// The database provider and owning service of each context: from its registration (AddDbContext, Aspire's
/// AddNpgsqlDbContext, ABP's AddAbpDbContext with AbpDbContextOptions) and the helpers it hands its options to,
/// from OnConfiguring, and last from a design-time factory's DbContextOptionsBuilder.
/// </summary>
internal static class ProviderDetector
{
    public static void Detect(CSharpCorpus corpus, IReadOnlyList<ContextDraft> contexts)
    {
        var byName = contexts.ToLookup(c => c.Name, StringComparer.Ordinal);
        var helpers = OptionsBuilderMethods.Build(corpus);
        var registrations = new Dictionary<ContextDraft, List<Registration>>();
        var abpDefaults = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var designTime = new Dictionary<ContextDraft, HashSet<string>>();

        void Register(IEnumerable<ContextDraft> named, CSharpDocument doc, Registration registration)
        {
            foreach (var context in Candidates(named, doc))
            {
                (registrations.TryGetValue(context, out var list) ? list : registrations[context] = []).Add(registration);
            }
        }

        foreach (var doc in corpus.Documents)
        {
            var text = doc.File.Text;
            if (!text.Contains("AddDbContext", StringComparison.Ordinal) && !text.Contains("DbContext<", StringComparison.Ordinal)
                && !text.Contains("DbContextFactory<", StringComparison.Ordinal) && !text.Contains("DbContextOptions", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var node in doc.Root.DescendantNodes())
            {
                switch (node)
                {
                    case InvocationExpressionSyntax invocation when SyntaxHelpers.InvokedName(invocation) is { } name:
                        var service = corpus.Services.ServiceOf(doc);
                        if (name == "Configure" && IsAbpOptions(invocation))
                        {
                            // ABP: Configure<AbpDbContextOptions>(o => { o.UseNpgsql(); o.Configure<T>(c => c.UseSqlServer()); }):
                            // the bare call is the default of every context the service registers, Configure<T> is T's own.
                            var defaults = abpDefaults.TryGetValue(service, out var set) ? set : abpDefaults[service] = new(StringComparer.Ordinal);
                            helpers.AddProviders(defaults, invocation.ArgumentList, doc, n => !IsPerContextConfigure(n));
                            foreach (var perContext in invocation.ArgumentList.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(IsPerContextConfigure))
                            {
                                var own = new Registration(service, IsTestCode(doc), [], Abp: false);
                                helpers.AddProviders(own.Providers, perContext.ArgumentList, doc);
                                Register(byName[Conventions.TypeName(SyntaxHelpers.TypeArguments(perContext)[0])], doc, own);
                            }

                            break;
                        }

                        var abp = name == "AddAbpDbContext";
                        if (!abp && !Conventions.IsContextRegistration(name))
                        {
                            break;
                        }

                        // AddDbContext<IAppDbContext, AppDbContext>: the implementation is the argument that names a context.
                        var named = SyntaxHelpers.TypeArguments(invocation).Select(t => byName[Conventions.TypeName(t)]).FirstOrDefault(c => c.Any());
                        if (named is null)
                        {
                            break;
                        }

                        var registration = new Registration(service, IsTestCode(doc), [], abp);
                        if (Conventions.ProviderOfRegistration(name) is { } aspire)
                        {
                            registration.Providers.Add(aspire);
                        }

                        helpers.AddProviders(registration.Providers, invocation.ArgumentList, doc);
                        Register(named, doc, registration);
                        break;
                    case BaseObjectCreationExpressionSyntax creation when DesignTimeContext(creation) is { } typeName && byName[typeName].Any():
                        // new DbContextOptionsBuilder<T>().UseNpgsql(...) in a design-time factory: the provider EF's tools use.
                        foreach (var context in Candidates(byName[typeName], doc))
                        {
                            var set = designTime.TryGetValue(context, out var found) ? found : designTime[context] = new(StringComparer.Ordinal);
                            helpers.AddProviders(set, Chain(creation), doc, n => n != creation);
                        }

                        break;
                }
            }
        }

        foreach (var context in contexts)
        {
            foreach (var method in context.Declarations.SelectMany(d => d.Declaration.ChildNodes().OfType<MethodDeclarationSyntax>().Select(m => (m, d.Document))))
            {
                if (method.m.Identifier.ValueText == "OnConfiguring")
                {
                    helpers.AddProviders(context.Providers, method.m, method.Document);
                }
            }

            // Test hosts swap the provider (InMemory, SQLite); the application's own wiring says what runs.
            var found = registrations.GetValueOrDefault(context) ?? [];
            var used = found.Any(r => !r.IsTest) ? found.Where(r => !r.IsTest).ToList() : found;
            context.Providers.UnionWith(used.SelectMany(r => r.Providers));
            if (context.Providers.Count == 0)
            {
                context.Providers.UnionWith(used.Where(r => r.Abp).SelectMany(r => abpDefaults.GetValueOrDefault(r.Service) ?? []));
            }

            if (context.Providers.Count == 0 && designTime.TryGetValue(context, out var tooling))
            {
                context.Providers.UnionWith(tooling);
            }

            context.Service = used.Count > 0
                ? used.Select(r => r.Service).Order(StringComparer.Ordinal).First()
                : corpus.Services.ServiceOf(context.Primary.Document);
        }
    }

    private static bool IsAbpOptions(InvocationExpressionSyntax invocation) =>
        SyntaxHelpers.TypeArguments(invocation) is [var type] && SyntaxHelpers.SimpleTypeName(type.ToString()) == "AbpDbContextOptions";

    /// <summary>ABP's <c>options.Configure&lt;TContext&gt;(c =&gt; ...)</c> inside AbpDbContextOptions setup.</summary>
    private static bool IsPerContextConfigure(SyntaxNode node) =>
        node is InvocationExpressionSyntax call && SyntaxHelpers.InvokedName(call) == "Configure" && SyntaxHelpers.TypeArguments(call).Count == 1 && !IsAbpOptions(call);

    /// <summary>The context of <c>new DbContextOptionsBuilder&lt;T&gt;()</c>, or null.</summary>
    private static string? DesignTimeContext(BaseObjectCreationExpressionSyntax creation) =>
        creation is ObjectCreationExpressionSyntax { Type: GenericNameSyntax { Identifier.ValueText: "DbContextOptionsBuilder", TypeArgumentList.Arguments: [var type] } }
            ? Conventions.TypeName(type)
            : null;

    /// <summary>The outermost call of a fluent chain that starts at <paramref name="start"/>.</summary>
    private static SyntaxNode Chain(SyntaxNode start)
    {
        var node = start;
        while (node.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } || node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent is ParenthesizedExpressionSyntax p ? p : node.Parent.Parent!;
        }

        return node;
    }

    private static bool IsTestCode(CSharpDocument document) =>
        (document.Project?.Path ?? document.Path).Contains("test", StringComparison.OrdinalIgnoreCase);

    /// <summary>An AddDbContext call seen in the code, with the service it runs in, the providers it selects, and whether ABP's defaults apply.</summary>
    private sealed record Registration(string Service, bool IsTest, HashSet<string> Providers, bool Abp);

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
}
