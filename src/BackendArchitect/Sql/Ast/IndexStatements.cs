using System.Collections.Immutable;

namespace BackendArchitect.Sql.Ast;

/// <summary>CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON table [USING method] (...) [INCLUDE (...)] [WHERE ...].</summary>
public sealed record CreateIndexStatement(
    string? Name,
    QualifiedName Table,
    bool Unique,
    bool Concurrently,
    bool IfNotExists,
    string? Method,
    ImmutableArray<IndexElement> Elements,
    ImmutableArray<string> Include,
    string? Where) : SqlStatement;

/// <summary>One indexed element: a column (Column set) or an expression (Column null), with its order.</summary>
public sealed record IndexElement(string Text, string? Column, bool Descending);

/// <summary>ALTER INDEX [IF EXISTS] name RENAME TO new_name.</summary>
public sealed record RenameIndexStatement(QualifiedName Name, bool IfExists, string To) : SqlStatement;
