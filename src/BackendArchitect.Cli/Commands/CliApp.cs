using System.CommandLine;

namespace BackendArchitect.Cli.Commands;

/// <summary>The `architect` command tree. Exit codes: 0 ok, 1 findings at or above the threshold, 2 usage or input error, 130 cancelled.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int UsageError = 2;

    /// <summary>The shells' code for a program stopped by Ctrl-C (128 + SIGINT).</summary>
    public const int Cancelled = 130;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Backend Architect: reads a backend's source into one system model (endpoints, authorization, data, dependencies) without building or running it.");
        root.Subcommands.Add(ScanCommand.Create(stdout, stderr));
        root.Subcommands.Add(ReviewCommand.Create(stdout, stderr));
        root.Subcommands.Add(DbCommand.Create(stdout, stderr));
        root.Subcommands.Add(RulesCommand.Create(stdout, stderr));
        root.Subcommands.Add(ExplainCommand.Create(stdout, stderr));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"architect: {error.Message}");
            }

            stderr.WriteLine("Run 'architect --help' for usage.");
            return UsageError;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
