using System.Collections.Concurrent;
using System.Collections.Immutable;
using BackendArchitect.Model;
using BackendArchitect.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp;

/// <summary>
/// Every hand-written C# file of the workspace, parsed once in parallel, with the projects they
/// belong to, the services (web entry points) and a by-name index of type declarations.
/// Generated files (EF designer files, model snapshots) are not parsed here.
/// </summary>
public sealed class CSharpCorpus
{
    private CSharpCorpus(
        IReadOnlyList<CSharpDocument> documents,
        IReadOnlyList<ProjectFile> projects,
        IReadOnlyDictionary<string, ImmutableArray<TypeEntry>> types)
    {
        Documents = documents;
        Projects = projects;
        Types = types;
        Constants = new ConstantResolver(this);
        projectsByPath = new(() => Projects.ToDictionary(p => p.Path, StringComparer.Ordinal));
    }

    private readonly Lazy<Dictionary<string, ProjectFile>> projectsByPath;
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> reachable = new(StringComparer.Ordinal);

    public IReadOnlyList<CSharpDocument> Documents { get; }

    public IReadOnlyList<ProjectFile> Projects { get; }

    /// <summary>Type declarations by simple name (without generic arity); partial types have several entries.</summary>
    public IReadOnlyDictionary<string, ImmutableArray<TypeEntry>> Types { get; }

    /// <summary>Evaluates constant string expressions (routes, policy names) across files.</summary>
    public ConstantResolver Constants { get; }

    /// <summary>The services, set by <see cref="ServiceDetector"/> after loading.</summary>
    public ServiceMap Services { get; internal set; } = ServiceMap.Empty;

    public static CSharpCorpus Load(WorkspaceSnapshot workspace, ICollection<Diagnostic> diagnostics, CancellationToken cancellation = default)
    {
        var projects = workspace.OfKind(FileKind.Project)
            .Select(f => ProjectFile.Parse(f, diagnostics))
            .OfType<ProjectFile>()
            .Select(p => p.TargetFramework is null ? p with { TargetFramework = InheritedTargetFramework(workspace, p) } : p)
            .OrderBy(p => p.Path, StringComparer.Ordinal)
            .ToArray();
        projects = MarkWebHosts(projects, workspace);
        var byDepth = projects.OrderByDescending(p => p.Directory.Length).ToArray();

        // Test projects are not part of the running system: their controllers and hosts are fixtures.
        var testProjects = projects.Where(p => p.IsTestProject).ToArray();
        if (testProjects.Length > 0)
        {
            diagnostics.Add(new Diagnostic(".", 0, $"skipped the code of {testProjects.Length} test project(s): {string.Join(", ", testProjects.Select(p => p.Name).Take(5))}{(testProjects.Length > 5 ? ", ..." : "")}", DiagnosticSeverity.Info));
        }

        var sources = workspace.OfKind(FileKind.CSharp)
            .Where(f => !f.IsGenerated && OwningProject(byDepth, f.Path) is not { IsTestProject: true })
            .ToArray();
        var parsed = new CSharpDocument?[sources.Length];
        var parseErrors = new ConcurrentBag<Diagnostic>();
        Parallel.For(0, sources.Length, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            var file = sources[i];
            if (NestingDepth.TooDeep(file, "its endpoints, wiring and data model are not read") is { } tooDeep)
            {
                parseErrors.Add(tooDeep);
                return;
            }

            var tree = CSharpTrees.Of(file);
            parsed[i] = new CSharpDocument(file, tree, OwningProject(byDepth, file.Path));
            var firstError = tree.GetDiagnostics().FirstOrDefault(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
            if (firstError is not null)
            {
                var line = firstError.Location.GetLineSpan().StartLinePosition.Line + 1;
                parseErrors.Add(new Diagnostic(file.Path, line, $"C# syntax error, read what parses: {firstError.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"));
            }
        });

        foreach (var d in parseErrors.OrderBy(d => d.File, StringComparer.Ordinal))
        {
            diagnostics.Add(d);
        }

        var documents = parsed.OfType<CSharpDocument>().ToArray();

        var types = new Dictionary<string, List<TypeEntry>>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            foreach (var type in doc.Root.DescendantNodes(n => n is not BaseMethodDeclarationSyntax and not BlockSyntax).OfType<BaseTypeDeclarationSyntax>())
            {
                if (!types.TryGetValue(type.Identifier.ValueText, out var list))
                {
                    types[type.Identifier.ValueText] = list = [];
                }

                list.Add(new TypeEntry(type, doc));
            }
        }

        var corpus = new CSharpCorpus(documents, projects, types.ToDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray(), StringComparer.Ordinal));
        corpus.Services = ServiceDetector.Detect(corpus, workspace);
        return corpus;
    }

    /// <summary>
    /// The project files a project references, directly or through other projects (not itself unless
    /// a cycle leads back to it). Computed once per project.
    /// </summary>
    public IReadOnlySet<string> ProjectsReachableFrom(string projectPath) =>
        reachable.GetOrAdd(projectPath, start =>
        {
            var result = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>([start]);
            while (stack.Count > 0)
            {
                if (projectsByPath.Value.TryGetValue(stack.Pop(), out var project))
                {
                    foreach (var reference in project.ProjectReferences.Where(result.Add))
                    {
                        stack.Push(reference);
                    }
                }
            }

            return result;
        });

    /// <summary>All declarations of a type by simple name, or empty.</summary>
    public ImmutableArray<TypeEntry> FindType(string name)
    {
        var simple = SyntaxHelpers.SimpleTypeName(name);
        return Types.TryGetValue(simple, out var list) ? list : [];
    }

    /// <summary>A project without its own TargetFramework takes the nearest Directory.Build.props's one.</summary>
    private static string? InheritedTargetFramework(WorkspaceSnapshot workspace, ProjectFile project)
    {
        var props = workspace.OfKind(FileKind.Project)
            .Where(f => f.FileName.Equals("Directory.Build.props", StringComparison.OrdinalIgnoreCase))
            .Where(f => f.Directory == "." || project.Directory == f.Directory || project.Directory.StartsWith(f.Directory + "/", StringComparison.Ordinal))
            .OrderByDescending(f => f.Directory.Length);
        foreach (var file in props)
        {
            var match = System.Text.RegularExpressions.Regex.Match(file.Text, "<TargetFrameworks?>([^<$]+)</TargetFrameworks?>");
            if (match.Success)
            {
                return match.Groups[1].Value.Trim();
            }
        }

        return null;
    }

    /// <summary>Marks the projects whose own entry point builds a web host, before test projects are told apart by it.</summary>
    private static ProjectFile[] MarkWebHosts(ProjectFile[] projects, WorkspaceSnapshot workspace)
    {
        var byDepth = projects.OrderByDescending(p => p.Directory.Length).ToArray();
        var hosts = workspace.OfKind(FileKind.CSharp)
            .Where(f => !f.IsGenerated && ServiceDetector.BuildsHostAtEntryPoint(f))
            .Select(f => OwningProject(byDepth, f.Path)?.Path)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        return [.. projects.Select(p => hosts.Contains(p.Path) ? p with { BuildsWebHost = true } : p)];
    }

    private static ProjectFile? OwningProject(ProjectFile[] byDepth, string path)
    {
        foreach (var p in byDepth)
        {
            if (p.Directory == "." || path.StartsWith(p.Directory + "/", StringComparison.Ordinal))
            {
                return p;
            }
        }

        return null;
    }
}

/// <summary>One declaration of a type and the document that holds it.</summary>
public sealed record TypeEntry(BaseTypeDeclarationSyntax Declaration, CSharpDocument Document)
{
    public string Name => Declaration.Identifier.ValueText;
}
