using BackendArchitect.Tests.Support;
using Microsoft.Data.Sqlite;

namespace BackendArchitect.Tests.Cli;

/// <summary>
/// Every command that prints repository content, in every output format, over a repository full of
/// secrets stored under neutral names (and in arrays, URLs, connection strings, SQL defaults and
/// rows): no output may show any 6-character fragment of any of them.
/// </summary>
public sealed class PlantedSecretsTests
{
    private const int FragmentLength = 6;

    private static readonly string Root = Paths.Fixture("secrets", "planted");

    /// <summary>The secret part of every value planted in the fixture (fake, in each vendor's format).</summary>
    private static readonly string[] Planted =
    [
        // Api/appsettings.json (the first: a plain word password under its key, which only the key name gives away)
        "orchid-lake-4471",
        "ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d",
        "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",
        "AKIA53EFR4EDT2SYWB3W",
        "vo/hBKqFYY/kv5ZJr3J1TWDtkwtDDb+xHKas1VOq",
        "xoxb-177774121547-2803852808414-Hx6kwXoIIXGvOoNZYW2mZp0z",
        "TOM75WBBR/B4QMW2WXFOG/oEmvnEN5N1aE6PwZPf1Qh6yY",
        "AIzaz9w3QlY7Zkuvqdt7s8Stqcbnr3yBdGBLEPH",
        "i2vVIQ/ovVrldamV0OeEa9Pq4IAhiCaGggTfcMYumwHGzCYsJHmeuR6OD1OuhIeOe8jGG+KPDj8wRgrFGYFzjw==",
        "58m8Q~5r1pY4OjE2jBMptUsGr7CmY_uCu3ZR1zTO",
        "B8Lk6RBxU5z5gZuDM7FGc4KIznqB8T+yheDg8e1C7I8=",
        "Fq83Lmz0Pw71Ksd02Nvb",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGFudGVkLXVzZXIiLCJpYXQiOjE3MDAwMDAwMDB9.Xb3n8Kq2Lr5Vt7Wy9Za1Cd4Ef6Gh8Ij0Kl2Mn4Op6Q",
        "lUcR64cXQLioDnkHIfxIq2HZt/PlJhx2jIclHkCiHp6bR1IqfEouHgxzNNAL5wIS",
        "Vx9mQ2rTk7Lp",
        "Wd4nC8sKz1Qe",

        // Api/Program.cs, Api/Dockerfile, docker-compose.yml
        "rk_live_51CkhvMdgaKjIg8xNbe3nNyjOq9wMxEh",
        "AKIAQ7W3E5R9T2Y4U6I8",
        "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7Cd",
        "sk_live_51S2G8NPRVdD53X83RZJzzzzgEOzdmen",
        "Rb6tYh3Nq8Ws",
        "ghp_Jq2Wm9Lx4Rt7Yp1Vb8Nc5Zd3Kf6Hg0Ts2Ae4",

        // db/migrations
        "Zt5Hn2Xq8Mv4",
        "sk_live_51Pm3Hy7Qs2Kw9Ld4Fx8Vb6Nt1Rz5Jc",
        "Gk7Rp3Wz9Tm1",
        "Cy4Lb8Nv2Qx6",
        "Mh3Dk7Fs1Vp9",
        "Pq8Xn3Lc6Vb1Zr5Tw7Hy2Jm4Kd9Fs0Gt",
        "xoxp-5550001234-5550005678-Lr8Tq2Wn6Zx4",
        "AKIAZ3X5C7V9B1N2M4L6",
        "Bn6Tr2Wq8Lz4",
        "AKIAV4B6N8M2Q5W7E9R1",

        // Data/Migrations (SQL in an EF Core migration)
        "Jr5Wq9Lm2Xv7",
        "Tn4Hs8Kd2Wq6",
        "whsec_Hq3Lx8Vn2Rt6Zp9Kw4Bm7Yc1",
    ];

    private static readonly string[] ScanFormats = ["table", "json", "markdown", "mermaid"];
    private static readonly string[] LintFormats = ["console", "json", "sarif", "markdown"];
    private static readonly string[] SchemaFormats = ["table", "json", "markdown", "mermaid", "dot"];

    public static TheoryData<string[]> Commands()
    {
        var data = new TheoryData<string[]>();
        foreach (var format in ScanFormats)
        {
            data.Add(["scan", Root, "--format", format, "--no-progress"]);
        }

        foreach (var format in LintFormats)
        {
            data.Add(["db", "lint", Root, "--format", format]);
            data.Add(["review", Root, "--format", format, "--no-progress"]);
        }

        foreach (var format in SchemaFormats)
        {
            data.Add(["db", "schema", Path.Combine(Root, "db", "migrations"), "--format", format]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void No_output_shows_a_fragment_of_a_planted_secret(string[] args)
    {
        var (_, stdout, stderr) = CliRunner.Run(args);

        Assert.NotEqual("", stdout);
        AssertNoFragment(string.Join(' ', args), stdout + "\n" + stderr);
    }

    [Fact]
    public void Db_lint_shows_snippets_of_the_lines_that_held_secrets()
    {
        var (_, stdout, _) = CliRunner.Run("db", "lint", Root, "--format", "json");

        // The masking must not work by dropping the snippets: the lines are shown, their secrets are not.
        Assert.Contains("DEFAULT 'Z****4'", stdout);
        Assert.Contains("VALUES ('ops', 'T****6')", stdout);
    }

    [Fact]
    public void Live_schema_output_masks_defaults_in_every_format()
    {
        using var temp = new TempDirectory();
        var database = Path.Combine(temp.Path, "planted.db");
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ConnectionString))
        {
            connection.Open();
            foreach (var file in Directory.GetFiles(Path.Combine(Root, "db", "migrations"), "*.sql").Order(StringComparer.Ordinal))
            {
                using var command = connection.CreateCommand();
                command.CommandText = File.ReadAllText(file);
                command.ExecuteNonQuery();
            }
        }

        foreach (var format in SchemaFormats)
        {
            foreach (string[] args in new[] { new[] { "db", "inspect" }, new[] { "db", "schema" } })
            {
                var (code, stdout, stderr) = CliRunner.Run([.. args, "--connection", database, "--provider", "sqlite", "--format", format]);

                Assert.Equal(0, code);
                AssertNoFragment(string.Join(' ', args) + " " + format, stdout + "\n" + stderr);
            }
        }
    }

    private static void AssertNoFragment(string command, string output)
    {
        var shown = Planted
            .SelectMany(secret => Enumerable.Range(0, secret.Length - FragmentLength + 1).Select(i => (secret, fragment: secret.Substring(i, FragmentLength))))
            .Where(p => output.Contains(p.fragment, StringComparison.Ordinal))
            .Select(p => $"'{p.fragment}' of {p.secret}")
            .Distinct()
            .ToList();
        Assert.True(shown.Count == 0, $"{command} shows: {string.Join(", ", shown.Take(10))}");
    }
}
