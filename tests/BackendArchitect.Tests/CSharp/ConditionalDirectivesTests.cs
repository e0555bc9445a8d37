using BackendArchitect.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Tests.CSharp;

public sealed class ConditionalDirectivesTests
{
    private const string Source = """
        #nullable enable
        #region Endpoints
        using System;

        public static class Endpoints
        {
            public static void Always() { }
        #if DEBUG
            public static void DebugOnly() { }
        #if NET8_0 || TRACE
            public static void Nested() { }
        #endif
        #elif STAGING
            public static void Staging() { }
        #else
            public static void Release() { }
        #endif

            public static void Body()
            {
                var a = 1;
        #if (FEATURE_X && !DEBUG)
                var b = 2;
        #endif
                var c = 3;
            }
        }
        #endregion
        #if TRAILING
        #endif
        """;

    [Fact]
    public void Referenced_symbols_are_every_if_and_elif_identifier_sorted_once()
    {
        Assert.Equal(["DEBUG", "FEATURE_X", "NET8_0", "STAGING", "TRACE", "TRAILING"], ConditionalDirectives.ReferencedSymbols(Parse("")));
    }

    [Theory]
    [InlineData("", "Always", null)]
    [InlineData("DEBUG NET8_0", "DebugOnly", "DEBUG")]
    [InlineData("DEBUG NET8_0", "Nested", "DEBUG && NET8_0 || TRACE")]
    [InlineData("STAGING", "Staging", "!(DEBUG) && STAGING")]
    [InlineData("", "Release", "!(DEBUG) && !(STAGING)")]
    [InlineData("", "Body", null)]
    [InlineData("", "a", null)]
    [InlineData("FEATURE_X", "b", "(FEATURE_X && !DEBUG)")]
    [InlineData("FEATURE_X", "c", null)]
    public void A_declaration_records_the_conditions_it_sits_under(string symbols, string name, string? expected)
    {
        var node = Parse(symbols).GetRoot().DescendantNodes()
            .Single(n => n is MethodDeclarationSyntax m && m.Identifier.ValueText == name || n is VariableDeclaratorSyntax v && v.Identifier.ValueText == name);

        Assert.Equal(expected, ConditionalDirectives.ConditionOf(node));
    }

    /// <summary>Only the active branch is parsed, so each case defines the symbols that make its code active.</summary>
    private static SyntaxTree Parse(string symbols) => CSharpSyntaxTree.ParseText(
        Source, new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.None, preprocessorSymbols: symbols.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
}
