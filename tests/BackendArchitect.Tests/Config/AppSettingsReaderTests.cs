using BackendArchitect.Model;
using BackendArchitect.Reports;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Config;

/// <summary>appsettings*.json keys: flattening, lines, masking, tolerance of comments and bad input.</summary>
public sealed class AppSettingsReaderTests
{
    private static readonly SystemModel Secrets = ScanEngine.Scan(Paths.Fixture("config", "secrets"));

    private static ConfigEntry Key(string key) => Assert.Single(Secrets.Configuration, c => c.Key == key && c.File == "appsettings.json");

    [Fact]
    public void Keys_are_flattened_with_colons_and_arrays_by_index()
    {
        var keys = Secrets.Configuration.Where(c => c.File == "appsettings.json").Select(c => c.Key).ToList();
        Assert.Equal(
            [
                "ConnectionStrings:Default", "ConnectionStrings:Redis", "ConnectionStrings:Events",
                "Jwt:Key", "Jwt:Issuer", "Jwt:TokenLifetimeMinutes",
                "Logging:LogLevel:Default", "Logging:LogLevel:Microsoft.AspNetCore",
                "AllowedHosts", "Cors:Origins:0", "Cors:Origins:1", "Features:Retry", "Features:UseOutbox",
            ],
            keys);
    }

    [Fact]
    public void Each_key_carries_the_line_of_its_name()
    {
        Assert.Equal(4, Key("ConnectionStrings:Default").Line);
        Assert.Equal(9, Key("Jwt:Key").Line);
        Assert.Equal(15, Key("Logging:LogLevel:Default").Line);
        Assert.Equal(21, Key("Cors:Origins:1").Line);
    }

    [Fact]
    public void Connection_strings_keep_host_and_database_but_lose_passwords()
    {
        var entry = Key("ConnectionStrings:Default");
        Assert.True(entry.IsSecret);
        Assert.Contains("Server=db;Database=orders", entry.Value);
        Assert.DoesNotContain("Sup3rS3cretPw!", entry.Value);
        Assert.DoesNotContain("RedisPa55word", Key("ConnectionStrings:Redis").Value);
        Assert.Equal("amqp://guest:****@rabbit:5672/", Key("ConnectionStrings:Events").Value);
    }

    [Fact]
    public void Secret_looking_keys_are_masked_and_others_kept()
    {
        Assert.Equal("T****0", Key("Jwt:Key").Value);
        Assert.True(Key("Jwt:Key").IsSecret);
        Assert.Equal("https://orders.example.com", Key("Jwt:Issuer").Value);
        Assert.False(Key("Jwt:Issuer").IsSecret);
        Assert.Equal("Information", Key("Logging:LogLevel:Default").Value);
        Assert.Equal("true", Key("Features:UseOutbox").Value);
        Assert.Null(Key("Features:Retry").Value);
        var stripe = Assert.Single(Secrets.Configuration, c => c.Key == "Stripe:ApiKey");
        Assert.Equal("appsettings.Development.json", stripe.File);
        Assert.True(stripe.IsSecret);
    }

    [Fact]
    public void Launch_settings_are_not_configuration()
    {
        Assert.DoesNotContain(Secrets.Configuration, c => c.File.EndsWith("launchSettings.json", StringComparison.Ordinal));
    }

    [Fact]
    public void No_raw_secret_reaches_the_json_report()
    {
        var json = JsonReport.Render(Secrets);
        string[] secrets =
        [
            "Sup3rS3cretPw!", "RedisPa55word", "RabbitPa55", "ThisIsTheJwtSigningKeyValue1234567890", "sk_test_51HxStripeDevKeyValue",
            "ComposeSqlPw99", "ComposeJwtKeyValue123456", "ComposeSaPw77", "UrlPw4242", "ComposeDefaultPw55",
        ];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Invalid_json_gives_a_diagnostic_with_its_line_and_no_keys()
    {
        var model = ScanEngine.Scan(Paths.Fixture("config", "invalid"));

        Assert.Empty(model.Configuration);
        var diagnostic = Assert.Single(model.Diagnostics, d => d.File == "appsettings.json");
        Assert.Equal(7, diagnostic.Line);
        Assert.Contains("invalid JSON", diagnostic.Message);
        Assert.DoesNotContain("BrokenFilePw1", JsonReport.Render(model), StringComparison.Ordinal);
    }
}
