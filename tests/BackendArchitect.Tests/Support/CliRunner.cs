using BackendArchitect.Cli.Commands;

namespace BackendArchitect.Tests.Support;

/// <summary>Runs the `architect` command tree in process and captures what it writes.</summary>
public static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
