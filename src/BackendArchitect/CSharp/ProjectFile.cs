using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;
using BackendArchitect.Model;
using BackendArchitect.Workspace;

namespace BackendArchitect.CSharp;

/// <summary>What a .csproj says that matters here: its SDK, frameworks and project references.</summary>
public sealed record ProjectFile(
    string Name,
    string Path,
    string Directory,
    string? Sdk,
    string? TargetFramework,
    ImmutableArray<string> ProjectReferences,
    ImmutableArray<string> PackageReferences)
{
    /// <summary>Test hosts (WebApplicationFactory and friends) build web hosts too, but they are not services.</summary>
    private static readonly string[] TestPackages = ["Microsoft.NET.Test.Sdk", "xunit", "xunit.v3", "NUnit", "MSTest.TestFramework", "MSTest", "Microsoft.AspNetCore.Mvc.Testing"];

    private static readonly string[] TestNameSuffixes = [".Tests", ".Test", ".IntegrationTests", ".IntegrationTest", ".UnitTests", ".FunctionalTests", ".Specs"];

    /// <summary>The project's own <c>&lt;IsTestProject&gt;</c> value, when it sets one: it overrides every guess.</summary>
    public bool? IsTestProjectProperty { get; init; }

    /// <summary>
    /// Set by the corpus: an entry point of the project (Program.cs or a Main) builds a web host. Test
    /// hosts (WebApplicationFactory) build none themselves, so this keeps a web app whose project still
    /// carries a stray test package a service.
    /// </summary>
    public bool BuildsWebHost { get; init; }

    /// <summary>
    /// A test project: as its IsTestProject property says; otherwise by its test packages, or by name
    /// when the packages come from shared props files, unless it builds a web host of its own.
    /// </summary>
    public bool IsTestProject =>
        IsTestProjectProperty ?? (!BuildsWebHost
            && (PackageReferences.Any(p => TestPackages.Contains(p, StringComparer.OrdinalIgnoreCase))
                || TestNameSuffixes.Any(s => Name.EndsWith(s, StringComparison.OrdinalIgnoreCase))));

    public bool IsWebSdk => Sdk is not null && Sdk.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase);

    public static ProjectFile? Parse(SourceFile file, ICollection<Diagnostic> diagnostics)
    {
        if (!file.Path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var name = System.IO.Path.GetFileNameWithoutExtension(file.Path);
        if (!NestingDepth.WithinLimit(file, "its SDK, references and packages are not read", diagnostics))
        {
            return new ProjectFile(name, file.Path, file.Directory, null, null, [], []);
        }

        XDocument doc;
        try
        {
            doc = XDocument.Parse(file.Text);
        }
        catch (XmlException e)
        {
            diagnostics.Add(new Diagnostic(file.Path, e.LineNumber, $"project file is not valid XML: {e.Message}"));
            return new ProjectFile(name, file.Path, file.Directory, null, null, [], []);
        }

        var rootElement = doc.Root!;
        string? sdk = (string?)rootElement.Attribute("Sdk");
        sdk ??= rootElement.Elements().FirstOrDefault(e => e.Name.LocalName == "Sdk")?.Attribute("Name")?.Value;
        string? Property(string n) => rootElement.Descendants().FirstOrDefault(e => e.Name.LocalName == n)?.Value.Trim();
        if (sdk is null && LegacyFrameworkProject.WebKind(rootElement) is { } legacy)
        {
            diagnostics.Add(new Diagnostic(file.Path, 1, $"project {name} is not supported: {legacy}; its endpoints, authorization and wiring are read only where they look like ASP.NET Core, so endpoints may be missing"));
        }

        var tfm = Property("TargetFramework") ?? Property("TargetFrameworks");
        var assembly = Property("AssemblyName");
        if (!string.IsNullOrEmpty(assembly) && !assembly.Contains('$'))
        {
            name = assembly;
        }

        var references = rootElement.Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string?)e.Attribute("Include"))
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Select(s => NormalizeReference(file.Directory, s!))
            .ToImmutableArray();
        var packages = rootElement.Descendants()
            .Where(e => e.Name.LocalName == "PackageReference")
            .Select(e => (string?)e.Attribute("Include") ?? (string?)e.Attribute("Update"))
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Select(s => s!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToImmutableArray();
        return new ProjectFile(name, file.Path, file.Directory, sdk, string.IsNullOrEmpty(tfm) ? null : tfm, references, packages)
        {
            IsTestProjectProperty = bool.TryParse(Property("IsTestProject"), out var isTest) ? isTest : null,
        };
    }

    /// <summary>Turns a reference relative to the project directory into a root-relative path.</summary>
    private static string NormalizeReference(string directory, string include)
    {
        var parts = new List<string>();
        if (directory != ".")
        {
            parts.AddRange(directory.Split('/'));
        }

        foreach (var part in include.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }
}
