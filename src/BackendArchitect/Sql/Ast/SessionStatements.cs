namespace BackendArchitect.Sql.Ast;

public enum TransactionKind
{
    Begin,
    Commit,
    Rollback,
    Savepoint,
    Release,
}

/// <summary>BEGIN / START TRANSACTION / COMMIT / END / ROLLBACK / SAVEPOINT / RELEASE.</summary>
public sealed record TransactionStatement(TransactionKind Kind) : SqlStatement;

/// <summary>SET [SESSION|LOCAL] name = value or TO value; the name lower-cased.</summary>
public sealed record SetStatement(string Name, string Value, bool Local) : SqlStatement;

/// <summary>CREATE EXTENSION [IF NOT EXISTS] name.</summary>
public sealed record CreateExtensionStatement(string Name, bool IfNotExists) : SqlStatement;

/// <summary>COMMENT ON kind target IS 'text' (Comment null for IS NULL).</summary>
public sealed record CommentOnStatement(string ObjectKind, string Target, string? Comment) : SqlStatement;

/// <summary>SQLite's PRAGMA name [= value].</summary>
public sealed record PragmaStatement(string Name, string? Value) : SqlStatement;
