using BackendArchitect.Tests.Support;
using BackendArchitect.Workspace;

namespace BackendArchitect.Tests.Workspace;

public sealed class WorkspaceLoaderTests
{
    [Fact]
    public void Honours_gitignore_in_the_root_and_in_subfolders()
    {
        using var dir = new TempDirectory();
        dir.Write(".gitignore", "*.generated.cs\nlocal/\n");
        dir.Write("src/.gitignore", "Scratch.cs\n");
        dir.Write("src/Orders.cs", "class Orders {}");
        dir.Write("src/Scratch.cs", "class Scratch {}");
        dir.Write("src/Api.generated.cs", "class Gen {}");
        dir.Write("local/Tool.cs", "class Tool {}");
        dir.Write("Scratch.cs", "class RootScratch {}");

        var paths = WorkspaceLoader.Load(dir.Path).Files.Select(f => f.Path).ToArray();

        Assert.Equal(["Scratch.cs", "src/Orders.cs"], paths);
    }

    [Fact]
    public void Skips_build_output_and_dependency_folders()
    {
        using var dir = new TempDirectory();
        dir.Write("src/App/Program.cs", "class P {}");
        dir.Write("src/App/bin/Debug/App.cs", "class B {}");
        dir.Write("src/App/obj/App.AssemblyInfo.cs", "class O {}");
        dir.Write("web/node_modules/lib/x.json", "{}");
        dir.Write(".git/config.json", "{}");

        var paths = WorkspaceLoader.Load(dir.Path).Files.Select(f => f.Path).ToArray();

        Assert.Equal(["src/App/Program.cs"], paths);
    }

    [Fact]
    public void Skips_binary_and_oversized_files_with_a_diagnostic()
    {
        using var dir = new TempDirectory();
        dir.WriteBytes("Blob.cs", [0x4D, 0x5A, 0x00, 0x01, 0x02]);
        dir.Write("Huge.cs", new string('x', 2048));
        dir.Write("Small.cs", "class Small {}");

        var workspace = WorkspaceLoader.Load(dir.Path, new WorkspaceOptions { MaxFileBytes = 1024 });

        Assert.Equal(["Small.cs"], workspace.Files.Select(f => f.Path));
        Assert.Contains(workspace.Diagnostics, d => d.File == "Blob.cs" && d.Message.Contains("binary"));
        Assert.Contains(workspace.Diagnostics, d => d.File == "Huge.cs" && d.Message.Contains("limit"));
        Assert.Equal(2, workspace.SkippedFiles);
    }

    [Fact]
    public void Never_follows_a_link_out_of_the_root()
    {
        using var outside = new TempDirectory();
        outside.Write("Secret.cs", "class Secret {}");
        using var dir = new TempDirectory();
        dir.Write("Inside.cs", "class Inside {}");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "Linked.cs"), Path.Combine(outside.Path, "Secret.cs"));
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "linked-dir"), outside.Path);

        var workspace = WorkspaceLoader.Load(dir.Path);

        Assert.Equal(["Inside.cs"], workspace.Files.Select(f => f.Path));
        Assert.Contains(workspace.Diagnostics, d => d.File == "Linked.cs");
    }

    [Fact]
    public void Reads_text_with_a_byte_order_mark_and_marks_ef_designer_files_as_generated()
    {
        using var dir = new TempDirectory();
        dir.WriteBytes("Bom.cs", [0xEF, 0xBB, 0xBF, (byte)'c', (byte)'l', (byte)'a', (byte)'s', (byte)'s']);
        dir.Write("Migrations/20240101_Init.Designer.cs", "partial class Init {}");
        dir.Write("Migrations/ShopDbContextModelSnapshot.cs", "class Snap {}");

        var files = WorkspaceLoader.Load(dir.Path).Files.ToDictionary(f => f.Path);

        Assert.Equal("class", files["Bom.cs"].Text);
        Assert.True(files["Migrations/20240101_Init.Designer.cs"].IsGenerated);
        Assert.True(files["Migrations/ShopDbContextModelSnapshot.cs"].IsGenerated);
        Assert.False(files["Bom.cs"].IsGenerated);
    }

    [Fact]
    public void Counts_lines_of_each_file_with_or_without_a_final_newline()
    {
        using var dir = new TempDirectory();
        dir.Write("A.cs", "a\nb\nc\n");
        dir.Write("B.cs", "a\nb\nc");

        var files = WorkspaceLoader.Load(dir.Path).Files;

        Assert.All(files, f => Assert.Equal(3, f.Lines));
    }

    [Fact]
    public void Files_read_while_the_walk_goes_on_come_out_sorted_by_ordinal_path()
    {
        using var dir = new TempDirectory();
        dir.Write(".gitignore", "*.tmp.cs\n");
        var expected = new List<string>();
        foreach (var folder in new[] { "b", "a/z", "a", "B", "a-b", "a/z/deep" })
        {
            for (var i = 0; i < 40; i++)
            {
                var path = $"{folder}/F{i}.cs";
                dir.Write(path, $"class F{i} {{}}\n");
                dir.Write($"{folder}/F{i}.tmp.cs", "class Ignored {}\n");
                expected.Add(path);
            }
        }

        var paths = WorkspaceLoader.Load(dir.Path).Files.Select(f => f.Path).ToArray();

        // "B/..." before "a-b/..." before "a/...": ordinal, '-' (0x2D) sorts before '/' (0x2F).
        Assert.Equal(expected.Order(StringComparer.Ordinal), paths);
        Assert.Equal("B/F0.cs", paths[0]);
        Assert.Equal("a-b/F0.cs", paths[40]);
    }
}
