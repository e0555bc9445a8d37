namespace BackendArchitect.Cli.Commands;

/// <summary>Writes a rendered report to standard output or to the one file the user named.</summary>
public static class OutputWriter
{
    private static bool IsDevice(string full) =>
        !OperatingSystem.IsWindows() && (full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal));

    public static int Write(string text, string? output, TextWriter stdout, TextWriter stderr)
    {
        if (output is null)
        {
            stdout.Write(text);
            return CliApp.Ok;
        }

        try
        {
            var full = Path.GetFullPath(output);
            if (Directory.Exists(full))
            {
                stderr.WriteLine($"architect: --output names a directory: {output}");
                return CliApp.UsageError;
            }

            var dir = Path.GetDirectoryName(full);
            if (dir is not null && !Directory.Exists(dir))
            {
                stderr.WriteLine($"architect: the directory of --output does not exist: {dir}");
                return CliApp.UsageError;
            }

            if (IsDevice(full))
            {
                // /dev/null, /dev/stdout: a device is written to, never replaced by a file.
                File.WriteAllText(full, text);
                return CliApp.Ok;
            }

            // Write beside the target and move into place, so a failed write never leaves half a file.
            var temp = full + ".tmp-" + Environment.ProcessId;
            File.WriteAllText(temp, text);
            File.Move(temp, full, overwrite: true);
            return CliApp.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"architect: could not write {output}: {e.Message}");
            return CliApp.UsageError;
        }
    }
}
