using BackendArchitect.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Linking;

/// <summary>
/// What the linker needs of a repository type, over all its partial declarations and its base classes
/// in the repository: methods by name, the declared types of fields, properties and primary-constructor
/// parameters, and the names it implements.
/// </summary>
internal sealed class TypeShape
{
    private const int MaxBaseDepth = 8;

    private TypeShape(string name, bool isInterface)
    {
        Name = name;
        IsInterface = isInterface;
    }

    public string Name { get; }

    public bool IsInterface { get; }

    public Dictionary<string, List<CodeUnit>> Methods { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TypeSyntax> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Simple names of the base class and interfaces, of this type and its repository bases.</summary>
    public HashSet<string> BaseNames { get; } = new(StringComparer.Ordinal);

    public static TypeShape? Build(CSharpCorpus corpus, string name)
    {
        var entries = corpus.FindType(name);
        if (entries.IsEmpty)
        {
            return null;
        }

        var shape = new TypeShape(name, entries.Any(e => e.Declaration is InterfaceDeclarationSyntax));
        var seen = new HashSet<string>(StringComparer.Ordinal) { name };
        var pending = new Queue<(TypeEntry Entry, int Depth)>(entries.Select(e => (e, 0)));
        while (pending.TryDequeue(out var item))
        {
            shape.Add(item.Entry);
            foreach (var baseName in SyntaxHelpers.BaseTypeNames(item.Entry.Declaration).Select(SyntaxHelpers.SimpleTypeName))
            {
                shape.BaseNames.Add(baseName);
                if (item.Depth < MaxBaseDepth && seen.Add(baseName))
                {
                    foreach (var baseEntry in corpus.FindType(baseName).Where(b => b.Declaration is ClassDeclarationSyntax or RecordDeclarationSyntax or InterfaceDeclarationSyntax))
                    {
                        pending.Enqueue((baseEntry, item.Depth + 1));
                    }
                }
            }
        }

        return shape;
    }

    /// <summary>The overloads of a method whose parameter count admits <paramref name="arguments"/>, or all of them when none does.</summary>
    public IReadOnlyList<CodeUnit> FindMethods(string method, int arguments)
    {
        if (!Methods.TryGetValue(method, out var all))
        {
            return [];
        }

        var fitting = all.Where(u => Admits(((MethodDeclarationSyntax)u.Node).ParameterList, arguments)).ToList();
        return fitting.Count > 0 ? fitting : all;
    }

    private static bool Admits(ParameterListSyntax parameters, int arguments)
    {
        var list = parameters.Parameters;
        if (list.Any(p => p.Modifiers.Any(m => m.ValueText == "params")))
        {
            return arguments >= list.Count - 1;
        }

        var required = list.Count(p => p.Default is null && !p.Modifiers.Any(m => m.ValueText == "this"));
        var total = list.Count(p => !p.Modifiers.Any(m => m.ValueText == "this"));
        return arguments >= required && arguments <= total;
    }

    private void Add(TypeEntry entry)
    {
        if (entry.Declaration is not TypeDeclarationSyntax type)
        {
            return;
        }

        foreach (var parameter in type.ParameterList?.Parameters ?? [])
        {
            if (parameter.Type is not null)
            {
                Members.TryAdd(parameter.Identifier.ValueText, parameter.Type);
            }
        }

        foreach (var member in type.Members)
        {
            switch (member)
            {
                case MethodDeclarationSyntax method when method.Body is not null || method.ExpressionBody is not null || IsInterface:
                    var name = method.Identifier.ValueText;
                    if (!Methods.TryGetValue(name, out var list))
                    {
                        Methods[name] = list = [];
                    }

                    list.Add(CodeUnit.Of(method, entry.Document));
                    break;
                case FieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        Members.TryAdd(variable.Identifier.ValueText, field.Declaration.Type);
                    }

                    break;
                case PropertyDeclarationSyntax property:
                    Members.TryAdd(property.Identifier.ValueText, property.Type);
                    break;
            }
        }
    }
}
