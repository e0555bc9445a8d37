namespace BackendArchitect.Sql.Ast;

/// <summary>
/// One parsed statement with its raw text and start line. <see cref="IsPartial"/> is true when the
/// parser could not read all of it (a diagnostic says why); what was read is kept.
/// </summary>
public abstract record SqlStatement
{
    public string Text { get; init; } = "";

    public int Line { get; init; }

    public bool IsPartial { get; init; }

    /// <summary>
    /// The migrationBuilder operation EF Core renders this statement from (AddForeignKey); null for SQL
    /// written by hand. A provider may run such an operation differently from its plain SQL: SQLite's
    /// rebuilds the table where ALTER TABLE cannot do it.
    /// </summary>
    public string? EfOperation { get; init; }
}

/// <summary>A possibly schema-qualified object name, already case-normalized for its dialect.</summary>
public sealed record QualifiedName(string? Schema, string Name)
{
    public override string ToString() => Schema is null ? Name : Schema + "." + Name;
}

/// <summary>DML, routines, grants and anything else the parser does not model: kept with its first keywords.</summary>
/// <param name="Keywords">The leading keywords, upper-cased and space-separated, e.g. "INSERT INTO" or "CREATE TRIGGER".</param>
public sealed record OtherStatement(string Keywords) : SqlStatement;

/// <summary>Raw SQL kept with its text, for expressions the model does not interpret.</summary>
public sealed record SqlExpression(string Text)
{
    public override string ToString() => Text;
}
