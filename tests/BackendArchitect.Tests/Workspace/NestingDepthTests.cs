using BackendArchitect.Workspace;

namespace BackendArchitect.Tests.Workspace;

public sealed class NestingDepthTests
{
    private static string Parens(int depth) => new string('(', depth) + "1" + new string(')', depth);

    [Fact]
    public void CSharp_nesting_past_the_limit_is_found_at_its_line()
    {
        var text = "class C\n{\n    int M() => " + Parens(30_000) + ";\n}\n";

        Assert.Equal(3, NestingDepth.CSharp(text));
    }

    [Fact]
    public void CSharp_at_the_limit_is_accepted()
    {
        // The class body takes one level; the parameter list opens and closes before the expression.
        var text = "class C { int M() => " + Parens(NestingDepth.Limit - 1) + "; }";

        Assert.Null(NestingDepth.CSharp(text));
        Assert.Equal(1, NestingDepth.CSharp("class C { int M() => " + Parens(NestingDepth.Limit) + "; }"));
    }

    [Theory]
    [InlineData("var s = \"{0}\";")]
    [InlineData("var s = @\"a\"\"(\";")]
    [InlineData("var s = $@\"a\"\"(\";")]
    [InlineData("var s = \"\"\"\n  \" ( \"\n  \"\"\";")]
    [InlineData("// (\n")]
    [InlineData("/* ( */")]
    [InlineData("var c = '(';")]
    [InlineData("var c = '\\'';")]
    [InlineData("var s = \"\\\"(\";")]
    public void Brackets_in_strings_comments_and_characters_are_not_nesting(string fragment)
    {
        var text = string.Concat(Enumerable.Repeat(fragment + "\n", NestingDepth.Limit + 10));

        Assert.Null(NestingDepth.CSharp(text));
    }

    [Fact]
    public void Lines_are_counted_through_comments_and_verbatim_strings()
    {
        var text = "/* one\ntwo */\nvar s = @\"three\nfour\";\n// five\n" + Parens(NestingDepth.Limit + 1);

        Assert.Equal(6, NestingDepth.CSharp(text));
    }

    [Fact]
    public void Yaml_flow_sequences_past_the_limit_are_found()
    {
        var text = "services:\n  a:\n    image: " + new string('[', 30_000) + new string(']', 30_000) + "\n";

        Assert.Equal(3, NestingDepth.Yaml(text));
    }

    [Fact]
    public void Yaml_block_nesting_counts_indentation_and_dashes()
    {
        var deepBlocks = string.Concat(Enumerable.Range(0, NestingDepth.Limit + 1).Select(i => new string(' ', i) + "k:\n"));
        var dashes = "- " + string.Concat(Enumerable.Repeat("- ", NestingDepth.Limit + 1)) + "x\n";

        Assert.Equal(NestingDepth.Limit + 1, NestingDepth.Yaml(deepBlocks));
        Assert.Equal(1, NestingDepth.Yaml(dashes));
    }

    [Fact]
    public void Ordinary_yaml_with_quoted_brackets_and_comments_is_accepted()
    {
        var text = "services:\n  api:\n    command: [\"sh\", \"-c\", \"echo '[[[['\"]  # [[[[\n    environment:\n      - A=1\n      - B=[x]\n";
        var many = string.Concat(Enumerable.Repeat(text, 200));

        Assert.Null(NestingDepth.Yaml(many));
    }

    [Fact]
    public void Xml_elements_past_the_limit_are_found_and_broken_xml_is_left_to_the_parser()
    {
        var deep = "<Project>\n" + string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000)) + "</Project>";

        Assert.Equal(2, NestingDepth.Xml(deep));
        Assert.Null(NestingDepth.Xml("<Project><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>"));
        Assert.Null(NestingDepth.Xml("<Project><unclosed></Project>"));
    }
}
