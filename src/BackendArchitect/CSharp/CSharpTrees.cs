using System.Runtime.CompilerServices;
using BackendArchitect.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BackendArchitect.CSharp;

/// <summary>
/// The one syntax tree of a C# file, parsed on first use and shared by every reader of the file (the
/// corpus, the EF migration reader, the column evidence of the lint): a review reads the model, the
/// migrations and the schema of one snapshot, and parsing a file again for each was a large part of
/// its time. The tree lives as long as the file's text does.
/// </summary>
public static class CSharpTrees
{
    /// <summary>Doc comments are left unparsed (read as comments): nothing reads their structure, and parsing them is costly.</summary>
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview, DocumentationMode.None);

    private static readonly ConditionalWeakTable<SourceFile, Lazy<SyntaxTree>> Trees = [];

    /// <summary>
    /// The file's tree; a file with #if directives is parsed with every symbol they test defined, so code
    /// under <c>#if DEBUG</c> is read (see <see cref="ConditionalDirectives"/>).
    /// </summary>
    public static SyntaxTree Of(SourceFile file) =>
        Trees.GetValue(file, f => new Lazy<SyntaxTree>(() => Parse(f))).Value;

    private static SyntaxTree Parse(SourceFile file)
    {
        var tree = CSharpSyntaxTree.ParseText(file.Text, ParseOptions, file.Path);
        if (tree.GetRoot().ContainsDirectives)
        {
            var symbols = ConditionalDirectives.ReferencedSymbols(tree);
            if (symbols.Count > 0)
            {
                tree = CSharpSyntaxTree.ParseText(file.Text, ConditionalDirectives.WithSymbols(ParseOptions, symbols), file.Path);
            }
        }

        return tree;
    }
}
