using System.CommandLine;
using System.Text.Json.Nodes;
using BackendArchitect.Findings;
using BackendArchitect.Findings.Reports;
using Spectre.Console;

namespace BackendArchitect.Cli.Commands;

/// <summary>`architect rules [--format table|json|markdown] [--write-docs DIR]`: every rule, or its generated docs.</summary>
public static class RulesCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: table, json or markdown.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "markdown");
        var writeDocs = new Option<string?>("--write-docs")
        {
            Description = "Write one Markdown page per rule and a README.md index into this folder (docs/rules in this repository).",
        };

        var command = new Command("rules", "List every rule: code, name, category, default severity and summary.");
        command.Options.Add(format);
        command.Options.Add(writeDocs);
        command.SetAction(parse => Execute(parse.GetValue(format) ?? "table", parse.GetValue(writeDocs), [.. RuleCatalog.All.Select(r => r.Metadata)], stdout, stderr));
        return command;
    }

    /// <summary>Runs the command over the given rules (the catalog, or test rules).</summary>
    public static int Execute(string format, string? writeDocs, IReadOnlyList<RuleMetadata> rules, TextWriter stdout, TextWriter stderr)
    {
        var sorted = rules.OrderBy(r => r.Code, StringComparer.Ordinal).ToArray();
        if (writeDocs is not null)
        {
            try
            {
                var written = RuleDocs.Write(writeDocs, sorted);
                stdout.WriteLine($"architect: wrote {BackendArchitect.Reports.Counts.Of(written.Count, "file")} to {writeDocs}");
                return CliApp.Ok;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"architect: could not write the rule docs to {writeDocs}: {e.Message}");
                return CliApp.UsageError;
            }
        }

        switch (format)
        {
            case "json":
                stdout.Write(Json(sorted));
                break;
            case "markdown":
                stdout.Write(RuleDocs.RenderIndex(sorted));
                break;
            default:
                Table(sorted, stdout, plain: Console.IsOutputRedirected);
                break;
        }

        return CliApp.Ok;
    }

    /// <summary>The rules as a JSON array, for scripts.</summary>
    public static string Json(IEnumerable<RuleMetadata> rules) =>
        new JsonArray([.. rules.Select(r => (JsonNode)new JsonObject
        {
            ["code"] = r.Code,
            ["name"] = r.Name,
            ["category"] = r.Category,
            ["severity"] = FindingsText.Word(r.DefaultSeverity),
            ["summary"] = r.Summary,
            ["tags"] = new JsonArray([.. (r.Tags.IsDefault ? [] : r.Tags).Select(t => (JsonNode)t)]),
            ["references"] = new JsonArray([.. (r.References.IsDefault ? [] : r.References).Select(t => (JsonNode)t)]),
            ["dialects"] = new JsonArray([.. (r.Applicability.Dialects.IsDefault ? [] : r.Applicability.Dialects).Select(d => (JsonNode)RuleApplicability.OptionName(d))]),
            ["languages"] = new JsonArray([.. (r.Applicability.Languages.IsDefault ? [] : r.Applicability.Languages).Select(l => (JsonNode)(l == SourceLanguage.Sql ? "sql" : "csharp"))]),
            ["optIn"] = r.Applicability.OptIn,
        })]).ToJsonString(FindingsJson.Options) + "\n";

    private static void Table(IReadOnlyList<RuleMetadata> rules, TextWriter writer, bool plain)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });
        if (plain)
        {
            console.Profile.Width = 120;
        }

        if (rules.Count == 0)
        {
            console.WriteLine("No rules.");
            return;
        }

        var table = new Table { Border = plain ? TableBorder.Ascii : TableBorder.Rounded };
        foreach (var header in new[] { "Code", "Name", "Category", "Severity", "Summary" })
        {
            table.AddColumn(header);
        }

        foreach (var r in rules)
        {
            table.AddRow(Markup.Escape(r.Code), Markup.Escape(r.Name), Markup.Escape(r.Category), Markup.Escape(FindingsText.Word(r.DefaultSeverity)), Markup.Escape(r.Summary));
        }

        console.Write(table);
        console.WriteLine($"{BackendArchitect.Reports.Counts.Of(rules.Count, "rule")}. `architect explain CODE` shows one in full.");
    }
}
