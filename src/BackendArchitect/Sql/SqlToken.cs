namespace BackendArchitect.Sql;

/// <summary>What a token is; comments and whitespace never become tokens.</summary>
public enum SqlTokenKind
{
    /// <summary>An unquoted identifier or keyword.</summary>
    Word,

    /// <summary>"x", `x` or [x]; the token text includes the quotes.</summary>
    QuotedIdentifier,

    /// <summary>A string literal, including prefixes such as E'..' and the quotes.</summary>
    String,

    /// <summary>A dollar-quoted string ($$..$$ or $tag$..$tag$).</summary>
    DollarString,

    Number,

    /// <summary>Punctuation and operators: ( ) , ; . :: = &lt;&gt; and the like.</summary>
    Operator,

    /// <summary>A positional or named parameter such as $1 or :name.</summary>
    Parameter,

    /// <summary>The MySQL client's custom statement delimiter (after DELIMITER //).</summary>
    Delimiter,

    /// <summary>A whole MySQL client <c>DELIMITER x</c> line.</summary>
    DelimiterCommand,
}

/// <summary>One token: a span of the source with its 1-based line and column.</summary>
public readonly record struct SqlToken(SqlTokenKind Kind, int Start, int Length, int Line, int Column)
{
    public int End => Start + Length;
}
