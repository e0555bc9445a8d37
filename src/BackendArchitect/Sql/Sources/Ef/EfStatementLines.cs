using BackendArchitect.Sql.Ast;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Sql.Sources.Ef;

/// <summary>
/// SQL read from an EF migration (the DDL a builder call stands for, or the string of a Sql() call) is parsed
/// on its own, so its lines count from 1. These helpers map each line of that text to the line of the C# file
/// it came from and move a parsed statement, with its columns, constraints and ALTER actions, onto those lines.
/// </summary>
internal static class EfStatementLines
{
    /// <summary>Moves every line the statement carries through <paramref name="lines"/> (index = SQL line - 1).</summary>
    public static SqlStatement Relocate(SqlStatement statement, IReadOnlyList<int> lines)
    {
        int Map(int line) => line <= 0 || lines.Count == 0 ? line : lines[Math.Min(line, lines.Count) - 1];
        ColumnDefinition Column(ColumnDefinition c) => c with { Line = Map(c.Line) };
        TableConstraint Constraint(TableConstraint c) => c with { Line = Map(c.Line) };
        AlterTableAction Action(AlterTableAction a) => (a switch
        {
            AddColumnAction add => add with { Column = Column(add.Column) },
            ModifyColumnAction modify => modify with { Column = Column(modify.Column) },
            AddConstraintAction add => add with { Constraint = Constraint(add.Constraint) },
            _ => a,
        }) with
        { Line = Map(a.Line) };

        var moved = statement switch
        {
            CreateTableStatement create => create with { Columns = [.. create.Columns.Select(Column)], Constraints = [.. create.Constraints.Select(Constraint)] },
            AlterTableStatement alter => alter with { Actions = [.. alter.Actions.Select(Action)] },
            _ => statement,
        };
        return moved with { Line = Map(statement.Line) };
    }

    /// <summary>
    /// The file line of each line of a string argument's value: a verbatim string keeps its line breaks in the
    /// file, a raw string's content starts on the line after its opening quotes, a regular string's escaped
    /// line breaks all sit on its one line, and a concatenation continues its left part's last line.
    /// Null when the value is not a constant string.
    /// </summary>
    public static IReadOnlyList<int>? OfLiteral(ExpressionSyntax? expression, string value)
    {
        var lines = Lines(expression);
        if (lines is null)
        {
            return null;
        }

        // The value may hold more line breaks than the syntax shows (escaped \n in a regular string).
        var count = value.Count(c => c == '\n') + 1;
        while (lines.Count < count)
        {
            lines.Add(lines[^1]);
        }

        return lines;
    }

    private static List<int>? Lines(ExpressionSyntax? expression)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return TokenLines(literal.Token, literal.Token.ValueText);
            case InterpolatedStringExpressionSyntax interpolated when interpolated.Contents.All(c => c is InterpolatedStringTextSyntax):
                var first = LineOf(interpolated.StringStartToken);
                var verbatim = interpolated.StringStartToken.Text.Contains('@', StringComparison.Ordinal);
                var raw = interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken);
                var text = string.Concat(interpolated.Contents.OfType<InterpolatedStringTextSyntax>().Select(t => t.TextToken.ValueText));
                return Spread(raw ? first + 1 : first, text, verbatim || raw);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                if (Lines(binary.Left) is not { } left || Lines(binary.Right) is not { } right)
                {
                    return null;
                }

                left.AddRange(right.Skip(1));
                return left;
            case ParenthesizedExpressionSyntax parenthesized:
                return Lines(parenthesized.Expression);
            default:
                return null;
        }
    }

    private static List<int> TokenLines(SyntaxToken token, string value) => token.Kind() switch
    {
        SyntaxKind.MultiLineRawStringLiteralToken => Spread(LineOf(token) + 1, value, true),
        SyntaxKind.StringLiteralToken when token.Text.StartsWith('@') => Spread(LineOf(token), value, true),
        _ => Spread(LineOf(token), value, false),
    };

    private static List<int> Spread(int first, string value, bool breaksAreInTheFile)
    {
        var count = value.Count(c => c == '\n') + 1;
        return [.. Enumerable.Range(0, count).Select(i => breaksAreInTheFile ? first + i : first)];
    }

    private static int LineOf(SyntaxToken token) => token.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
}
