using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>An attribute and the declaration (with its document) it is written on.</summary>
public sealed record PlacedAttribute(AttributeSyntax Attribute, TypeEntry Owner, string Where)
{
    public string Name => SyntaxHelpers.AttributeName(Attribute);

    public CSharpDocument Document => Owner.Document;
}

/// <summary>A concrete controller: its class, base chain and the class-level attributes it sees (its own first, then inherited).</summary>
public sealed record ControllerClass(TypeEntry Type, TypeHierarchy Hierarchy, string ControllerName, IReadOnlyList<PlacedAttribute> Attributes)
{
    public string ClassName => Type.Name;
}

/// <summary>An action method of a controller, possibly declared on a base class, with its own and overridden attributes.</summary>
public sealed record ControllerAction(MethodDeclarationSyntax Method, TypeEntry Owner, string ActionName, IReadOnlyList<PlacedAttribute> Attributes)
{
    public CSharpDocument Document => Owner.Document;
}

/// <summary>
/// Finds controllers the way MVC's controller feature provider does (public, concrete, non-generic
/// classes named *Controller or marked/derived as controllers, not [NonController]) and their
/// actions (public instance methods of the class and its source base classes, not [NonAction]).
/// </summary>
public static class ControllerTypes
{
    /// <summary>
    /// Framework and package bases that make a class a controller. Ardalis.ApiEndpoints' bases are
    /// ControllerBase subclasses reached through fluent nested types (EndpointBaseAsync.WithRequest&lt;T&gt;.WithActionResult&lt;R&gt;),
    /// so they are matched on the nesting type as well as on the base name.
    /// </summary>
    private static readonly HashSet<string> ControllerBases = new(StringComparer.Ordinal)
    {
        "Controller", "ControllerBase",
        "EndpointBase", "EndpointBaseAsync", "EndpointBaseSync", "BaseAsyncEndpoint",
    };

    public static IEnumerable<ControllerClass> Find(CSharpCorpus corpus)
    {
        foreach (var document in corpus.Documents.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            foreach (var declaration in document.Root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<ClassDeclarationSyntax>())
            {
                var entry = new TypeEntry(declaration, document);
                var parts = TypeHierarchy.Parts(corpus, entry).ToList();
                if (parts.Count == 0 || parts[0].Declaration != declaration)
                {
                    continue;
                }

                var controller = AsController(corpus, entry, parts);
                if (controller is not null)
                {
                    yield return controller;
                }
            }
        }
    }

    private static ControllerClass? AsController(CSharpCorpus corpus, TypeEntry entry, List<TypeEntry> parts)
    {
        var modifiers = parts.SelectMany(p => p.Declaration.Modifiers).ToList();
        if (!modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword))
            || modifiers.Any(m => m.IsKind(SyntaxKind.AbstractKeyword) || m.IsKind(SyntaxKind.StaticKeyword))
            || ((ClassDeclarationSyntax)entry.Declaration).TypeParameterList is not null)
        {
            return null;
        }

        var hierarchy = TypeHierarchy.Of(corpus, entry);
        var attributes = ClassAttributes(corpus, hierarchy);
        if (attributes.Any(a => a.Name == "NonController"))
        {
            return null;
        }

        // A name alone is weak evidence (UIKit view controllers, game controllers): MVC only scans
        // assemblies that use it, so a name-only class must at least sit in a file that uses ASP.NET Core.
        var isController = hierarchy.BaseNames.Overlaps(ControllerBases)
            || hierarchy.QualifierNames.Overlaps(ControllerBases)
            || attributes.Any(a => a.Name is "Controller" or "ApiController")
            || (entry.Name.EndsWith("Controller", StringComparison.OrdinalIgnoreCase) && entry.Document.File.Text.Contains("Microsoft.AspNetCore", StringComparison.Ordinal));
        if (!isController)
        {
            return null;
        }

        var name = entry.Name.EndsWith("Controller", StringComparison.OrdinalIgnoreCase) && entry.Name.Length > "Controller".Length
            ? entry.Name[..^"Controller".Length]
            : entry.Name;
        return new ControllerClass(entry, hierarchy, name, attributes);
    }

    private static List<PlacedAttribute> ClassAttributes(CSharpCorpus corpus, TypeHierarchy hierarchy)
    {
        var result = new List<PlacedAttribute>();
        foreach (var type in hierarchy.Classes)
        {
            foreach (var part in TypeHierarchy.Parts(corpus, type))
            {
                result.AddRange(SyntaxHelpers.Attributes(part.Declaration.AttributeLists).Select(a => new PlacedAttribute(a, part, "on class " + type.Name)));
            }
        }

        return result;
    }

    /// <summary>The actions of a controller: most-derived declaration of each method wins; overrides keep their base method's attributes.</summary>
    public static IEnumerable<ControllerAction> Actions(CSharpCorpus corpus, ControllerClass controller)
    {
        var methods = new List<(MethodDeclarationSyntax Method, TypeEntry Owner, string Key)>();
        foreach (var type in controller.Hierarchy.Classes)
        {
            foreach (var part in TypeHierarchy.Parts(corpus, type))
            {
                foreach (var method in ((TypeDeclarationSyntax)part.Declaration).Members.OfType<MethodDeclarationSyntax>())
                {
                    methods.Add((method, part, Key(method)));
                }
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var overridden = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < methods.Count; i++)
        {
            var (method, owner, key) = methods[i];
            var shape = Shape(method);
            var isOverridable = method.Modifiers.Any(m => m.IsKind(SyntaxKind.VirtualKeyword) || m.IsKind(SyntaxKind.AbstractKeyword) || m.IsKind(SyntaxKind.OverrideKeyword));
            var hidden = !seen.Add(key) || (isOverridable && overridden.Contains(shape));
            if (method.Modifiers.Any(SyntaxKind.OverrideKeyword))
            {
                overridden.Add(shape);
            }

            if (hidden || !IsActionCandidate(method))
            {
                continue;
            }

            var attributes = SyntaxHelpers.Attributes(method).Select(a => new PlacedAttribute(a, owner, $"on action {controller.ClassName}.{method.Identifier.ValueText}")).ToList();
            if (method.Modifiers.Any(SyntaxKind.OverrideKeyword))
            {
                // MVC reads method attributes with inherit: true, so the overridden method's attributes still
                // apply; route attributes declared on the override replace the inherited ones.
                var ownRoutes = attributes.Any(a => ControllerRoutes.IsRouteAttribute(a.Name));
                foreach (var (baseMethod, baseOwner, _) in methods.Skip(i + 1))
                {
                    if (Shape(baseMethod) == shape)
                    {
                        attributes.AddRange(SyntaxHelpers.Attributes(baseMethod)
                            .Select(a => new PlacedAttribute(a, baseOwner, $"on action {baseOwner.Name}.{baseMethod.Identifier.ValueText}"))
                            .Where(a => !(ownRoutes && ControllerRoutes.IsRouteAttribute(a.Name))));
                        if (!baseMethod.Modifiers.Any(SyntaxKind.OverrideKeyword))
                        {
                            break;
                        }
                    }
                }
            }

            if (attributes.Any(a => a.Name == "NonAction"))
            {
                continue;
            }

            yield return new ControllerAction(method, owner, ActionName(method, attributes), attributes);
        }
    }

    private static bool IsActionCandidate(MethodDeclarationSyntax method) =>
        method.Modifiers.Any(SyntaxKind.PublicKeyword)
        && !method.Modifiers.Any(SyntaxKind.StaticKeyword)
        && !method.Modifiers.Any(SyntaxKind.AbstractKeyword)
        && method.TypeParameterList is null
        && method.ExplicitInterfaceSpecifier is null
        && !(method.Identifier.ValueText == "Dispose" && method.ParameterList.Parameters.Count == 0);

    /// <summary>[ActionName("x")] or the method name; MVC drops an "Async" suffix by default.</summary>
    private static string ActionName(MethodDeclarationSyntax method, List<PlacedAttribute> attributes)
    {
        var explicitName = attributes.FirstOrDefault(a => a.Name == "ActionName");
        if (explicitName is not null && SyntaxHelpers.PositionalArguments(explicitName.Attribute).FirstOrDefault() is { } arg && SyntaxHelpers.LiteralString(arg) is { } literal)
        {
            return literal;
        }

        var name = method.Identifier.ValueText;
        return name.EndsWith("Async", StringComparison.Ordinal) && name.Length > "Async".Length ? name[..^"Async".Length] : name;
    }

    /// <summary>Name and arity: how an override is matched to its base method when the base uses generic parameters.</summary>
    private static string Shape(MethodDeclarationSyntax method) => method.Identifier.ValueText + "/" + method.ParameterList.Parameters.Count;

    private static string Key(MethodDeclarationSyntax method) =>
        method.Identifier.ValueText + "(" + string.Join(",", method.ParameterList.Parameters.Select(p => p.Type?.ToString() ?? "")) + ")";
}
