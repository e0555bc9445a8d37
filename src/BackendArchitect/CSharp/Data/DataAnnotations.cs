using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Data;

/// <summary>The System.ComponentModel.DataAnnotations and EF attributes that shape the model.</summary>
internal static class DataAnnotations
{
    public static AttributeSyntax? Find(SyntaxList<AttributeListSyntax> lists, string name) =>
        lists.SelectMany(l => l.Attributes).FirstOrDefault(a => SyntaxHelpers.AttributeName(a) == name);

    public static bool Has(SyntaxList<AttributeListSyntax> lists, string name) => Find(lists, name) is not null;

    /// <summary>[MaxLength(n)] or [StringLength(n)].</summary>
    public static int? MaxLength(CSharpCorpus corpus, SyntaxList<AttributeListSyntax> lists)
    {
        var attribute = Find(lists, "MaxLength") ?? Find(lists, "StringLength");
        return attribute is not null && SyntaxHelpers.PositionalArguments(attribute) is [var n, ..] ? FluentConfiguration.IntValue(corpus, n) : null;
    }

    /// <summary>The first positional string argument, e.g. [Column("x")], [Table("x")], [ForeignKey("x")].</summary>
    public static string? FirstString(CSharpCorpus corpus, SyntaxList<AttributeListSyntax> lists, string name) =>
        Find(lists, name) is { } attribute && SyntaxHelpers.PositionalArguments(attribute) is [var first, ..]
            ? corpus.Constants.Evaluate(first)
            : null;

    /// <summary>The names listed by [PrimaryKey(nameof(A), nameof(B))].</summary>
    public static IReadOnlyList<string>? PrimaryKey(CSharpCorpus corpus, SyntaxList<AttributeListSyntax> lists) =>
        Find(lists, "PrimaryKey") is { } attribute ? Strings(corpus, SyntaxHelpers.PositionalArguments(attribute)) : null;

    /// <summary>[Index(nameof(A), nameof(B), IsUnique = true, Name = "...")] on a class.</summary>
    public static IEnumerable<EntityIndex> Indexes(CSharpCorpus corpus, SyntaxList<AttributeListSyntax> lists)
    {
        foreach (var attribute in lists.SelectMany(l => l.Attributes).Where(a => SyntaxHelpers.AttributeName(a) == "Index"))
        {
            var properties = Strings(corpus, SyntaxHelpers.PositionalArguments(attribute));
            if (properties.Count == 0)
            {
                continue;
            }

            var unique = SyntaxHelpers.NamedArgument(attribute, "IsUnique")?.ToString() == "true";
            var name = SyntaxHelpers.NamedArgument(attribute, "Name") is { } n ? corpus.Constants.Evaluate(n) : null;
            yield return new EntityIndex([.. properties], unique, name);
        }
    }

    private static List<string> Strings(CSharpCorpus corpus, IEnumerable<ExpressionSyntax> expressions) =>
        [.. expressions.Select(corpus.Constants.Evaluate).OfType<string>().Where(s => s.Length > 0)];
}
