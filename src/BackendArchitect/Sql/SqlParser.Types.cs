using System.Collections.Immutable;
using BackendArchitect.Sql.Ast;

namespace BackendArchitect.Sql;

public static partial class SqlParser
{
    /// <summary>Reads a column type: multi-word names, parameters, arrays and MySQL modifiers.</summary>
    internal static DataType ReadDataType(TokenReader r)
    {
        var start = r.Position;
        var name = ReadTypeName(r);
        var arguments = ImmutableArray<string>.Empty;
        if (r.IsOperator('('))
        {
            var (argFrom, argTo) = r.ReadParenthesized();
            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var (partFrom, partTo) in r.SplitOnCommas(argFrom, argTo))
            {
                builder.Add(r.TextOf(partFrom, partTo));
            }

            arguments = builder.ToImmutable();
        }

        if (name is "timestamp" or "time")
        {
            if (r.Accept("WITH", "TIME", "ZONE"))
            {
                name += " with time zone";
            }
            else if (r.Accept("WITHOUT", "TIME", "ZONE"))
            {
                name += " without time zone";
            }
        }
        else if (name == "interval")
        {
            while (r.IsAnyWord("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "TO"))
            {
                name += " " + r.UpperWord().ToLowerInvariant();
                r.Position++;
            }
        }

        var dimensions = 0;
        while (true)
        {
            if (r.IsOperator('['))
            {
                while (!r.AtEnd && !r.IsOperator(']'))
                {
                    r.Position++;
                }

                r.ExpectOperator(']');
                dimensions++;
            }
            else if (r.Accept("ARRAY"))
            {
                dimensions++;
                if (r.IsOperator('['))
                {
                    while (!r.AtEnd && !r.IsOperator(']'))
                    {
                        r.Position++;
                    }

                    r.ExpectOperator(']');
                }
            }
            else
            {
                break;
            }
        }

        string? modifiers = null;
        while (r.IsAnyWord("UNSIGNED", "SIGNED", "ZEROFILL"))
        {
            var word = r.UpperWord().ToLowerInvariant();
            modifiers = modifiers is null ? word : modifiers + " " + word;
            r.Position++;
        }

        return new DataType(name, arguments, dimensions, modifiers, r.TextOf(start, r.Position));
    }

    private static string ReadTypeName(TokenReader r)
    {
        if (r.AtEnd || r.Current.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier))
        {
            throw r.Error("expected a type");
        }

        var quoted = r.Current.Kind == SqlTokenKind.QuotedIdentifier;
        var first = r.ReadIdentifier("type");
        if (r.IsOperator('.'))
        {
            r.Position++;
            return first + "." + r.ReadIdentifier("type");
        }

        var name = quoted ? first : first.ToLowerInvariant();
        switch (name)
        {
            case "double" when r.Accept("PRECISION"):
                return "double precision";
            case "character" or "char" or "nchar" when r.Accept("VARYING"):
                return "character varying";
            case "national":
                _ = r.Accept("CHARACTER") || r.Accept("CHAR");
                return r.Accept("VARYING") ? "national character varying" : "national character";
            case "bit" when r.Accept("VARYING"):
                return "bit varying";
            case "long" when r.IsAnyWord("VARCHAR", "VARBINARY", "RAW"):
                var second = r.UpperWord().ToLowerInvariant();
                r.Position++;
                return "long " + second;
            case "unsigned" or "signed" when r.IsAnyWord("INT", "INTEGER", "BIGINT"):
                var integer = r.UpperWord().ToLowerInvariant();
                r.Position++;
                return integer;
            default:
                return name;
        }
    }
}
