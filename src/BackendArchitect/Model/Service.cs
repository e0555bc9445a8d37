namespace BackendArchitect.Model;

/// <summary>A web entry point: a project that builds and runs a web host.</summary>
/// <param name="Name">The project (assembly) name.</param>
/// <param name="Path">The directory of the service, relative to the scan root ("." for the root).</param>
/// <param name="Project">The project file, when there is one.</param>
/// <param name="TargetFramework">The target framework(s) as written in the project file.</param>
/// <param name="EntryPoint">The file that builds the host (Program.cs or Startup.cs).</param>
public sealed record Service(
    string Name,
    string Path,
    string? Project,
    string? TargetFramework,
    SourceLocation? EntryPoint);
