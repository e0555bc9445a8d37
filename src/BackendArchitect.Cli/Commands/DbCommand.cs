using System.CommandLine;

namespace BackendArchitect.Cli.Commands;

/// <summary>`architect db ...`: schema and migration commands.</summary>
public static class DbCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("db", "Database schemas: from migration files or a live database.");
        command.Subcommands.Add(DbSchemaCommand.Create(stdout, stderr));
        command.Subcommands.Add(DbInspectCommand.Create(stdout, stderr));
        command.Subcommands.Add(DbLintCommand.Create(stdout, stderr));
        return command;
    }
}
