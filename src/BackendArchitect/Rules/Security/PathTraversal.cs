using BackendArchitect.Dataflow;
using BackendArchitect.Findings;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC012: Request data names a file the server reads or writes.</summary>
public sealed class PathTraversal : ICodeRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC012",
        "path-traversal",
        "security",
        Severity.Error,
        "Request data names a file the server reads or writes.",
        "A value the caller controls, or the file name a client gave an upload, reaches File.Read*/Write*/Open*, a FileStream, a StreamReader or StreamWriter, or PhysicalFile. Path.Combine keeps an absolute second part and '../' walks out of the folder meant, so the caller reads configuration and keys or overwrites files anywhere the process may write. Path.GetFileName on the value, or a full path checked to start with the root, keeps the access inside the folder.",
        "app.MapGet(\"/files/{name}\", (string name) =>\n    Results.File(File.ReadAllBytes(Path.Combine(\"uploads\", name))));",
        "app.MapGet(\"/files/{name}\", (string name) =>\n{\n    var path = Path.GetFullPath(Path.Combine(root, Path.GetFileName(name)));\n    return path.StartsWith(root, StringComparison.Ordinal) ? Results.File(File.ReadAllBytes(path)) : Results.NotFound();\n});",
        ["https://learn.microsoft.com/aspnet/core/mvc/models/file-uploads#security-considerations", "https://owasp.org/www-community/attacks/Path_Traversal"],
        ["CWE-22", "CWE-73", "OWASP-A01:2021"])
    {
        Applicability = RuleApplicability.CSharp,
        SecuritySeverity = "7.5",
    };

    public IEnumerable<Finding> Check(CodeReviewContext context) =>
        InjectionFindings.Of(
            context,
            Metadata,
            TaintKind.Path,
            flow => $"{flow.Source} of {InjectionFindings.Reached(flow)} names the file that {flow.Sink} opens; ../ or an absolute path leaves the intended folder.",
            "Keep only the file name (Path.GetFileName), or resolve the full path and check that it starts with the folder meant; for uploads, store under a name the server generates.");
}
