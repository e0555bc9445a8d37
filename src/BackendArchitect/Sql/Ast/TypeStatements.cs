using System.Collections.Immutable;

namespace BackendArchitect.Sql.Ast;

/// <summary>CREATE TYPE name AS ENUM ('a', 'b').</summary>
public sealed record CreateEnumStatement(QualifiedName Name, ImmutableArray<string> Values) : SqlStatement;

/// <summary>ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'v' [BEFORE|AFTER 'w'].</summary>
public sealed record AlterEnumAddValueStatement(QualifiedName Name, string Value, bool IfNotExists, string? Before, string? After) : SqlStatement;

/// <summary>ALTER TYPE name RENAME VALUE 'a' TO 'b'.</summary>
public sealed record AlterEnumRenameValueStatement(QualifiedName Name, string From, string To) : SqlStatement;

/// <summary>CREATE SEQUENCE [IF NOT EXISTS] name options.</summary>
public sealed record CreateSequenceStatement(QualifiedName Name, bool IfNotExists, string Options) : SqlStatement;

/// <summary>ALTER SEQUENCE [IF EXISTS] name options.</summary>
public sealed record AlterSequenceStatement(QualifiedName Name, bool IfExists, string Options) : SqlStatement;

/// <summary>CREATE [OR REPLACE] [MATERIALIZED] VIEW [IF NOT EXISTS] name ..., read by name only.</summary>
public sealed record CreateViewStatement(QualifiedName Name, bool OrReplace, bool Materialized, bool IfNotExists) : SqlStatement;
