using System.CommandLine;
using System.Globalization;
using BackendArchitect.Findings;
using BackendArchitect.Scanning;
using BackendArchitect.Sql;

namespace BackendArchitect.Cli.Commands;

/// <summary>
/// `architect db lint PATH... [--dialect D] [--pg-version N] [--lock-timeout] [--select CODES] [--ignore CODES] [--format F] [--output FILE] [--fail-on S]`:
/// finds the migration sets under each path (SQL folders, EF Core migrations, T-SQL scripts), replays
/// them in their tools' order and reports schema design and migration safety findings.
/// </summary>
public static class DbLintCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Migration folders, projects or .sql files.",
            Arity = ArgumentArity.OneOrMore,
        };
        var dialect = new Option<string?>("--dialect") { Description = "SQL dialect: postgres, mysql, sqlite or sqlserver (detected from the project, file names or content when not given)." };
        dialect.AcceptOnlyFromAmong([.. SqlDialectDetector.OptionNames]);
        var pgVersion = new Option<int>("--pg-version") { Description = "Target PostgreSQL major version; version-dependent rules follow it.", DefaultValueFactory = _ => new LintOptions().PostgresVersion };
        var lockTimeout = new Option<bool>("--lock-timeout") { Description = "Also report migrations that take strong locks without SET lock_timeout." };
        var select = new Option<string[]>("--select") { Description = "Run only these rules: codes, names or code prefixes (MIG, SCH0), comma-separated; an opt-in rule named here is enabled." };
        var ignore = new Option<string[]>("--ignore") { Description = "Skip these rules: codes, names or code prefixes, comma-separated." };
        var format = FindingsOutput.FormatOption();
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var failOn = FindingsOutput.FailOnOption();

        var command = new Command("lint", "Lint schemas and migrations: design problems and changes that lock, rewrite or break running code.");
        command.Arguments.Add(paths);
        command.Options.Add(dialect);
        command.Options.Add(pgVersion);
        command.Options.Add(lockTimeout);
        command.Options.Add(select);
        command.Options.Add(ignore);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(failOn);
        // An action that takes the token is the one System.CommandLine cancels on Ctrl-C (SIGINT, SIGTERM).
        command.SetAction((parse, cancellation) => Task.FromResult(Lint(parse, cancellation)));
        return command;

        int Lint(ParseResult parse, CancellationToken cancellation)
        {
            var roots = parse.GetValue(paths) ?? [];
            var options = new LintOptions(parse.GetValue(pgVersion), parse.GetValue(lockTimeout));
            if (options.PostgresVersion is < 9 or > 30)
            {
                stderr.WriteLine($"architect: --pg-version {options.PostgresVersion.ToString(CultureInfo.InvariantCulture)} is not a PostgreSQL major version.");
                return CliApp.UsageError;
            }

            DbLintResult result;
            try
            {
                options = options with { Rules = RuleSelection.Parse(parse.GetValue(select), parse.GetValue(ignore), RuleCatalog.All.Select(r => r.Metadata)) };
                result = DbLintEngine.Lint(roots, SqlDialectDetector.FromOptionName(parse.GetValue(dialect)), options, cancellation);
            }
            catch (InputException e)
            {
                stderr.WriteLine($"architect: {e.Message}");
                return CliApp.UsageError;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                stderr.WriteLine("architect: cancelled; nothing was written");
                return CliApp.Cancelled;
            }

            if (result.Sets.IsEmpty)
            {
                stderr.WriteLine("architect: no migrations or SQL files found under " + string.Join(", ", roots));
            }

            return FindingsOutput.Write(result.Report, parse.GetValue(format) ?? "console", parse.GetValue(output), FailOn.Parse(parse.GetValue(failOn)), stdout, stderr);
        }
    }
}
