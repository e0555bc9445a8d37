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

    [Theory]
    [InlineData("ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d")]
    [InlineData("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")]
    [InlineData("AKIA53EFR4EDT2SYWB3W")]
    [InlineData("vo/hBKqFYY/kv5ZJr3J1TWDtkwtDDb+xHKas1VOq")]
    [InlineData("sk_live_51S2G8NPRVdD53X83RZJzzzzgEOzdmen")]
    [InlineData("sk_test_51S2G8NPRVdD53X83RZJzzzzgEOzdmen")]
    [InlineData("rk_live_51CkhvMdgaKjIg8xNbe3nNyjOq9wMxEh")]
    [InlineData("xoxb-177774121547-2803852808414-Hx6kwXoIIXGvOoNZYW2mZp0z")]
    [InlineData("AIzaz9w3QlY7Zkuvqdt7s8Stqcbnr3yBdGBLEPH")]
    [InlineData("58m8Q~5r1pY4OjE2jBMptUsGr7CmY_uCu3ZR1zTO")]
    [InlineData("i2vVIQ/ovVrldamV0OeEa9Pq4IAhiCaGggTfcMYumwHGzCYsJHmeuR6OD1OuhIeOe8jGG+KPDj8wRgrFGYFzjw==")]
    [InlineData("B8Lk6RBxU5z5gZuDM7FGc4KIznqB8T+yheDg8e1C7I8=")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----")]
    public void Values_are_masked_by_their_shape_under_a_neutral_key(string value)
    {
        var masked = SecretMasker.MaskValue("Integrations:Value", value);

        Assert.Equal(SecretMasker.Mask(value), masked);
    }

    [Theory]
    [InlineData("ghp_ is the prefix of a GitHub token")]
    [InlineData("ghp_short")]
    [InlineData("sk_test_xxx")]
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c3301")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("https://api.example.com/v1/orders?page=2&sort=created")]
    [InlineData("/var/lib/app/data/OrdersService2024/cache")]
    [InlineData("src/Orders/Infrastructure/Persistence2/Migrations")]
    [InlineData("api/v{version:apiVersion}/orders/{orderId:guid}/items")]
    [InlineData("MyCompany.Orders.Infrastructure.Persistence.OrdersDbContext")]
    [InlineData("OrdersServiceConfigurationOptions2024")]
    [InlineData("10.0.100-rc.2.25502.107")]
    [InlineData("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("Server=db;Database=shop;Trusted_Connection=True")]
    [InlineData("orders-db.internal.example.com:5432")]
    [InlineData("AKIA is how AWS access key ids start")]
    public void Ordinary_values_that_resemble_secrets_are_kept(string value)
    {
        Assert.Equal(value, SecretMasker.MaskValue("Integrations:Value", value));
    }

    [Fact]
    public void Secrets_inside_text_are_masked_and_the_text_around_them_kept()
    {
        Assert.Equal("Bearer g****d", SecretMasker.MaskText("Bearer ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d"));
        Assert.Equal("https://feeds.example.com/items?format=json&api_key=F****b", SecretMasker.MaskText("https://feeds.example.com/items?format=json&api_key=Fq83Lmz0Pw71Ksd02Nvb"));
        Assert.Equal("https://hooks.slack.com/services/T****Y", SecretMasker.MaskText("https://hooks.slack.com/services/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"));
        Assert.Equal("amqp://shop:****@queue:5672/", SecretMasker.MaskText("amqp://shop:Rb6tYh3Nq8Ws@queue:5672/"));
        Assert.Equal("\"Host=db;Password=W****e\"", SecretMasker.MaskText("\"Host=db;Password=Wd4nC8sKz1Qe\""));
        Assert.Equal("key = 1 and token = null", SecretMasker.MaskText("key = 1 and token = null"));
        Assert.Equal("builder.Password = Uri.UnescapeDataString(user[1]);", SecretMasker.MaskText("builder.Password = Uri.UnescapeDataString(user[1]);"));
        Assert.Equal("public void Explain_of_an_unknown_rule_is_one_line_on_stderr_and_exit_code_2()", SecretMasker.MaskText("public void Explain_of_an_unknown_rule_is_one_line_on_stderr_and_exit_code_2()"));
    }
}
