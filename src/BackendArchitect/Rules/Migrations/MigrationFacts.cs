using BackendArchitect.Findings;
using BackendArchitect.Model;
using BackendArchitect.Sql;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;

namespace BackendArchitect.Rules.Migrations;

/// <summary>Questions several migration rules ask about a replayed statement: its migration's transaction, earlier settings, lines and code uses.</summary>
internal static class MigrationFacts
{
    /// <summary>PostgreSQL rules also run when the dialect could not be told, since the detector falls back to PostgreSQL.</summary>
    public static bool IsPostgres(MigrationLintContext context) => context.Dialect is SqlDialect.PostgreSql or SqlDialect.Unknown;

    public static Finding Report(IRule rule, ReplayStep step, int line, string message, string fix, Severity? severity = null) =>
        new(rule.Metadata.Code, severity ?? rule.Metadata.DefaultSeverity, message, step.Migration.File, line > 0 ? line : step.Statement.Line, 1, fix);

    /// <summary>The line of one ALTER TABLE action, so a multi-line ALTER points at the risky action.</summary>
    public static int LineOf(ReplayStep step, AlterTableAction action) => action.Line > 0 ? action.Line : step.Statement.Line;

    /// <summary>The statements of the same migration before this one.</summary>
    public static IEnumerable<SqlStatement> Earlier(ReplayStep step)
    {
        foreach (var statement in step.Migration.Statements)
        {
            if (ReferenceEquals(statement, step.Statement))
            {
                yield break;
            }

            yield return statement;
        }
    }

    /// <summary>The statements of the same migration after this one.</summary>
    public static IEnumerable<SqlStatement> Later(ReplayStep step) =>
        step.Migration.Statements.SkipWhile(s => !ReferenceEquals(s, step.Statement)).Skip(1);

    /// <summary>
    /// True when the statement runs inside a transaction: its tool wraps the migration in one (EF Core unless
    /// suppressTransaction, Flyway on PostgreSQL), or the file opened one with BEGIN that is still open.
    /// </summary>
    public static bool RunsInTransaction(ReplayStep step)
    {
        if (step.Migration.InTransaction == true)
        {
            return true;
        }

        var open = false;
        foreach (var statement in Earlier(step))
        {
            if (statement is TransactionStatement transaction)
            {
                open = transaction.Kind switch
                {
                    TransactionKind.Begin => true,
                    TransactionKind.Commit or TransactionKind.Rollback => false,
                    _ => open,
                };
            }
        }

        return open;
    }

    /// <summary>Where the transaction comes from, for messages.</summary>
    public static string TransactionSource(ReplayStep step) =>
        step.Migration.InTransaction == true ? "the migration tool runs this migration in a transaction" : "an explicit BEGIN earlier in the file is still open";

    public static string Display(ReplayStep step, QualifiedName name) => step.Naming.DisplayName(name);

    public static Column? ColumnBefore(ReplayStep step, QualifiedName table, string column) =>
        step.TableBefore(table)?.FindColumn(column, step.Naming.ColumnComparer);

    /// <summary>The code locations that use a table ("orders") or a column ("orders.customer_id"), sorted.</summary>
    public static IReadOnlyList<SourceLocation> CodeUses(MigrationLintContext context, string key)
    {
        if (context.CodeReferences.Count == 0)
        {
            return [];
        }

        if (context.CodeReferences.TryGetValue(key, out var exact))
        {
            return Sorted(exact);
        }

        foreach (var (name, locations) in context.CodeReferences)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                return Sorted(locations);
            }
        }

        return [];
    }

    /// <summary>" Code still uses it at a.cs:3, b.cs:9." or "" when nothing is known; lists at most five places.</summary>
    public static string DescribeUses(IReadOnlyList<SourceLocation> uses)
    {
        if (uses.Count == 0)
        {
            return "";
        }

        var shown = string.Join(", ", uses.Take(5));
        var more = uses.Count > 5 ? $" and {uses.Count - 5} more" : "";
        return $" Code still uses it at {shown}{more}.";
    }

    /// <summary>The table whose index has this name in the schema before the statement, or null.</summary>
    public static QualifiedName? TableOfIndex(ReplayStep step, QualifiedName index, QualifiedName? onTable)
    {
        if (onTable is not null)
        {
            return onTable;
        }

        foreach (var table in step.SchemaBefore.Tables.Values)
        {
            if (table.Indexes.Any(i => step.Naming.ColumnComparer.Equals(i.Name, index.Name))
                || table.Uniques.Any(u => step.Naming.ColumnComparer.Equals(u.Name, index.Name)))
            {
                var dot = table.Name.IndexOf('.', StringComparison.Ordinal);
                return dot < 0 ? new QualifiedName(null, table.Name) : new QualifiedName(table.Name[..dot], table.Name[(dot + 1)..]);
            }
        }

        return null;
    }

    private static List<SourceLocation> Sorted(IEnumerable<SourceLocation> locations) =>
        [.. locations.Distinct().OrderBy(l => l.File, StringComparer.Ordinal).ThenBy(l => l.Line)];
}
