using BackendArchitect.CSharp;
using BackendArchitect.Tests.Support;
using BackendArchitect.Workspace;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Tests.CSharp;

public sealed class ConstantResolverTests
{
    private static string? EvaluateAttributeArgument(string source, string extraFile = "")
    {
        using var dir = new TempDirectory();
        dir.Write("A.cs", source);
        if (extraFile.Length > 0)
        {
            dir.Write("Routes.cs", extraFile);
        }

        var corpus = CSharpCorpus.Load(WorkspaceLoader.Load(dir.Path), new List<BackendArchitect.Model.Diagnostic>());
        var doc = corpus.Documents.Single(d => d.Path == "A.cs");
        var attribute = doc.Root.DescendantNodes().OfType<AttributeSyntax>().First(a => a.Name.ToString() == "Route");
        return corpus.Constants.Evaluate(attribute.ArgumentList!.Arguments[0].Expression);
    }

    [Fact]
    public void Interpolation_unescapes_doubled_braces()
    {
        var value = EvaluateAttributeArgument("class C { const string Base = \"api\"; [Route($\"{Base}/orders/{{id}}\")] void M() {} }");
        Assert.Equal("api/orders/{id}", value);
    }

    [Fact]
    public void Constants_resolve_across_files_through_nested_types_and_concatenation()
    {
        var value = EvaluateAttributeArgument(
            "class C { [Route(ApiRoutes.Orders.Root + \"/\" + nameof(C))] void M() {} }",
            "static class ApiRoutes { public const string Prefix = \"api/v1\"; public static class Orders { public const string Root = Prefix + \"/orders\"; } }");
        Assert.Equal("api/v1/orders/C", value);
    }

    [Fact]
    public void A_value_only_known_at_run_time_is_not_constant()
    {
        var value = EvaluateAttributeArgument("class C { static string Base => System.Environment.GetEnvironmentVariable(\"X\"); [Route(Base)] void M() {} }");
        Assert.Null(value);
    }
}
