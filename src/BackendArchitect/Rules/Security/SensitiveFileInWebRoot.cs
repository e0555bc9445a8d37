using System.Text.RegularExpressions;
using BackendArchitect.Findings;
using BackendArchitect.Model;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC036: a key, database, backup or configuration file inside the web root a service serves as static files.</summary>
public sealed partial class SensitiveFileInWebRoot : ICodeRule
{
    private static readonly string[] ServesStaticFiles = ["UseStaticFiles", "MapStaticAssets"];

    // The static file middleware answers only for extensions its content-type table knows unless
    // ServeUnknownFileTypes is on: of the files this rule looks for, these are served by default.
    private static readonly HashSet<string> ServedByDefault = new(StringComparer.Ordinal)
    {
        ".pfx", ".p12", ".json", ".mdb", ".accdb", ".zip", ".7z", ".tar", ".gz", ".rar",
    };

    public RuleMetadata Metadata { get; } = new(
        "SEC036",
        "sensitive-file-in-web-root",
        "security",
        Severity.Error,
        "A private key, database, backup or configuration file sits in wwwroot, which the service serves to anyone who asks for it.",
        "UseStaticFiles (and MapStaticAssets) serve the files under the web root, wwwroot, by their path, without "
            + "authentication. A certificate with its private key (.pfx, .p12), an appsettings or secrets file, an Access database "
            + "or a zipped backup put there is one request away for any caller, and crawlers look for exactly these names. "
            + "Files whose extension the middleware does not know (.key, .db, .sql, .bak, .env) are reported only when the "
            + "service turns on ServeUnknownFileTypes, which serves them too. Web roots hold what the browser needs; keys and "
            + "data belong outside them, read through configuration or a secret store.",
        "Api/wwwroot/certs/signing.pfx\nApi/wwwroot/backup/shop.bak",
        "Api/certs/signing.pfx (outside wwwroot, loaded through configuration)\nbackups in storage the web server cannot reach",
        [
            "https://learn.microsoft.com/aspnet/core/fundamentals/static-files#security-considerations-for-static-files",
            "https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/04-Review_Old_Backup_and_Unreferenced_Files_for_Sensitive_Information",
        ],
        ["CWE-538", "CWE-552", "OWASP-A05:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    public IEnumerable<Finding> Check(CodeReviewContext context)
    {
        var paths = context.Workspace.UnreadPaths.Concat(context.Workspace.Files.Select(f => f.Path)).ToArray();
        foreach (var service in context.Model.Services)
        {
            if (service.Project is not { } project || !ServiceCode.Mentions(context, service, ServesStaticFiles))
            {
                continue;
            }

            var servesUnknown = ServiceCode.Mentions(context, service, ["ServeUnknownFileTypes = true"]);
            var directory = Path.GetDirectoryName(project)?.Replace('\\', '/') ?? "";
            var webRoot = directory.Length == 0 ? "wwwroot/" : directory + "/wwwroot/";
            foreach (var path in paths.Where(p => p.StartsWith(webRoot, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var served = path[webRoot.Length..];
                if (Kind(served) is { } kind && (servesUnknown || ServedByDefault.Contains(Path.GetExtension(served).ToLowerInvariant())))
                {
                    yield return Finding.At(
                        Metadata,
                        new SourceLocation(path, 1),
                        $"{served} is {kind} inside {service.Name}'s web root: UseStaticFiles serves it to anyone at /{served}.",
                        "Move the file out of wwwroot (and out of the repository if it holds secrets or data); load keys through configuration or a secret store.");
                }
            }
        }
    }

    /// <summary>What the file is, when it is one a web root must not hold; null otherwise.</summary>
    private static string? Kind(string served)
    {
        var name = served[(served.LastIndexOf('/') + 1)..].ToLowerInvariant();
        if (served.Split('/').Contains(".git"))
        {
            return "part of a Git repository";
        }

        return name switch
        {
            _ when PrivateKey().IsMatch(name) => "a private key or certificate store",
            _ when Database().IsMatch(name) => "a database file",
            _ when Backup().IsMatch(name) || ArchivedBackup().IsMatch(name) => "a dump or backup",
            _ when name == ".env" || name.StartsWith(".env.", StringComparison.Ordinal) => "an environment file",
            _ when Settings().IsMatch(name) => "a configuration file",
            _ => null,
        };
    }

    [GeneratedRegex(@"\.(?:pfx|p12|key|jks|keystore|ppk)$|^id_(?:rsa|dsa|ecdsa|ed25519)$")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"\.(?:db|sqlite|sqlite3|mdf|ldf|sdf)$")]
    private static partial Regex Database();

    [GeneratedRegex(@"\.(?:sql|bak|backup|old|orig|dump|swp)$|~$")]
    private static partial Regex Backup();

    [GeneratedRegex(@"(?:backup|dump|database|\.sql|\.bak|\.db)[^/]*\.(?:zip|7z|tar|gz|rar)$")]
    private static partial Regex ArchivedBackup();

    [GeneratedRegex(@"^(?:appsettings(?:\.[\w-]+)?\.json|web\.config|secrets\.json|\.htpasswd|connectionstrings\.config)$")]
    private static partial Regex Settings();
}
