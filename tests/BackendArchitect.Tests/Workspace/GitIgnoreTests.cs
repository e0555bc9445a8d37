using BackendArchitect.Workspace;

namespace BackendArchitect.Tests.Workspace;

public sealed class GitIgnoreTests
{
    [Theory]
    [InlineData("*.log", "app.log", false, true)]
    [InlineData("*.log", "logs/app.log", false, true)]
    [InlineData("/build", "build", true, true)]
    [InlineData("/build", "src/build", true, null)]
    [InlineData("build/", "build", false, null)]
    [InlineData("build/", "src/build", true, true)]
    [InlineData("docs/**/*.md", "docs/a/b/c.md", false, true)]
    [InlineData("docs/**/*.md", "src/docs/a.md", false, null)]
    [InlineData("**/generated", "a/b/generated", true, true)]
    [InlineData("secret?.json", "secret1.json", false, true)]
    [InlineData("[ab].cs", "b.cs", false, true)]
    [InlineData("[!ab].cs", "b.cs", false, null)]
    public void Pattern_matches_as_git_does(string pattern, string path, bool isDirectory, bool? expected)
    {
        var ignore = new GitIgnore("", [pattern]);
        Assert.Equal(expected, ignore.Match(path, isDirectory));
    }

    [Fact]
    public void Negation_re_includes_a_file_and_the_last_matching_pattern_wins()
    {
        var ignore = new GitIgnore("", ["*.json", "!appsettings.json", "# a comment", ""]);
        Assert.True(ignore.Match("data.json", false));
        Assert.False(ignore.Match("appsettings.json", false));
    }
}
