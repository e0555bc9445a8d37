using System.Collections.Concurrent;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp;

/// <summary>
/// Evaluates string expressions that are constant in practice: literals, concatenation,
/// interpolation of constants, <c>nameof</c>, <c>const</c> fields and <c>static readonly</c> strings
/// across files, found by name. Returns null when a part is not constant.
/// </summary>
public sealed class ConstantResolver(CSharpCorpus corpus)
{
    private readonly ConcurrentDictionary<(string Type, string Member), string?> cache = new();

    public string? Evaluate(ExpressionSyntax? expression) => Evaluate(expression, 0);

    private string? Evaluate(ExpressionSyntax? expression, int depth)
    {
        if (expression is null || depth > 16)
        {
            return null;
        }

        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                return literal.Token.ValueText;
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression):
                return literal.Token.ValueText;
            case ParenthesizedExpressionSyntax p:
                return Evaluate(p.Expression, depth + 1);
            case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.AddExpression):
                var left = Evaluate(b.Left, depth + 1);
                var right = left is null ? null : Evaluate(b.Right, depth + 1);
                return left is null || right is null ? null : left + right;
            case InterpolatedStringExpressionSyntax interpolated:
                return Interpolate(interpolated, depth);
            case InvocationExpressionSyntax invocation when invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" }:
                var arg = invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression;
                return arg switch
                {
                    MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
                    SimpleNameSyntax s => s.Identifier.ValueText,
                    _ => null,
                };
            case MemberAccessExpressionSyntax member:
                return Member(SyntaxHelpers.SimpleTypeName(member.Expression.ToString()), member.Name.Identifier.ValueText, depth);
            case IdentifierNameSyntax identifier:
                return Identifier(identifier, depth);
            default:
                return null;
        }
    }

    private string? Interpolate(InterpolatedStringExpressionSyntax interpolated, int depth) =>
        Interpolate(interpolated, hole => Evaluate(hole, depth + 1));

    /// <summary>
    /// The text of an interpolated string whose holes <paramref name="hole"/> evaluates; null when one
    /// of them is not known. Every reader that evaluates interpolations goes through here, so escaped
    /// braces mean the same everywhere.
    /// </summary>
    public static string? Interpolate(InterpolatedStringExpressionSyntax interpolated, Func<ExpressionSyntax, string?> hole)
    {
        // Roslyn keeps "{{" and "}}" escaped in the token of a regular interpolated string; a route needs
        // the braces they stand for. Raw interpolated strings have no such escapes.
        var raw = interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedSingleLineRawStringStartToken)
            || interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken);
        var sb = new StringBuilder();
        foreach (var content in interpolated.Contents)
        {
            var part = content switch
            {
                InterpolatedStringTextSyntax text => raw ? text.TextToken.ValueText : text.TextToken.ValueText.Replace("{{", "{").Replace("}}", "}"),
                InterpolationSyntax interpolation => hole(interpolation.Expression),
                _ => null,
            };
            if (part is null)
            {
                return null;
            }

            sb.Append(part);
        }

        return sb.ToString();
    }

    /// <summary>A bare name: a local constant, then a member of the enclosing types, innermost first.</summary>
    private string? Identifier(IdentifierNameSyntax identifier, int depth)
    {
        var name = identifier.Identifier.ValueText;
        var block = identifier.FirstAncestorOrSelf<BlockSyntax>();
        while (block is not null)
        {
            foreach (var local in block.Statements.OfType<LocalDeclarationStatementSyntax>())
            {
                var isConst = local.IsConst;
                foreach (var v in local.Declaration.Variables)
                {
                    if (v.Identifier.ValueText == name && v.Initializer is not null && (isConst || IsStringLiteralLike(v.Initializer.Value)))
                    {
                        return Evaluate(v.Initializer.Value, depth + 1);
                    }
                }
            }

            block = block.Parent?.FirstAncestorOrSelf<BlockSyntax>();
        }

        // Top-level statements: constants declared in the global statements of the same file.
        if (identifier.SyntaxTree.GetRoot() is CompilationUnitSyntax unit)
        {
            foreach (var global in unit.Members.OfType<GlobalStatementSyntax>())
            {
                if (global.Statement is LocalDeclarationStatementSyntax local)
                {
                    foreach (var v in local.Declaration.Variables)
                    {
                        if (v.Identifier.ValueText == name && v.Initializer is not null && (local.IsConst || IsStringLiteralLike(v.Initializer.Value)))
                        {
                            return Evaluate(v.Initializer.Value, depth + 1);
                        }
                    }
                }
            }
        }

        for (var type = identifier.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>(); type is not null; type = type.Parent?.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>())
        {
            var value = Member(type.Identifier.ValueText, name, depth);
            if (value is not null)
            {
                return value;
            }
        }

        return null;
    }

    private static bool IsStringLiteralLike(ExpressionSyntax e) =>
        e is LiteralExpressionSyntax or InterpolatedStringExpressionSyntax or BinaryExpressionSyntax;

    /// <summary>A const or static readonly string field (or get-only property with an initializer) of a type found by name.</summary>
    private string? Member(string typeName, string memberName, int depth)
    {
        if (cache.TryGetValue((typeName, memberName), out var cached))
        {
            return cached;
        }

        string? result = null;
        foreach (var entry in corpus.FindType(typeName))
        {
            if (entry.Declaration is EnumDeclarationSyntax enumDeclaration)
            {
                if (enumDeclaration.Members.Any(m => m.Identifier.ValueText == memberName))
                {
                    result = memberName;
                }

                break;
            }

            if (entry.Declaration is not TypeDeclarationSyntax type)
            {
                continue;
            }

            foreach (var member in type.Members)
            {
                if (member is FieldDeclarationSyntax field
                    && (field.Modifiers.Any(SyntaxKind.ConstKeyword) || (field.Modifiers.Any(SyntaxKind.StaticKeyword) && field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword))))
                {
                    var v = field.Declaration.Variables.FirstOrDefault(v => v.Identifier.ValueText == memberName);
                    if (v?.Initializer is not null)
                    {
                        result = Evaluate(v.Initializer.Value, depth + 1);
                    }
                }
                else if (member is PropertyDeclarationSyntax property && property.Identifier.ValueText == memberName && property.Modifiers.Any(SyntaxKind.StaticKeyword))
                {
                    var value = property.Initializer?.Value ?? property.ExpressionBody?.Expression;
                    result = Evaluate(value, depth + 1);
                }

                if (result is not null)
                {
                    break;
                }
            }

            if (result is not null)
            {
                break;
            }
        }

        cache[(typeName, memberName)] = result;
        return result;
    }
}
