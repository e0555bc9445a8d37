using System.Collections.Immutable;
using System.Text;
using BackendArchitect.Model;
using BackendArchitect.Sql.Replay;
using BackendArchitect.Sql.Sources.Ef;
using BackendArchitect.Sql.TSql;
using BackendArchitect.Workspace;

namespace BackendArchitect.Sql.Sources;

/// <summary>
/// Finds the migration sets of a workspace: SSDT database projects, folders of .sql files (Flyway,
/// golang-migrate, dbmate, DbUp, numbered or dated scripts) and EF Core migration folders, each ordered
/// the way its tool orders it.
/// </summary>
public static class MigrationSources
{
    public static ImmutableArray<MigrationSet> Discover(WorkspaceSnapshot ws, SqlDialect? dialect, ICollection<Diagnostic> diagnostics)
    {
        var sets = new List<MigrationSet>();
        var usesDbUp = ws.OfKind(FileKind.CSharp).Any(f => !f.IsGenerated && f.Text.Contains("DeployChanges.To", StringComparison.Ordinal));
        var sqlFiles = ws.OfKind(FileKind.Sql).ToList();
        foreach (var project in SsdtProject.Find(ws))
        {
            var own = sqlFiles.Where(f => SsdtProject.Contains(project, f)).ToHashSet();
            if (own.Count > 0)
            {
                sqlFiles.RemoveAll(own.Contains);
                sets.Add(SsdtProject.Read(project, own, diagnostics));
            }
        }

        foreach (var folder in sqlFiles.GroupBy(f => f.Directory, StringComparer.Ordinal))
        {
            sets.AddRange(SqlFolder(ws.Root, folder.Key, [.. folder], dialect, usesDbUp, diagnostics));
        }

        sets.AddRange(EfMigrationReader.Discover(ws, dialect, diagnostics));
        return [.. sets.OrderBy(s => s.Directory, StringComparer.Ordinal).ThenBy(s => s.Dialect).ThenBy(s => s.Variant, StringComparer.Ordinal)];
    }

    private static IEnumerable<MigrationSet> SqlFolder(
        string root,
        string directory,
        IReadOnlyList<SourceFile> files,
        SqlDialect? dialect,
        bool usesDbUp,
        ICollection<Diagnostic> diagnostics)
    {
        var named = files
            .Select(f => (File: f, Name: MigrationFileName.Read(f.FileName), Variant: VariantOf(f.FileName)))
            .Where(x => !x.Name.Skipped)
            .ToList();
        if (named.Count == 0)
        {
            yield break;
        }

        // One folder may hold the same migrations for several databases (x.postgres.up.sql, x.cockroach.up.sql,
        // x.mysql.up.sql); files naming no database belong to every one of them.
        var variants = named.Select(x => x.Variant).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (dialect is { } forced && forced != SqlDialect.Unknown && variants.Count > 0)
        {
            // Files written for another database never belong to the forced one.
            named = [.. named.Where(x => x.Variant is null || SqlDialectDetector.FromPath(x.Variant) == forced)];
            variants = [.. variants.Where(v => SqlDialectDetector.FromPath(v) == forced)];
        }

        var groups = new List<(string? Variant, SqlDialect Dialect, List<(SourceFile File, MigrationFileName Name, string? Variant)> Members, string Reason)>();
        if (variants.Count > 0)
        {
            // A version's generic file stands in for the databases that have no file of their own for it
            // (x.up.sql next to x.mysql.up.sql: MySQL runs only the latter), as migration tools pick them.
            string Version(MigrationFileName name) => string.Join('.', name.Version);
            foreach (var v in variants)
            {
                var own = named.Where(x => x.Variant == v).Select(x => Version(x.Name)).ToHashSet(StringComparer.Ordinal);
                groups.Add((v, SqlDialectDetector.FromPath(v), named.Where(x => x.Variant == v || x.Variant is null && !own.Contains(Version(x.Name))).ToList(), $"as its file names say (x.{v}.up.sql)"));
            }
        }
        else
        {
            var (folderDialect, reason) = dialect is { } d && d != SqlDialect.Unknown ? (d, "as --dialect says") : FolderDialect(root + "/" + directory, named.Select(x => x.File));
            groups.Add((null, folderDialect, named, reason));
        }

        foreach (var (variant, groupDialect, members, reason) in groups)
        {
            var kind = KindOf(members.Select(m => m.Name.Kind), members.Select(m => m.File), usesDbUp);
            var ordered = members
                .Order(Comparer<(SourceFile File, MigrationFileName Name, string? Variant)>.Create(
                    (a, b) => MigrationFileName.Compare(a.Name, a.File.FileName, b.Name, b.File.FileName)))
                .ToList();
            // Files parse independently (ScriptDom is the slow part on large T-SQL folders); results keep their order.
            var read = new (Migration Migration, List<Diagnostic> Diagnostics)[ordered.Count];
            Parallel.For(0, ordered.Count, i =>
            {
                var own = new List<Diagnostic>();
                read[i] = (ReadSqlFile(ordered[i].File, kind, groupDialect, own), own);
            });
            foreach (var (_, own) in read)
            {
                foreach (var diagnostic in own)
                {
                    diagnostics.Add(diagnostic);
                }
            }

            yield return new MigrationSet(directory, kind, groupDialect, [.. read.Select(r => r.Migration)]) { Variant = variant, DialectReason = reason };
        }
    }

    /// <summary>The database word of a file name such as x.cockroach.up.sql, or null when it names none.</summary>
    private static string? VariantOf(string fileName)
    {
        var parts = fileName.ToLowerInvariant().Split('.');
        for (var i = parts.Length - 2; i >= 1; i--)
        {
            if (SqlDialectDetector.FromPath(parts[i]) != SqlDialect.Unknown)
            {
                // Tools accept aliases for one database: sqlite and sqlite3, postgres and postgresql.
                return parts[i] switch
                {
                    "sqlite" => "sqlite3",
                    "postgresql" or "pg" or "pgsql" or "psql" => "postgres",
                    "cockroachdb" => "cockroach",
                    var other => other,
                };
            }
        }

        return null;
    }

    private static string KindOf(IEnumerable<string> nameKinds, IEnumerable<SourceFile> files, bool usesDbUp)
    {
        var kinds = nameKinds.ToHashSet(StringComparer.Ordinal);
        if (kinds.Contains("flyway"))
        {
            return "flyway";
        }

        if (kinds.Contains("golang-migrate"))
        {
            return "golang-migrate";
        }

        if (files.Any(f => f.Text.Contains("-- migrate:up", StringComparison.OrdinalIgnoreCase)))
        {
            return "dbmate";
        }

        return usesDbUp ? "dbup" : "numbered";
    }

    /// <summary>Dialect of a folder from its path (postgres/, PostgresMigrations/), else from its files' content; and why.</summary>
    public static (SqlDialect Dialect, string Reason) FolderDialect(string directory, IEnumerable<SourceFile> files)
    {
        var fromPath = PathDialect(directory);
        if (fromPath != SqlDialect.Unknown)
        {
            return (fromPath, "as the folder's name says");
        }

        var sample = new StringBuilder();
        foreach (var file in files.Take(50))
        {
            sample.Append(file.Text.AsSpan(0, Math.Min(file.Text.Length, 20_000))).Append('\n');
        }

        var text = sample.ToString();
        var fromContent = TSqlReader.LooksLikeTSql(text) ? SqlDialect.SqlServer : SqlDialectDetector.FromContent(text);
        return (fromContent, fromContent == SqlDialect.Unknown ? "unknown: neither the folder's name nor its SQL says" : "from the SQL in its files");
    }

    /// <summary>Also reads database names glued to other words in folder names, e.g. PostgresMigrations or MsSql.</summary>
    public static SqlDialect PathDialect(string path)
    {
        var exact = SqlDialectDetector.FromPath(path);
        if (exact != SqlDialect.Unknown)
        {
            return exact;
        }

        var lower = path.ToLowerInvariant();
        return lower switch
        {
            _ when lower.Contains("postgres", StringComparison.Ordinal) || lower.Contains("npgsql", StringComparison.Ordinal) => SqlDialect.PostgreSql,
            _ when lower.Contains("mysql", StringComparison.Ordinal) || lower.Contains("mariadb", StringComparison.Ordinal) => SqlDialect.MySql,
            _ when lower.Contains("sqlite", StringComparison.Ordinal) => SqlDialect.Sqlite,
            _ when lower.Contains("mssql", StringComparison.Ordinal) || lower.Contains("sqlserver", StringComparison.Ordinal) => SqlDialect.SqlServer,
            _ => SqlDialect.Unknown,
        };
    }

    /// <summary>Parses one file in the set's dialect, keeping only dbmate's up sections.</summary>
    public static Migration ReadSqlFile(SourceFile file, string kind, SqlDialect dialect, ICollection<Diagnostic> diagnostics)
    {
        var text = file.Text;
        bool? noTransaction = null;
        if (kind == "dbmate")
        {
            (text, noTransaction) = DbmateUpSection(text);
        }

        var result = Parse(file.Path, text, dialect);
        foreach (var diagnostic in result.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        var id = Path.GetFileNameWithoutExtension(file.FileName);
        return new Migration(id, file.Path, result.Statements, InTransaction(kind, dialect, result.Statements.Length, noTransaction == true));
    }

    /// <summary>Parses SQL text with the reader of its dialect (ScriptDom for SQL Server).</summary>
    public static SqlParseResult Parse(string file, string text, SqlDialect dialect) =>
        dialect == SqlDialect.SqlServer || (dialect == SqlDialect.Unknown && TSqlReader.LooksLikeTSql(text))
            ? TSqlReader.Parse(file, text)
            : SqlParser.Parse(file, text, dialect);

    /// <summary>
    /// Whether the tool wraps each file in one transaction. Flyway does where DDL is transactional (not MySQL);
    /// dbmate does unless "transaction:false"; golang-migrate sends a PostgreSQL file as one multi-statement
    /// query, which PostgreSQL runs as one implicit transaction, and runs other databases' files without one;
    /// DbUp's default is no transaction; plain numbered scripts: unknown.
    /// </summary>
    private static bool? InTransaction(string kind, SqlDialect dialect, int statementCount, bool dbmateNoTransaction) => kind switch
    {
        "flyway" => dialect != SqlDialect.MySql,
        "dbmate" => !dbmateNoTransaction,
        "golang-migrate" => dialect == SqlDialect.PostgreSql && statementCount > 1,
        "dbup" => false,
        _ => null,
    };

    /// <summary>Blanks every line outside "-- migrate:up" sections so line numbers stay those of the file.</summary>
    private static (string Text, bool NoTransaction) DbmateUpSection(string text)
    {
        var lines = text.Split('\n');
        var inUp = !text.Contains("-- migrate:", StringComparison.OrdinalIgnoreCase);
        var noTransaction = false;
        var builder = new StringBuilder(text.Length);
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("-- migrate:up", StringComparison.OrdinalIgnoreCase))
            {
                inUp = true;
                noTransaction |= trimmed.Contains("transaction:false", StringComparison.OrdinalIgnoreCase);
            }
            else if (trimmed.StartsWith("-- migrate:down", StringComparison.OrdinalIgnoreCase))
            {
                inUp = false;
            }

            builder.Append(inUp ? line.TrimEnd('\r') : "").Append('\n');
        }

        return (builder.ToString(), noTransaction);
    }
}
