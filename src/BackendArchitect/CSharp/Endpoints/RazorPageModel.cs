using System.Collections.Immutable;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// A page model class (the <c>@model</c> of a page) as Razor Pages sees it: its handler methods,
/// its bound properties and the authorization attributes on the class and its base classes.
/// </summary>
public sealed class RazorPageModel
{
    private static readonly string[] Verbs = ["Get", "Post", "Put", "Delete", "Patch", "Head", "Options"];

    private RazorPageModel(string name, IReadOnlyList<TypeEntry> declarations)
    {
        Name = name;
        Declarations = declarations;
    }

    public string Name { get; }

    /// <summary>The class's partial declarations, then those of its base classes found in the code.</summary>
    public IReadOnlyList<TypeEntry> Declarations { get; }

    /// <summary>Finds the page model named by <c>@model</c>, preferring the one in the page's code-behind file.</summary>
    public static RazorPageModel? Find(CSharpCorpus corpus, string? modelType, string pagePath)
    {
        if (string.IsNullOrWhiteSpace(modelType))
        {
            return null;
        }

        var candidates = corpus.FindType(modelType).Where(e => e.Declaration is ClassDeclarationSyntax).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var qualifiedModel = modelType.Trim();
        var chosen = candidates.FirstOrDefault(e => e.Document.Path == pagePath + ".cs")
            ?? candidates.FirstOrDefault(e => qualifiedModel.Contains('.') && FullName(e.Declaration) == qualifiedModel)
            ?? candidates.FirstOrDefault(e => SyntaxHelpers.BaseTypeNames(e.Declaration).Any(b => SyntaxHelpers.SimpleTypeName(b) == "PageModel"))
            ?? candidates[0];
        var qualified = FullName(chosen.Declaration);
        var declarations = candidates.Where(e => FullName(e.Declaration) == qualified).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal) { chosen.Name };
        var current = declarations.ToList();
        for (var depth = 0; depth < 5; depth++)
        {
            var baseName = current.SelectMany(e => SyntaxHelpers.BaseTypeNames(e.Declaration)).FirstOrDefault();
            if (baseName is null || SyntaxHelpers.SimpleTypeName(baseName) is "PageModel" or "Page" || !seen.Add(SyntaxHelpers.SimpleTypeName(baseName)))
            {
                break;
            }

            current = corpus.FindType(baseName).Where(e => e.Declaration is ClassDeclarationSyntax).ToList();
            declarations.AddRange(current);
        }

        return new RazorPageModel(chosen.Name, declarations);
    }

    /// <summary>Authorization attributes on the class and its base classes ([Authorize] is inherited).</summary>
    public IEnumerable<AuthMetadata> ClassAuthorization(CSharpCorpus corpus) =>
        Declarations.SelectMany(d => SyntaxHelpers.Attributes(d.Declaration)
            .Select(a => RazorPageAuthAttributes.Read(a, corpus, d.Document, "page model class " + d.Name))
            .OfType<AuthMetadata>());

    /// <summary>The handler methods, one per (verb, handler name); the most derived declaration wins.</summary>
    public IReadOnlyList<RazorPageHandler> Handlers(ICollection<Diagnostic> diagnostics)
    {
        var result = new List<RazorPageHandler>();
        foreach (var declaration in Declarations)
        {
            foreach (var method in Members(declaration).OfType<MethodDeclarationSyntax>())
            {
                var parsed = ParseHandlerName(method.Identifier.ValueText);
                if (parsed is null || !IsHandlerCandidate(method))
                {
                    continue;
                }

                var (verb, name) = parsed.Value;
                if (result.Any(h => h.Verb == verb && string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var ignored = SyntaxHelpers.Attributes(method).Where(a => SyntaxHelpers.AttributeName(a) is "Authorize" or "AllowAnonymous").ToList();
                if (ignored.Count > 0)
                {
                    diagnostics.Add(new Diagnostic(
                        declaration.Document.Path,
                        declaration.Document.LineOf(ignored[0]),
                        $"[{SyntaxHelpers.AttributeName(ignored[0])}] on Razor Pages handler {Name}.{method.Identifier.ValueText} is ignored by ASP.NET Core; put it on the page model class or use a page convention",
                        DiagnosticSeverity.Warning));
                }

                result.Add(new RazorPageHandler(verb, name, method, declaration.Document));
            }
        }

        return result;
    }

    /// <summary>
    /// Properties bound for a request with this verb: [BindProperty] (or every settable public
    /// property under [BindProperties]) on non-GET requests, and on GET only with SupportsGet = true.
    /// </summary>
    public IEnumerable<Parameter> BoundProperties(string verb, IReadOnlySet<string> routeParameters)
    {
        var isGet = verb is "GET" or "HEAD";
        foreach (var declaration in Declarations)
        {
            var classBinding = SyntaxHelpers.Attributes(declaration.Declaration).FirstOrDefault(a => SyntaxHelpers.AttributeName(a) == "BindProperties");
            foreach (var property in Members(declaration).OfType<PropertyDeclarationSyntax>())
            {
                var attributes = SyntaxHelpers.Attributes(property).ToList();
                if (attributes.Any(a => SyntaxHelpers.AttributeName(a) == "BindNever"))
                {
                    continue;
                }

                var binding = attributes.FirstOrDefault(a => SyntaxHelpers.AttributeName(a) == "BindProperty");
                var explicitSource = attributes.Select(a => SyntaxHelpers.AttributeName(a) switch
                {
                    "FromQuery" => "query",
                    "FromRoute" => "route",
                    "FromForm" => "form",
                    "FromHeader" => "header",
                    "FromBody" => "body",
                    _ => null,
                }).FirstOrDefault(s => s is not null);
                if (binding is null && explicitSource is null
                    && (classBinding is null || !property.Modifiers.Any(SyntaxKind.PublicKeyword) || !HasSetter(property)))
                {
                    continue;
                }

                var supportsGet = explicitSource is not null || IsTrue(binding is null ? null : SyntaxHelpers.NamedArgument(binding, "SupportsGet"))
                    || (binding is null && IsTrue(classBinding is null ? null : SyntaxHelpers.NamedArgument(classBinding, "SupportsGet")));
                if (isGet && !supportsGet)
                {
                    continue;
                }

                var name = property.Identifier.ValueText;
                var source = explicitSource ?? (routeParameters.Contains(name) ? "route" : isGet ? "query" : "form");
                yield return new Parameter(name, source, property.Type.ToString());
            }
        }
    }

    /// <summary>"OnPostDeleteAsync" gives ("POST", "Delete"); "OnGet" gives ("GET", null); other names give null.</summary>
    public static (string Verb, string? Name)? ParseHandlerName(string methodName)
    {
        if (!methodName.StartsWith("On", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = methodName[2..];
        if (rest.EndsWith("Async", StringComparison.Ordinal))
        {
            rest = rest[..^"Async".Length];
        }

        foreach (var verb in Verbs)
        {
            if (rest.StartsWith(verb, StringComparison.Ordinal) && (rest.Length == verb.Length || char.IsUpper(rest[verb.Length])))
            {
                var name = rest[verb.Length..];
                return (verb.ToUpperInvariant(), name.Length == 0 ? null : name);
            }
        }

        return null;
    }

    private static bool IsHandlerCandidate(MethodDeclarationSyntax method) =>
        method.Modifiers.Any(SyntaxKind.PublicKeyword)
        && !method.Modifiers.Any(SyntaxKind.StaticKeyword)
        && !method.Modifiers.Any(SyntaxKind.AbstractKeyword)
        && method.TypeParameterList is null
        && !SyntaxHelpers.Attributes(method).Any(a => SyntaxHelpers.AttributeName(a) == "NonHandler");

    /// <summary>Namespace-qualified name, so two pages' "IndexModel" classes stay apart.</summary>
    private static string FullName(BaseTypeDeclarationSyntax type)
    {
        var ns = type.FirstAncestorOrSelf<BaseNamespaceDeclarationSyntax>()?.Name.ToString();
        var name = SyntaxHelpers.QualifiedName(type);
        return ns is null ? name : ns + "." + name;
    }

    private static IEnumerable<MemberDeclarationSyntax> Members(TypeEntry entry) =>
        entry.Declaration is TypeDeclarationSyntax type ? type.Members : [];

    private static bool HasSetter(PropertyDeclarationSyntax property) =>
        property.AccessorList?.Accessors.Any(a => a.IsKind(SyntaxKind.SetAccessorDeclaration) && !a.Modifiers.Any()) == true;

    private static bool IsTrue(ExpressionSyntax? expression) => expression is LiteralExpressionSyntax l && l.IsKind(SyntaxKind.TrueLiteralExpression);
}

/// <summary>One handler method of a page model: its HTTP verb and optional handler name ("Delete" for OnPostDelete).</summary>
public sealed record RazorPageHandler(string Verb, string? Name, MethodDeclarationSyntax Method, CSharpDocument Document)
{
    public ImmutableArray<Parameter> Parameters(IReadOnlySet<string> routeParameters)
    {
        // Page handlers bind complex types from form fields, route and query, never the body unless [FromBody] says so.
        var read = ParameterBinding.Read(Method.ParameterList, routeParameters, isController: false);
        return [.. read.Select((p, i) => (p.Source == "body" && !HasFromBody(Method.ParameterList.Parameters[i])) || (p.Source == "services" && IsCollection(p.Type))
            ? p with { Source = Verb is "GET" or "HEAD" ? "query" : "form" }
            : p)];
    }

    /// <summary>Collection interfaces look like services by name but are bound from the request.</summary>
    private static bool IsCollection(string type) =>
        SyntaxHelpers.SimpleTypeName(type) is "IEnumerable" or "ICollection" or "IList" or "IReadOnlyList" or "IReadOnlyCollection"
            or "ISet" or "IDictionary" or "IReadOnlyDictionary";

    private static bool HasFromBody(ParameterSyntax parameter) =>
        parameter.AttributeLists.SelectMany(l => l.Attributes).Any(a => SyntaxHelpers.AttributeName(a) == "FromBody");
}
