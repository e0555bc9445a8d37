using BackendArchitect.Dataflow;
using BackendArchitect.Findings;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC011: Request data chooses the program a process runs or its arguments.</summary>
public sealed class CommandInjection : ICodeRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC011",
        "command-injection",
        "security",
        Severity.Error,
        "Request data chooses the program a process runs or its arguments.",
        "A value the caller controls reaches Process.Start, a ProcessStartInfo's FileName or Arguments, or its constructor. Arguments are one string that the program (and on some platforms a shell) splits again, so quotes, spaces and shell metacharacters in the value add options or whole commands the caller picks; a file name from the request runs whatever program the caller names. Pass fixed programs and add each value through ProcessStartInfo.ArgumentList after checking it against what is allowed.",
        "app.MapPost(\"/thumbnails\", (string file) =>\n    Process.Start(\"convert\", file + \" -resize 200x200 thumb.png\"));",
        "app.MapPost(\"/thumbnails\", (string file) =>\n{\n    var name = Path.GetFileName(file);\n    var start = new ProcessStartInfo(\"convert\");\n    start.ArgumentList.Add(Path.Combine(uploads, name));\n    start.ArgumentList.Add(\"-resize\");\n    start.ArgumentList.Add(\"200x200\");\n    return Process.Start(start);\n});",
        ["https://learn.microsoft.com/dotnet/api/system.diagnostics.processstartinfo.argumentlist", "https://cheatsheetseries.owasp.org/cheatsheets/OS_Command_Injection_Defense_Cheat_Sheet.html"],
        ["CWE-78", "OWASP-A03:2021"])
    {
        Applicability = RuleApplicability.CSharp,
        SecuritySeverity = "9.8",
    };

    public IEnumerable<Finding> Check(CodeReviewContext context) =>
        InjectionFindings.Of(
            context,
            Metadata,
            TaintKind.Command,
            flow => $"{flow.Source} of {InjectionFindings.Reached(flow)} reaches {flow.Sink}: the caller chooses what the process runs.",
            "Start a fixed program and pass each checked value through ProcessStartInfo.ArgumentList; never build a command line from request data.");
}
