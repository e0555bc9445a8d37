using System.CommandLine;

namespace BackendArchitect.Cli.Commands;

/// <summary>`architect db inspect --connection CONN [--provider postgres|sqlite] [--format F] [--output FILE]`: a live database's schema, read-only.</summary>
public static class DbInspectCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var options = new DbSchemaCommand.SchemaOptions();
        options.Connection.Required = true;
        var command = new Command("inspect", "Read a live database's schema (read-only) and show it.");
        options.AddTo(command);
        command.SetAction(parse => DbSchemaCommand.Inspect(parse.GetValue(options.Connection)!, parse.GetValue(options.Provider), options.Values(parse), stdout, stderr));
        return command;
    }
}
