using System.Collections.Immutable;
using BackendArchitect.Workspace;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// What a .razor component's directives say about routing: its <c>@page</c> routes (each with its line) and its
/// <c>@attribute [...]</c> lists, parsed as C# in a document whose lines match the .razor file so that
/// authorization sources point at the directive.
/// </summary>
public sealed record BlazorComponentFile(ImmutableArray<(string Route, int Line)> Routes, CSharpDocument? Attributes)
{
    /// <summary>Reads the directives of one .razor file; markup and <c>@code</c> blocks are not read.</summary>
    public static BlazorComponentFile Read(SourceFile file)
    {
        var lines = file.Text.Split('\n');
        var routes = ImmutableArray.CreateBuilder<(string, int)>();
        var attributeLines = new string[lines.Length];
        var anyAttribute = false;
        var inComment = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = RazorPageFile.StripRazorComments(lines[i], ref inComment).Trim().TrimStart('\uFEFF');

            // Directives come before the component's code; what follows @code is C#, not directives.
            if (line.StartsWith("@code", StringComparison.Ordinal) || line.StartsWith("@functions", StringComparison.Ordinal))
            {
                break;
            }

            if (Directive(line, "page") is { } page && Quoted(page) is { } route)
            {
                routes.Add((route, i + 1));
            }
            else if (Directive(line, "attribute") is { } attribute && attribute.StartsWith('['))
            {
                attributeLines[i] = attribute;
                anyAttribute = true;
            }
        }

        return new BlazorComponentFile(routes.ToImmutable(), anyAttribute ? AttributeDocument(file, attributeLines) : null);
    }

    /// <summary>The attributes of the component (its class in the generated code), in source order.</summary>
    public IEnumerable<AttributeSyntax> AttributeList() =>
        Attributes?.Root.DescendantNodes().OfType<ClassDeclarationSyntax>().FirstOrDefault()?.AttributeLists.SelectMany(l => l.Attributes) ?? [];

    private static CSharpDocument AttributeDocument(SourceFile file, string[] attributeLines)
    {
        // One attribute list per original line, then the class they decorate: line numbers stay those of the .razor.
        var text = string.Join('\n', attributeLines.Select(l => l ?? "")) + "\nclass BlazorComponent { }\n";
        var tree = CSharpSyntaxTree.ParseText(text, path: file.Path);
        return new CSharpDocument(file, tree, null);
    }

    private static string? Directive(string line, string name)
    {
        var prefix = "@" + name;
        return line.StartsWith(prefix, StringComparison.Ordinal) && line.Length > prefix.Length && (char.IsWhiteSpace(line[prefix.Length]) || line[prefix.Length] == '"')
            ? line[prefix.Length..].Trim()
            : null;
    }

    private static string? Quoted(string rest)
    {
        var start = rest.IndexOf('"');
        var end = start < 0 ? -1 : rest.IndexOf('"', start + 1);
        return end < 0 ? null : rest[(start + 1)..end];
    }
}
