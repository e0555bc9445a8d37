using System.CommandLine;
using BackendArchitect.Reports.Schema;
using BackendArchitect.Scanning;
using BackendArchitect.Sql;

namespace BackendArchitect.Cli.Commands;

/// <summary>
/// `architect db schema PATH... | --connection CONN [--provider postgres|sqlite] [--dialect D] --format F [--output FILE]`:
/// the schema replayed from migration files or read from a live database, as a table, JSON, Markdown, Mermaid or DOT.
/// </summary>
public static class DbSchemaCommand
{
    public static readonly string[] Formats = ["table", "json", "markdown", "mermaid", "dot"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Migration folders, projects or .sql files, replayed in the order their migration tool applies them.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var options = new SchemaOptions();
        var dialect = new Option<string?>("--dialect") { Description = "SQL dialect of the files: postgres, mysql, sqlite or sqlserver (detected when not given); in a folder with files for several databases, that database's files." };
        dialect.AcceptOnlyFromAmong([.. SqlDialectDetector.OptionNames]);

        var command = new Command("schema", "Show the schema that migration files build, or that a live database holds.");
        command.Arguments.Add(paths);
        options.AddTo(command);
        command.Options.Add(dialect);
        command.SetAction(parse =>
        {
            var connection = parse.GetValue(options.Connection);
            var files = parse.GetValue(paths) ?? [];
            if (connection is null == (files.Length == 0))
            {
                stderr.WriteLine("architect: db schema takes migration paths or --connection (one of the two).");
                return CliApp.UsageError;
            }

            return connection is not null
                ? Inspect(connection, parse.GetValue(options.Provider), options.Values(parse), stdout, stderr)
                : Replay(files, parse.GetValue(dialect), options.Values(parse), stdout, stderr);
        });
        return command;
    }

    /// <summary>Reads a live database and writes the schema; a failure to connect is one line and exit code 2.</summary>
    internal static int Inspect(string connection, string? provider, (string Format, string? Output) output, TextWriter stdout, TextWriter stderr) =>
        Show(() => DbSchemaEngine.Inspect(connection, provider), output, stdout, stderr);

    /// <summary>Replays the migration sets under the paths (see <see cref="DbSchemaEngine.Replay"/>) and writes the schema.</summary>
    private static int Replay(string[] paths, string? dialectName, (string Format, string? Output) output, TextWriter stdout, TextWriter stderr) =>
        Show(() => DbSchemaEngine.Replay(paths, SqlDialectDetector.FromOptionName(dialectName)), output, stdout, stderr);

    private static int Show(Func<DbSchemaResult> run, (string Format, string? Output) output, TextWriter stdout, TextWriter stderr)
    {
        DbSchemaResult result;
        try
        {
            result = run();
        }
        catch (InputException e)
        {
            stderr.WriteLine("architect: " + e.Message);
            return CliApp.UsageError;
        }

        foreach (var message in result.Messages)
        {
            stderr.WriteLine("architect: " + message);
        }

        var schema = result.Schema;
        var text = output.Format switch
        {
            "json" => SchemaJson.Render(schema),
            "markdown" => SchemaMarkdown.Render(schema),
            "mermaid" => SchemaMermaid.Render(schema),
            "dot" => SchemaDot.Render(schema),
            _ => SchemaConsoleText.Render(schema),
        };
        return OutputWriter.Write(text, output.Output, stdout, stderr);
    }

    /// <summary>The options db schema and db inspect share.</summary>
    internal sealed class SchemaOptions
    {
        public Option<string?> Connection { get; } = new("--connection", "-c")
        {
            Description = "Connection string of a live database (PostgreSQL key=value or postgres:// URL; SQLite file path or Data Source=...).",
        };

        public Option<string?> Provider { get; } = CreateProvider();

        public Option<string> Format { get; } = CreateFormat();

        public Option<string?> Output { get; } = new("--output", "-o") { Description = "Write the output to this file instead of standard output." };

        public void AddTo(Command command)
        {
            command.Options.Add(Connection);
            command.Options.Add(Provider);
            command.Options.Add(Format);
            command.Options.Add(Output);
        }

        public (string Format, string? Output) Values(ParseResult parse) => (parse.GetValue(Format) ?? "table", parse.GetValue(Output));

        private static Option<string?> CreateProvider()
        {
            var provider = new Option<string?>("--provider") { Description = "Database of --connection: postgres or sqlite (guessed from the connection string when not given)." };
            provider.AcceptOnlyFromAmong("postgres", "postgresql", "sqlite");
            return provider;
        }

        private static Option<string> CreateFormat()
        {
            var format = new Option<string>("--format", "-f")
            {
                Description = "Output format: table, json, markdown, mermaid or dot.",
                DefaultValueFactory = _ => "table",
            };
            format.AcceptOnlyFromAmong(Formats);
            return format;
        }
    }
}
