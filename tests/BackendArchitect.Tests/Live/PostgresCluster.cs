using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace BackendArchitect.Tests.Live;

/// <summary>
/// A throwaway PostgreSQL cluster for the tests: initdb in a temp folder, listening only on a unix socket in that
/// folder, stopped and removed on dispose. As root it runs as the postgres OS user (initdb refuses root).
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private readonly string? binDirectory;
    private readonly bool asPostgresUser;
    private int databaseCounter;

    public PostgresCluster()
    {
        binDirectory = FindBinDirectory();
        if (binDirectory is null)
        {
            return;
        }

        asPostgresUser = Environment.UserName == "root";
        Directory = Path.Combine(Path.GetTempPath(), "architect-pg-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
        if (asPostgresUser)
        {
            Run("chown", ["postgres:postgres", Directory], asPostgres: false);
        }

        Port = FreePort();
        Run(Path.Combine(binDirectory, "initdb"), ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"], asPostgresUser);
        Run(
            Path.Combine(binDirectory, "pg_ctl"),
            ["-D", DataDirectory, "-l", Path.Combine(Directory, "server.log"), "-o", $"-c listen_addresses='' -k {Directory} -p {Port} -c fsync=off", "-w", "start"],
            asPostgresUser);
        Started = true;
    }

    /// <summary>Why the tests cannot run, or null when the cluster is up.</summary>
    public string? Unavailable => binDirectory is null
        ? "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin). Run ./build.sh test, which installs it."
        : null;

    public bool Started { get; }

    public string Directory { get; } = "";

    public int Port { get; }

    private string DataDirectory => Path.Combine(Directory, "data");

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = Directory, Port = Port, Username = "postgres", Database = database, Pooling = false }.ConnectionString;

    /// <summary>Creates a fresh, empty database and returns its name.</summary>
    public string CreateDatabase(string prefix)
    {
        var name = prefix + "_" + Interlocked.Increment(ref databaseCounter);
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        command.ExecuteNonQuery();
        return name;
    }

    /// <summary>Runs a SQL file with psql, one statement at a time as a migration tool would, stopping at the first error.</summary>
    public void ApplyFile(string database, string file)
    {
        var psql = Path.Combine(binDirectory!, "psql");
        Run(psql, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", Directory, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-d", database, "-f", file], asPostgres: false);
    }

    public void Dispose()
    {
        if (Started)
        {
            try
            {
                Run(Path.Combine(binDirectory!, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], asPostgresUser);
            }
            catch (InvalidOperationException)
            {
                // The cluster may already be gone; removing its folder below is what matters.
            }
        }

        if (Directory.Length > 0)
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    private static string? FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (!System.IO.Directory.Exists(root))
        {
            return null;
        }

        return System.IO.Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }
}
