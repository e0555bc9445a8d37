using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using BackendArchitect.Model;
using BackendArchitect.Sql.Ast;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace BackendArchitect.Sql.TSql;

/// <summary>
/// Reads a T-SQL script with ScriptDom into the shared statement model (dialect SqlServer). The script is
/// split at GO lines first so one broken batch never loses the others; DDL nested in IF, BEGIN...END,
/// TRY...CATCH and EXEC('...') is read too. Parse errors become diagnostics, never exceptions.
/// </summary>
public static partial class TSqlReader
{
    public static SqlParseResult Parse(string file, string text)
    {
        var statements = ImmutableArray.CreateBuilder<SqlStatement>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var (batch, firstLine) in SplitBatches(text))
        {
            if (!string.IsNullOrWhiteSpace(batch))
            {
                ReadBatch(file, batch, firstLine, null, statements, diagnostics, 0);
            }
        }

        return new SqlParseResult(file, SqlDialect.SqlServer, statements.ToImmutable(), diagnostics.ToImmutable());
    }

    /// <summary>True when the text looks like T-SQL: GO batch lines, [dbo]. names, NVARCHAR or IDENTITY(1,1).</summary>
    public static bool LooksLikeTSql(string text)
    {
        var score = 0;
        if (GoLine().IsMatch(text))
        {
            score += 2;
        }

        if (text.Contains("[dbo].", StringComparison.OrdinalIgnoreCase))
        {
            score += 2;
        }

        if (text.Contains("NVARCHAR", StringComparison.OrdinalIgnoreCase))
        {
            score++;
        }

        if (text.Contains("IDENTITY(1", StringComparison.OrdinalIgnoreCase) || text.Contains("IDENTITY (1", StringComparison.OrdinalIgnoreCase))
        {
            score++;
        }

        if (text.Contains("UNIQUEIDENTIFIER", StringComparison.OrdinalIgnoreCase) || text.Contains("OBJECT_ID(", StringComparison.OrdinalIgnoreCase))
        {
            score++;
        }

        return score >= 2;
    }

    /// <summary>Splits at lines holding only GO (optionally "GO;" or "GO 5"), keeping each batch's first line.</summary>
    public static IEnumerable<(string Text, int FirstLine)> SplitBatches(string text)
    {
        var builder = new StringBuilder();
        var line = 1;
        var first = 1;
        var inComment = false;
        foreach (var raw in text.Split('\n'))
        {
            var separator = !inComment && GoLine().IsMatch(raw);
            inComment = EndsInBlockComment(raw, inComment);
            if (separator)
            {
                yield return (builder.ToString(), first);
                builder.Clear();
                first = line + 1;
            }
            else
            {
                builder.Append(raw).Append('\n');
            }

            line++;
        }

        yield return (builder.ToString(), first);
    }

    /// <summary>Tracks /* */ across lines (outside strings and -- comments), since GO inside a block comment separates nothing.</summary>
    private static bool EndsInBlockComment(string line, bool inComment)
    {
        var inString = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var next = i + 1 < line.Length ? line[i + 1] : '\0';
            if (inComment)
            {
                if (c == '*' && next == '/')
                {
                    inComment = false;
                    i++;
                }
            }
            else if (inString)
            {
                inString = c != '\'';
            }
            else if (c == '\'')
            {
                inString = true;
            }
            else if (c == '-' && next == '-')
            {
                break;
            }
            else if (c == '/' && next == '*')
            {
                inComment = true;
                i++;
            }
        }

        return inComment;
    }

    private static void ReadBatch(
        string file,
        string batch,
        int firstLine,
        int? atLine,
        ImmutableArray<SqlStatement>.Builder statements,
        ImmutableArray<Diagnostic>.Builder diagnostics,
        int depth)
    {
        // A routine must be alone in its batch, and nothing the schema model or the migration rules
        // read lives in its body; parsing it with ScriptDom is most of the time a large T-SQL
        // project costs, so the batch is kept whole by its head.
        if (RoutineHead().Match(batch) is { Success: true } head)
        {
            var start = head.Groups["words"].Index;
            var line = firstLine + batch.AsSpan(0, start).Count('\n');
            var keywords = head.Groups["first"].Value.ToUpperInvariant() + " " + head.Groups["second"].Value.ToUpperInvariant();
            statements.Add(new OtherStatement(keywords) { Text = batch[start..].Trim(), Line = atLine ?? line });
            return;
        }

        var parser = new TSql160Parser(true);
        TSqlFragment? fragment;
        IList<ParseError> errors;
        try
        {
            using var reader = new StringReader(batch);
            fragment = parser.Parse(reader, out errors);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Add(new Diagnostic(file, atLine ?? firstLine, "T-SQL batch not understood: " + e.Message));
            return;
        }

        if (errors.Count > 0)
        {
            foreach (var error in errors.Take(3))
            {
                diagnostics.Add(new Diagnostic(file, atLine ?? (firstLine + error.Line - 1), "T-SQL parse error: " + error.Message));
            }

            statements.Add(new OtherStatement("BATCH") { Text = batch.Trim(), Line = atLine ?? firstLine, IsPartial = true });
            return;
        }

        if (fragment is not TSqlScript script)
        {
            return;
        }

        var context = new Context(file, firstLine, atLine, statements, diagnostics, depth);
        foreach (var b in script.Batches)
        {
            foreach (var statement in b.Statements)
            {
                context.Visit(statement);
            }
        }
    }

    /// <summary>CREATE, ALTER or CREATE OR ALTER of a procedure, function or trigger, after any comments.</summary>
    [GeneratedRegex(@"\A(?:\s|--[^\n]*|/\*(?s:.*?)\*/)*(?<words>(?<first>CREATE|ALTER)\s+(?:(?<second>OR)\s+ALTER\s+(?:PROC|PROCEDURE|FUNCTION|TRIGGER)|(?<second>PROC|PROCEDURE|FUNCTION|TRIGGER))\b)", RegexOptions.IgnoreCase)]
    private static partial Regex RoutineHead();

    [GeneratedRegex(@"^\s*GO\s*;?\s*(\d+\s*)?(--.*)?\r?$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex GoLine();
}
