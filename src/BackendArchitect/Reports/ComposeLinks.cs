using BackendArchitect.Model;

namespace BackendArchitect.Reports;

/// <summary>Which scanned service a compose service runs: by name, by build context, or by the Dockerfile it builds.</summary>
public static class ComposeLinks
{
    public static Service? BuiltService(ComposeService compose, SystemModel model)
    {
        var image = DockerfileOf(compose, model);
        return model.Services.FirstOrDefault(s => Normalize(s.Name) == Normalize(compose.Name))
            ?? model.Services.FirstOrDefault(s => ContextIsService(compose, s))
            ?? (image?.Entrypoint is { } entry ? model.Services.FirstOrDefault(s => RunsAssembly(entry, s.Name)) : null);
    }

    /// <summary>The scanned Dockerfile a compose service builds, resolved from its file, context and dockerfile.</summary>
    public static ContainerImage? DockerfileOf(ComposeService compose, SystemModel model)
    {
        if (compose.Build is null)
        {
            return null;
        }

        var composeDir = compose.File.Contains('/') ? compose.File[..compose.File.LastIndexOf('/')] : "";
        var path = Combine(Combine(composeDir, compose.Build), compose.Dockerfile ?? "Dockerfile");
        return path is null ? null : model.Containers.FirstOrDefault(c => c.File == path);
    }

    private static bool ContextIsService(ComposeService compose, Service service)
    {
        if (compose.Build is null)
        {
            return false;
        }

        var context = compose.Build.TrimEnd('/');
        var last = context[(context.LastIndexOf('/') + 1)..];
        return Normalize(last) == Normalize(service.Name)
            || (service.Path != "." && context.EndsWith(service.Path, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>"dotnet Shop.Api.dll" runs the assembly of service Shop.Api.</summary>
    private static bool RunsAssembly(string entrypoint, string service) =>
        entrypoint.Split(' ', '"', '/').Any(w => w.Equals(service + ".dll", StringComparison.OrdinalIgnoreCase) || w.Equals(service, StringComparison.Ordinal));

    private static string Normalize(string name) =>
        new([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);

    /// <summary>Joins relative paths and folds "." and ".."; null when the result leaves the root or is absolute.</summary>
    private static string? Combine(string? directory, string relative)
    {
        if (directory is null || relative.StartsWith('/') || relative.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var segment in (directory + "/" + relative).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(segment);
        }

        return string.Join('/', parts);
    }
}
