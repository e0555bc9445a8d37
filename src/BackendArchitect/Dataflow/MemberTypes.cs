using System.Collections.Concurrent;
using BackendArchitect.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Dataflow;

/// <summary>
/// The declared type of a property, field or record parameter of a repository type, by type and member name,
/// so a request DTO's int and Guid members are known not to carry text. Unknown when the type is not in the corpus.
/// </summary>
internal sealed class MemberTypes(CSharpCorpus corpus)
{
    private readonly ConcurrentDictionary<(string Type, string Member), string?> cache = new();

    public string? TypeOf(string type, string member) =>
        cache.GetOrAdd((SyntaxHelpers.SimpleTypeName(type.TrimEnd('?')), member), key => Find(key.Type, key.Member));

    private string? Find(string type, string member)
    {
        foreach (var entry in corpus.FindType(type))
        {
            if (entry.Declaration is not TypeDeclarationSyntax declaration)
            {
                continue;
            }

            if (declaration.ParameterList?.Parameters.FirstOrDefault(p => p.Identifier.ValueText == member) is { Type: { } recordType })
            {
                return recordType.ToString();
            }

            foreach (var m in declaration.Members)
            {
                switch (m)
                {
                    case PropertyDeclarationSyntax property when property.Identifier.ValueText == member:
                        return property.Type.ToString();
                    case FieldDeclarationSyntax field when field.Declaration.Variables.Any(v => v.Identifier.ValueText == member):
                        return field.Declaration.Type.ToString();
                }
            }
        }

        return null;
    }
}
