using BackendArchitect.Config;

namespace BackendArchitect.Tests.Config;

/// <summary>SQL literals masked by the column they are given to, and identifiers and harmless literals kept.</summary>
public sealed class SqlSecretMaskerTests
{
    [Fact]
    public void Insert_values_are_masked_by_their_column_in_every_row()
    {
        var sql = "INSERT INTO users (name, password) VALUES ('ann', 'Zt5Hn2Xq8Mv4'), ('bob', 'Qw3Er5Ty7Ui9');";

        Assert.Equal("INSERT INTO users (name, password) VALUES ('ann', 'Z****4'), ('bob', 'Q****9');", SqlSecretMasker.Mask(sql));
    }

    [Fact]
    public void Insert_columns_named_lines_above_their_values_still_mask_them()
    {
        var sql = "INSERT INTO credentials (id, login, passwd)\nVALUES (1, 'ops', 'Bn6Tr2Wq8Lz4');\nSELECT 'Bn6Tr2';";

        Assert.Equal("INSERT INTO credentials (id, login, passwd)\nVALUES (1, 'ops', 'B****4');\nSELECT 'Bn6Tr2';", SqlSecretMasker.Mask(sql));
    }

    [Fact]
    public void Assignments_and_defaults_of_secret_columns_are_masked()
    {
        Assert.Equal("UPDATE users SET password = 'a****h' WHERE name = 'ann';", SqlSecretMasker.Mask("UPDATE users SET password = 'abcdefgh' WHERE name = 'ann';"));
        Assert.Equal(
            "CREATE TABLE t (id int, api_token text DEFAULT 'a****h', status text DEFAULT 'active');",
            SqlSecretMasker.Mask("CREATE TABLE t (id int, api_token text DEFAULT 'abcdefgh', status text DEFAULT 'active');"));
        Assert.Equal("ALTER TABLE t ALTER COLUMN password SET DEFAULT 'a****h';", SqlSecretMasker.Mask("ALTER TABLE t ALTER COLUMN password SET DEFAULT 'abcdefgh';"));
    }

    [Fact]
    public void Literals_that_are_secrets_by_shape_are_masked_under_any_column()
    {
        Assert.Equal("INSERT INTO t (note) VALUES ('s****n');", SqlSecretMasker.Mask("INSERT INTO t (note) VALUES ('sk_live_51S2G8NPRVdD53X83RZJzzzzgEOzdmen');"));
    }

    [Fact]
    public void Identifiers_and_harmless_text_are_kept_and_lines_stay_in_place()
    {
        const string sql = "CREATE INDEX ix_users_password_reset_token ON users (password_reset_token);\n-- a note\nCOMMENT ON COLUMN users.password IS 'hashed';";

        Assert.Equal(sql, SqlSecretMasker.Mask(sql));
        Assert.Equal(3, SqlSecretMasker.Mask("UPDATE users SET password = 'line one\nline two';\nSELECT 1;").Split('\n').Length);
    }

    [Fact]
    public void Column_defaults_are_masked_by_the_column_name()
    {
        Assert.Equal("'x****4'::text", SqlSecretMasker.MaskDefault("password", "'x1y2z3w4'::text"));
        Assert.Equal("'active'::text", SqlSecretMasker.MaskDefault("status", "'active'::text"));
    }
}
