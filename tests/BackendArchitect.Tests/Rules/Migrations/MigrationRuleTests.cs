using BackendArchitect.Findings;
using BackendArchitect.Model;
using BackendArchitect.Sql;

namespace BackendArchitect.Tests.Rules.Migrations;

/// <summary>Migration rule behaviour the fixture harness cannot express: tool transactions, code references, severities and messages.</summary>
public sealed class MigrationRuleTests
{
    private const string Init = """
        CREATE TABLE customers (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            email text NOT NULL,
            display_name text
        );
        CREATE TYPE order_status AS ENUM ('pending', 'paid');
        """;

    [Fact]
    public void Concurrent_index_is_reported_when_the_tool_runs_the_migration_in_a_transaction()
    {
        var findings = MigrationRuleTestKit.Lint(
            SqlDialect.PostgreSql,
            null,
            null,
            ("001_init.sql", Init, true),
            ("002_index.sql", "CREATE INDEX CONCURRENTLY ix_customers_email ON customers (email);", true));

        var finding = Assert.Single(findings, f => f.Code == "MIG003");
        Assert.Equal("002_index.sql", finding.File);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("migration tool runs this migration in a transaction", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concurrent_index_is_not_reported_when_the_migration_runs_without_a_transaction()
    {
        var findings = MigrationRuleTestKit.Lint(
            SqlDialect.PostgreSql,
            null,
            null,
            ("001_init.sql", Init, true),
            ("002_index.sql", "CREATE INDEX CONCURRENTLY ix_customers_email ON customers (email);", false));

        Assert.DoesNotContain(findings, f => f.Code is "MIG001" or "MIG003");
    }

    [Fact]
    public void Enum_add_value_fails_before_postgres_12_only_inside_a_tool_transaction()
    {
        var options = new LintOptions(PostgresVersion: 11);
        var inTransaction = MigrationRuleTestKit.Lint(SqlDialect.PostgreSql, options, null, ("001_init.sql", Init, null), ("002_enum.sql", "ALTER TYPE order_status ADD VALUE 'refunded';", true));
        var outside = MigrationRuleTestKit.Lint(SqlDialect.PostgreSql, options, null, ("001_init.sql", Init, null), ("002_enum.sql", "ALTER TYPE order_status ADD VALUE 'refunded';", false));
        var newer = MigrationRuleTestKit.Lint(SqlDialect.PostgreSql, null, null, ("001_init.sql", Init, null), ("002_enum.sql", "ALTER TYPE order_status ADD VALUE 'refunded';", true));

        Assert.Equal(Severity.Error, Assert.Single(inTransaction, f => f.Code == "MIG012").Severity);
        Assert.DoesNotContain(outside, f => f.Code == "MIG012");
        Assert.DoesNotContain(newer, f => f.Code == "MIG012");
    }

    [Fact]
    public void Column_rename_lists_the_code_that_still_uses_the_old_name_and_becomes_an_error()
    {
        var references = new Dictionary<string, IReadOnlyList<SourceLocation>>
        {
            ["customers.display_name"] = [new SourceLocation("src/Api/Customers.cs", 42), new SourceLocation("src/Api/Admin.cs", 7)],
        };

        var findings = MigrationRuleTestKit.Lint(
            SqlDialect.PostgreSql,
            null,
            references,
            ("001_init.sql", Init, null),
            ("002_rename.sql", "ALTER TABLE customers RENAME COLUMN display_name TO full_name;", null));

        var finding = Assert.Single(findings, f => f.Code == "MIG010");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.EndsWith("Code still uses it at src/Api/Admin.cs:7, src/Api/Customers.cs:42.", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_drop_without_known_code_uses_stays_a_warning_and_with_uses_is_an_error()
    {
        var references = new Dictionary<string, IReadOnlyList<SourceLocation>> { ["customers"] = [new SourceLocation("src/Data/AppDbContext.cs", 12)] };
        var unknown = MigrationRuleTestKit.Lint(SqlDialect.PostgreSql, null, null, ("001_init.sql", Init, null), ("002_drop.sql", "DROP TABLE customers;", null));
        var used = MigrationRuleTestKit.Lint(SqlDialect.PostgreSql, null, references, ("001_init.sql", Init, null), ("002_drop.sql", "DROP TABLE customers;", null));

        Assert.Equal(Severity.Warning, Assert.Single(unknown, f => f.Code == "MIG011").Severity);
        var finding = Assert.Single(used, f => f.Code == "MIG011");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("src/Data/AppDbContext.cs:12", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constant_default_rewrites_only_before_postgres_11()
    {
        const string change = "ALTER TABLE customers ADD COLUMN locale text NOT NULL DEFAULT 'en';";
        var old = MigrationRuleTestKit.Lint(SqlDialect.PostgreSql, new LintOptions(PostgresVersion: 10), null, ("001_init.sql", Init, null), ("002_add.sql", change, null));
        var current = MigrationRuleTestKit.Lint(SqlDialect.PostgreSql, new LintOptions(PostgresVersion: 11), null, ("001_init.sql", Init, null), ("002_add.sql", change, null));

        Assert.Contains(old, f => f.Code == "MIG005");
        Assert.DoesNotContain(current, f => f.Code == "MIG005");
    }

    [Fact]
    public void Lock_timeout_rule_is_opt_in()
    {
        const string change = "ALTER TABLE customers ADD COLUMN locale text;";
        var off = MigrationRuleTestKit.Lint(SqlDialect.PostgreSql, null, null, ("001_init.sql", Init, null), ("002_add.sql", change, null));
        var on = MigrationRuleTestKit.Lint(SqlDialect.PostgreSql, new LintOptions(RequireLockTimeout: true), null, ("001_init.sql", Init, null), ("002_add.sql", change, null));

        Assert.DoesNotContain(off, f => f.Code == "MIG015");
        Assert.Contains(on, f => f.Code == "MIG015");
    }

    [Fact]
    public void Action_findings_point_at_the_line_of_the_risky_action_in_a_multi_line_alter()
    {
        const string change = "ALTER TABLE customers\n    ADD COLUMN locale text,\n    ADD COLUMN country text NOT NULL;";
        var findings = MigrationRuleTestKit.Lint(SqlDialect.PostgreSql, null, null, ("001_init.sql", Init, null), ("002_add.sql", change, null));

        Assert.Equal(3, Assert.Single(findings, f => f.Code == "MIG004").Line);
    }

    [Fact]
    public void Every_migration_rule_documents_why_a_safe_form_and_references()
    {
        var rules = RuleCatalog.OfType<IMigrationRule>().ToArray();

        Assert.Subset(rules.Select(r => r.Metadata.Code).ToHashSet(), Enumerable.Range(1, 16).Select(i => $"MIG{i:000}").ToHashSet());
        Assert.All(rules, r =>
        {
            Assert.Equal("migration", r.Metadata.Category);
            Assert.True(r.Metadata.Why.Length > 200, r.Metadata.Code);
            Assert.NotEqual(r.Metadata.Bad, r.Metadata.Good);
            Assert.NotEmpty(r.Metadata.References);
        });
        Assert.Equal(rules.Length, rules.Select(r => r.Metadata.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.Sqlite)]
    public void Broken_and_unusual_statements_do_not_throw(SqlDialect dialect)
    {
        const string broken = """
            ALTER TABLE customers ADD COLUMN;
            ALTER TABLE customers ALTER COLUMN email TYPE;
            DROP INDEX;
            CREATE INDEX ON customers (;
            ALTER TABLE missing_table RENAME COLUMN a TO b;
            ALTER TABLE customers MODIFY COLUMN ghost varchar(10);
            ALTER TYPE missing_type RENAME VALUE 'a' TO 'b';
            DROP TABLE IF EXISTS missing_table;
            COMMIT;
            """;

        var findings = MigrationRuleTestKit.Lint(dialect, new LintOptions(PostgresVersion: 10, RequireLockTimeout: true), null, ("001_init.sql", Init, null), ("002_broken.sql", broken, true));

        Assert.All(findings, f => Assert.StartsWith("MIG", f.Code, StringComparison.Ordinal));
    }
}
