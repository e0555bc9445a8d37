using System.Diagnostics;
using BackendArchitect.Tests.Support;
using BackendArchitect.Workspace;

namespace BackendArchitect.Tests.Workspace;

/// <summary>Files that are not regular files never stop the walk.</summary>
public sealed class SpecialFileTests
{
    [Fact]
    public async Task A_named_pipe_in_the_tree_does_not_block_the_load()
    {
        using var dir = new TempDirectory();
        dir.Write("Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\n");
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(dir.Path, "appsettings.json")))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // Opening a pipe for reading waits for a writer; a load that opened it would never return.
        var load = Task.Run(() => WorkspaceLoader.Load(dir.Path));

        var finished = await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.True(finished == load, "the load is still waiting on the named pipe");
        Assert.Contains((await load).Files, f => f.Path == "Program.cs");
    }
}
