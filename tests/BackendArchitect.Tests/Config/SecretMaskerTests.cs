using BackendArchitect.Config;

namespace BackendArchitect.Tests.Config;

/// <summary>Which keys count as secret, and what masking keeps.</summary>
public sealed class SecretMaskerTests
{
    [Theory]
    [InlineData("Jwt:Key")]
    [InlineData("JWT__KEY")]
    [InlineData("Stripe:ApiKey")]
    [InlineData("Auth:ClientSecret")]
    [InlineData("POSTGRES_PASSWORD")]
    [InlineData("RABBITMQ_DEFAULT_PASS")]
    [InlineData("ConnectionStrings__Default")]
    [InlineData("Storage:AccountKey")]
    public void Secret_keys_are_recognised(string key)
    {
        Assert.True(SecretMasker.IsSecretKey(key));
    }

    [Theory]
    [InlineData("Jwt:Issuer")]
    [InlineData("Jwt:TokenLifetimeMinutes")]
    [InlineData("Security:ApiKeyHeaderName")]
    [InlineData("Identity:PasswordMinLength")]
    [InlineData("DB_PASSWORD_FILE")]
    [InlineData("Cache:KeyPrefix")]
    [InlineData("Logging:LogLevel:Default")]
    public void Settings_about_secrets_are_not_secrets(string key)
    {
        Assert.False(SecretMasker.IsSecretKey(key));
    }

    [Fact]
    public void Masking_keeps_at_most_the_first_and_last_character()
    {
        Assert.Equal("s****t", SecretMasker.Mask("supersecret"));
        Assert.Equal("****", SecretMasker.Mask("abc123"));
    }

    [Fact]
    public void Values_that_are_secrets_under_any_key_are_masked()
    {
        const string jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        Assert.Equal("e****U", SecretMasker.MaskValue("Demo:Sample", jwt));
        Assert.Equal("postgres://app:****@db:5432/shop", SecretMasker.MaskValue("DATABASE_URL", "postgres://app:pw123456@db:5432/shop"));
        Assert.Equal("Host=db;Database=shop;Password=p****6", SecretMasker.MaskValue("Anything", "Host=db;Database=shop;Password=pw123456"));
        Assert.Equal("Production", SecretMasker.MaskValue("ASPNETCORE_ENVIRONMENT", "Production"));
    }

    [Fact]
    public void Connection_values_keep_host_lists_and_mask_opaque_values()
    {
        Assert.Equal("localhost:6379", SecretMasker.MaskConnectionValue("localhost:6379"));
        Assert.Equal("redis-1:6379, redis-2:6379", SecretMasker.MaskConnectionValue("redis-1:6379, redis-2:6379"));
        Assert.Equal("A****=", SecretMasker.MaskConnectionValue("AbCdEfGhIjKlMnOpQrStUv123456=="));
        Assert.Equal("Data Source=app.db", SecretMasker.MaskConnectionValue("Data Source=app.db"));
        Assert.Equal("redis:6379,password=R****d", SecretMasker.MaskConnectionValue("redis:6379,password=RedisPa55word"));
    }
}
