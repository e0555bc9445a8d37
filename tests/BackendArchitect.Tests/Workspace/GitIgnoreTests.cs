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
    [InlineData("*.log", "old.log/readme.txt", false, true)]
    [InlineData("log", "src/catalog", true, null)]
    [InlineData("log", "src/log/x.cs", false, true)]
    [InlineData("[Dd]ebug/", "src/Debug", true, true)]
    [InlineData("[Dd]ebug/", "src/debug", true, true)]
    [InlineData("[Dd]ebug/", "src/xebug", true, null)]
    [InlineData("**/bin", "bin", true, true)]
    [InlineData("**/bin", "src/obin", true, null)]
    [InlineData("a/**/b", "a/b", false, true)]
    [InlineData("a/**/b", "a/x/y/b", false, true)]
    [InlineData("a**b", "a/x/b", false, true)]
    [InlineData("foo\\*bar", "foo*bar", false, true)]
    [InlineData("foo\\*bar", "fooXbar", false, null)]
    [InlineData("[ab", "[ab", false, true)]
    [InlineData("\\#notes.txt", "#notes.txt", false, true)]
    [InlineData("\\!important.txt", "!important.txt", false, true)]
    [InlineData("*.[Pp]ublish.xml", "Web.Publish.xml", false, true)]
    [InlineData("*.[Pp]ublish.xml", "Web.publish.xml", false, true)]
    [InlineData("*.[Pp]ublish.xml", "Web.Publish.json", false, null)]
    [InlineData("Thumbs.db", "a/Thumbs.db", false, true)]
    [InlineData("Thumbs.db", "a/thumbs.db", false, null)]
    [InlineData("*", "anything/at/all", false, true)]
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

    [Fact]
    public void The_last_of_several_matching_patterns_decides_for_files_and_directories()
    {
        var ignore = new GitIgnore("", ["*.cs", "!Keep*.cs", "KeepOut.cs", "[Ll]ogs/", "!**/logs/", "/docs/"]);

        Assert.True(ignore.Match("KeepOut.cs", false));
        Assert.False(ignore.Match("src/KeepIn.cs", false));
        Assert.True(ignore.Match("src/a.cs", false));
        Assert.Null(ignore.Match("src/a.json", false));
        Assert.False(ignore.Match("src/logs", true));
        Assert.True(ignore.Match("src/Logs", true));
        Assert.Null(ignore.Match("src/Logs", false));
        Assert.True(ignore.Match("docs", true));
        Assert.Null(ignore.Match("src/docs", true));
    }
}
