using System.Diagnostics;
using System.Text;
using BackendArchitect.Cli.Commands;

namespace BackendArchitect.Tests.Support;

/// <summary>
/// Runs the `architect` command tree and captures what it writes: in process by default, or, when
/// ARCHITECT_BINARY names a shipped build (the Native AOT or ReadyToRun executable), as that program,
/// so the same CLI tests prove a published form behaves as the code the other tests exercise.
/// </summary>
public static class CliRunner
{
    private static readonly string? Binary = Environment.GetEnvironmentVariable("ARCHITECT_BINARY") is { Length: > 0 } path
        ? File.Exists(path) ? Path.GetFullPath(path) : throw new FileNotFoundException("ARCHITECT_BINARY names no file (a relative path is read from the test run's folder)", path)
        : null;

    public static (int Code, string Out, string Err) Run(params string[] args) =>
        Binary is null ? RunInProcess(args) : RunProgram(args, new Dictionary<string, string>());

    /// <summary>
    /// Runs `architect` as a program with its output through pipes and these variables set: the shipped
    /// build when ARCHITECT_BINARY names one, else the test run's own architect.dll under `dotnet`.
    /// </summary>
    public static (int Code, string Out, string Err) RunProgram(string[] args, IReadOnlyDictionary<string, string> environment)
    {
        var start = Binary is null
            ? new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "architect.dll") } }
            : new ProcessStartInfo(Binary);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;
        start.UseShellExecute = false;
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
        // Both streams are drained at once: a child that fills one pipe while the other is read would block.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"architect {string.Join(' ', args)} did not finish in 5 minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static (int Code, string Out, string Err) RunInProcess(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
