using System.CommandLine;
using BackendArchitect.Findings;
using BackendArchitect.Reports.Findings;

namespace BackendArchitect.Cli.Commands;

/// <summary>`architect explain CODE|name`: a rule's full documentation, the same page as docs/rules/CODE.md.</summary>
public static class ExplainCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var code = new Argument<string>("rule") { Description = "A rule code such as MIG001, or its kebab-case name." };
        var command = new Command("explain", "Show everything about one rule: why it matters, an example, what to write instead, references.");
        command.Arguments.Add(code);
        command.SetAction(parse => Execute(parse.GetValue(code) ?? "", RuleCatalog.All.Select(r => r.Metadata), stdout, stderr));
        return command;
    }

    /// <summary>Prints the rule whose code or name matches (case-insensitive); exit 2 for an unknown one.</summary>
    public static int Execute(string codeOrName, IEnumerable<RuleMetadata> rules, TextWriter stdout, TextWriter stderr)
    {
        var rule = RuleDocs.Find(codeOrName, rules);
        if (rule is null)
        {
            stderr.WriteLine($"architect: unknown rule '{codeOrName.Trim()}'; 'architect rules' lists them.");
            return CliApp.UsageError;
        }

        stdout.Write(RuleDocs.Help(rule));
        return CliApp.Ok;
    }
}
