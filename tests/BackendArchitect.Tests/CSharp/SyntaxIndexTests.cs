using BackendArchitect.CSharp;
using BackendArchitect.Tests.Support;
using BackendArchitect.Workspace;
using Microsoft.CodeAnalysis;

namespace BackendArchitect.Tests.CSharp;

public sealed class SyntaxIndexTests
{
    private static SyntaxIndex Index(params (string Path, string Text)[] files)
    {
        using var dir = new TempDirectory();
        foreach (var (path, text) in files)
        {
            dir.Write(path, text);
        }

        return SyntaxIndex.Build(CSharpCorpus.Load(WorkspaceLoader.Load(dir.Path), new List<BackendArchitect.Model.Diagnostic>()));
    }

    private static string Where<T>(Located<T> located)
        where T : SyntaxNode =>
        $"{located.Document.Path}:{located.Document.LineOf(located.Node)} {located.Node}";

    [Fact]
    public void Calls_of_several_names_come_in_file_then_source_order()
    {
        var index = Index(
            ("B.cs", "class B { void M() { Log(\"b\");\n Save(); } }"),
            ("A.cs", "class A { void M() { Save();\n x?.Log(\"a\");\n Other(); } }"));
        Assert.Equal(
            ["A.cs:1 Save()", "A.cs:2 .Log(\"a\")", "B.cs:1 Log(\"b\")", "B.cs:2 Save()"],
            index.InvocationsOf("Log", "Save").Select(Where));
        Assert.Empty(index.InvocationsOf("Missing"));
        Assert.Equal(5, index.Invocations.Length);
    }

    [Fact]
    public void Creations_assignments_and_string_literals_are_indexed_and_interpolations_are_not_literals()
    {
        var index = Index(("A.cs", "class A { void M() { var o = new Options { Name = \"n\" };\n Options p = new();\n p.Count += 1;\n var s = $\"x{o}\"; } }"));
        Assert.Equal(["A.cs:1 new Options { Name = \"n\" }", "A.cs:2 new()"], index.Creations.Select(Where));
        Assert.Equal(["A.cs:1 Name = \"n\"", "A.cs:3 p.Count += 1"], index.Assignments.Select(Where));
        Assert.Equal(["A.cs:1 \"n\""], index.StringLiterals.Select(Where));
    }
}
