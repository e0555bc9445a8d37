using System.Text.Json;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Cli;

public sealed class DbLintCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Lints_a_migration_folder_and_fails_on_the_threshold()
    {
        var folder = Paths.Fixture("rules", "sql", "MIG001-index-on-existing-table");

        var (code, stdout, _) = Run("db", "lint", folder, "--format", "json", "--fail-on", "warning");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(stdout);
        var codes = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToArray();
        Assert.Contains("MIG001", codes);
    }

    [Fact]
    public void A_clean_schema_exits_zero_even_with_fail_on_note()
    {
        var (code, stdout, _) = Run("db", "lint", Paths.Fixture("rules", "sql", "clean-schema"), "--format", "sarif", "--fail-on", "note");

        Assert.Equal(0, code);
        using var sarif = JsonDocument.Parse(stdout);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Equal(0, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void A_missing_path_is_a_usage_error()
    {
        var (code, stdout, stderr) = Run("db", "lint", "/no/such/migrations");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("path not found", stderr);
    }

    [Fact]
    public void Invalid_sql_is_reported_as_a_diagnostic_and_the_rest_is_linted()
    {
        using var dir = new TempDirectory();
        dir.Write("V1__init.sql", "CREATE TABLE events (id integer, payload json);\n");
        dir.Write("V2__broken.sql", "ALTER TABLE events ADD COLUMN ;\nCREATE INDEX ix_events_id ON events (id);\n");

        var (code, stdout, _) = Run("db", "lint", dir.Path, "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var codes = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToArray();
        Assert.Contains("SCH001", codes);
        Assert.NotEqual(0, json.RootElement.GetProperty("diagnostics").GetArrayLength());
    }

    private static readonly string Shop = Path.Combine(Paths.RepositoryRoot, "samples", "ShopBackend");

    private static string[] Codes(string stdout)
    {
        using var json = JsonDocument.Parse(stdout);
        return [.. json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()!).Distinct().Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void Ignore_removes_a_rule_and_a_family_from_the_sample_findings()
    {
        var all = Codes(Run("db", "lint", Shop, "--format", "json").Out);
        var (code, stdout, stderr) = Run("db", "lint", Shop, "--format", "json", "--ignore", "sch009,MIG");

        Assert.Contains("SCH009", all);
        Assert.Contains(all, c => c.StartsWith("MIG", StringComparison.Ordinal));
        Assert.Equal((0, ""), (code, stderr));
        Assert.Equal([.. all.Where(c => c != "SCH009" && !c.StartsWith("MIG", StringComparison.Ordinal))], Codes(stdout));
    }

    [Fact]
    public void Select_keeps_only_the_named_rules_and_sets_the_exit_code_by_them()
    {
        var (code, stdout, _) = Run("db", "lint", Shop, "--format", "json", "--select", "index-created-without-concurrently", "--fail-on", "warning");
        var (clean, cleanOut, _) = Run("db", "lint", Shop, "--format", "json", "--select", "SCH001", "--fail-on", "warning");

        Assert.Equal(1, code);
        Assert.Equal(["MIG001"], Codes(stdout));
        Assert.Equal(0, clean);
        Assert.Empty(Codes(cleanOut));
    }

    [Fact]
    public void Selecting_an_opt_in_rule_enables_it()
    {
        var folder = Paths.Fixture("rules", "sql", "MIG015-lock-timeout");

        Assert.DoesNotContain("MIG015", Codes(Run("db", "lint", folder, "--format", "json").Out));
        Assert.Equal(["MIG015"], Codes(Run("db", "lint", folder, "--format", "json", "--select", "MIG015").Out));
    }

    [Fact]
    public void An_unknown_rule_code_is_a_usage_error_naming_it()
    {
        var (code, stdout, stderr) = Run("db", "lint", Shop, "--select", "MIG001,MIG999");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("architect: --select MIG999: no rule has this code, name or code prefix (architect rules lists them).", stderr.TrimEnd());
    }
}
