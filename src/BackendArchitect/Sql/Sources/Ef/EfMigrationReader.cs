using System.Collections.Immutable;
using System.Text.RegularExpressions;
using BackendArchitect.CSharp;
using BackendArchitect.Model;
using BackendArchitect.Sql.Ast;
using BackendArchitect.Sql.Replay;
using BackendArchitect.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Sql.Sources.Ef;

/// <summary>
/// Reads EF Core migrations (classes deriving from Migration with an Up(MigrationBuilder) method) into
/// migrations of SQL statements: each builder call becomes the DDL its provider runs, Sql("...") is parsed
/// in the provider's dialect, and every statement, column and ALTER action carries the line of the C# it comes from.
/// </summary>
public static partial class EfMigrationReader
{
    public static IEnumerable<MigrationSet> Discover(WorkspaceSnapshot ws, SqlDialect? dialect, ICollection<Diagnostic> diagnostics)
    {
        var candidates = ws.OfKind(FileKind.CSharp)
            .Where(f => !f.IsGenerated && f.Text.Contains("MigrationBuilder", StringComparison.Ordinal) && f.Text.Contains("Migration", StringComparison.Ordinal))
            .ToList();
        foreach (var file in candidates.ToArray())
        {
            if (NestingDepth.TooDeep(file, "the migrations in it are not read") is { } tooDeep)
            {
                diagnostics.Add(LintInputs.NotLinted(tooDeep));
                candidates.Remove(file);
            }
        }

        if (candidates.Count == 0)
        {
            yield break;
        }

        var byPath = ws.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        foreach (var folder in candidates.GroupBy(f => f.Directory, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var parsed = new List<(string Id, SourceFile File, ClassDeclarationSyntax Class)>();
            foreach (var file in folder)
            {
                var root = CSharpTrees.Of(file).GetCompilationUnitRoot();
                foreach (var type in root.DescendantNodes().OfType<ClassDeclarationSyntax>().Where(IsMigration))
                {
                    parsed.Add((MigrationId(file, type, byPath), file, type));
                }
            }

            if (parsed.Count == 0)
            {
                continue;
            }

            var (resolved, reason) = dialect is { } forced && forced != SqlDialect.Unknown ? (forced, "as --dialect says") : ProviderOf(ws, folder.Key, folder);
            var snapshot = ws.Files.FirstOrDefault(f => f.Directory == folder.Key && f.FileName.EndsWith("ModelSnapshot.cs", StringComparison.Ordinal));
            var migrations = parsed
                .OrderBy(p => p.Id, StringComparer.Ordinal)
                .Select(p => Read(p.Id, p.File, p.Class, resolved, diagnostics))
                .ToImmutableArray();
            yield return new MigrationSet(folder.Key, "ef-core", resolved, migrations) { Snapshot = snapshot, DialectReason = reason };
        }
    }

    /// <summary>A class whose base list names Migration and that overrides Up(MigrationBuilder).</summary>
    private static bool IsMigration(ClassDeclarationSyntax type) =>
        type.BaseList?.Types.Any(t => t.Type.ToString() is "Migration" or "Microsoft.EntityFrameworkCore.Migrations.Migration") == true
        && type.Members.OfType<MethodDeclarationSyntax>().Any(m => m.Identifier.ValueText == "Up");

    /// <summary>The [Migration("id")] attribute (usually in the .Designer.cs), else the file name.</summary>
    private static string MigrationId(SourceFile file, ClassDeclarationSyntax type, IReadOnlyDictionary<string, SourceFile> byPath)
    {
        foreach (var list in type.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (attribute.Name.ToString().EndsWith("Migration", StringComparison.Ordinal)
                    && attribute.ArgumentList?.Arguments.FirstOrDefault()?.Expression is { } argument
                    && EfCall.Literal(argument) is { } id)
                {
                    return id;
                }
            }
        }

        var designerPath = file.Path[..^3] + ".Designer.cs";
        if (byPath.TryGetValue(designerPath, out var designer)
            && MigrationAttribute().Match(designer.Text) is { Success: true } match)
        {
            return match.Groups[1].Value;
        }

        return Path.GetFileNameWithoutExtension(file.FileName);
    }

    /// <summary>
    /// The provider: a package reference of the project holding the folder (or a project it references),
    /// else the folder name, else provider annotations and store types in the migrations.
    /// </summary>
    public static (SqlDialect Dialect, string Reason) ProviderOf(WorkspaceSnapshot ws, string directory, IEnumerable<SourceFile> files)
    {
        var projects = ws.OfKind(FileKind.Project)
            .Where(p => p.Path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
                && (p.Directory == "." || directory == p.Directory || directory.StartsWith(p.Directory + "/", StringComparison.Ordinal)))
            .OrderByDescending(p => p.Directory.Length)
            .Take(1)
            .ToList();
        var ignored = new List<Diagnostic>();
        foreach (var project in projects)
        {
            if (ProjectFile.Parse(project, ignored) is { } parsed && FromPackages(parsed.PackageReferences) is { } fromPackages)
            {
                return (fromPackages, $"as the EF Core provider package of {project.Path} says");
            }
        }

        var fromPath = MigrationSources.PathDialect(ws.Root + "/" + directory);
        if (fromPath != SqlDialect.Unknown)
        {
            return (fromPath, "as the folder's name says");
        }

        var text = string.Concat(files.Take(20).Select(f => f.Text));
        var fromAnnotations = text switch
        {
            _ when text.Contains("Npgsql:", StringComparison.Ordinal) || text.Contains("\"uuid\"", StringComparison.Ordinal) => SqlDialect.PostgreSql,
            _ when text.Contains("MySql:", StringComparison.Ordinal) || text.Contains("\"longtext\"", StringComparison.Ordinal) => SqlDialect.MySql,
            _ when text.Contains("SqlServer:", StringComparison.Ordinal) || text.Contains("\"nvarchar", StringComparison.Ordinal) => SqlDialect.SqlServer,
            _ when text.Contains("Sqlite:", StringComparison.Ordinal) || text.Contains("\"INTEGER\"", StringComparison.Ordinal) => SqlDialect.Sqlite,
            _ => SqlDialect.Unknown,
        };
        return fromAnnotations == SqlDialect.Unknown
            ? (SqlDialect.SqlServer, "assumed: no provider package, folder name or provider annotation says (EF Core's default is SQL Server)")
            : (fromAnnotations, "as the provider annotations and column types in the migrations say");
    }

    public static SqlDialect? FromPackages(IEnumerable<string> packages)
    {
        foreach (var package in packages)
        {
            switch (package)
            {
                case "Npgsql.EntityFrameworkCore.PostgreSQL":
                    return SqlDialect.PostgreSql;
                case "Pomelo.EntityFrameworkCore.MySql" or "MySql.EntityFrameworkCore" or "MySql.Data.EntityFrameworkCore":
                    return SqlDialect.MySql;
                case "Microsoft.EntityFrameworkCore.Sqlite" or "Microsoft.EntityFrameworkCore.Sqlite.Core":
                    return SqlDialect.Sqlite;
                case "Microsoft.EntityFrameworkCore.SqlServer":
                    return SqlDialect.SqlServer;
            }
        }

        return null;
    }

    private static Migration Read(string id, SourceFile file, ClassDeclarationSyntax type, SqlDialect dialect, ICollection<Diagnostic> diagnostics)
    {
        var writer = new EfSqlWriter(dialect);
        var statements = ImmutableArray.CreateBuilder<SqlStatement>();
        var inTransaction = true;
        var up = type.Members.OfType<MethodDeclarationSyntax>().First(m => m.Identifier.ValueText == "Up");
        var parameter = up.ParameterList.Parameters.FirstOrDefault()?.Identifier.ValueText ?? "migrationBuilder";
        var body = (SyntaxNode?)up.Body ?? up.ExpressionBody;
        if (body is null)
        {
            return new Migration(id, file.Path, [], true);
        }

        foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax member
                || member.Expression is not IdentifierNameSyntax receiver
                || receiver.Identifier.ValueText != parameter)
            {
                continue;
            }

            var method = member.Name.Identifier.ValueText;
            var call = EfSqlWriter.Call(invocation, method);
            var line = call.Line;
            if (method == "Sql")
            {
                inTransaction &= call.Bool("suppressTransaction") != true;
                if (call.String("sql") is not { } sql)
                {
                    diagnostics.Add(new Diagnostic(file.Path, line, "migrationBuilder.Sql argument is not a constant string; its statements are not replayed"));
                    continue;
                }

                // The statements of the string land on the lines they are written on in the C# file.
                var lines = EfStatementLines.OfLiteral(call.Argument("sql"), sql) ?? [line];
                var result = MigrationSources.Parse(file.Path, sql, dialect);
                foreach (var d in result.Diagnostics)
                {
                    diagnostics.Add(d with { Line = lines[Math.Clamp(d.Line, 1, lines.Count) - 1] });
                }

                statements.AddRange(result.Statements.Select(s => EfStatementLines.Relocate(s, lines)));
                continue;
            }

            if (EfSqlWriter.NoSchemaChange.Contains(method))
            {
                continue;
            }

            if (!EfSqlWriter.Knows(method))
            {
                diagnostics.Add(new Diagnostic(file.Path, line, $"migrationBuilder.{method} is not an EF Core operation the replay knows; its effect is not replayed"));
                continue;
            }

            if (writer.Write(call) is not { } rendered)
            {
                continue;
            }

            var parsed = MigrationSources.Parse(file.Path, rendered.Text, dialect);
            foreach (var d in parsed.Diagnostics)
            {
                diagnostics.Add(d with { Line = line, Message = $"{method}: {d.Message}" });
            }

            statements.AddRange(parsed.Statements.Select(s => EfStatementLines.Relocate(s, rendered.Lines) with { Text = rendered.Text, EfOperation = method }));
        }

        return new Migration(id, file.Path, statements.ToImmutable(), inTransaction);
    }

    [GeneratedRegex(@"\[Migration\(\s*""([^""]+)""\s*\)\]")]
    private static partial Regex MigrationAttribute();
}
