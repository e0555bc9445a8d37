using System.Collections.Immutable;

namespace BackendArchitect.Sql.Ast;

/// <summary>
/// A column type as written: the (possibly multi-word, possibly schema-qualified) name in lower case,
/// its parameters, array dimensions and trailing modifiers such as MySQL's unsigned.
/// </summary>
public sealed record DataType(string Name, ImmutableArray<string> Arguments, int ArrayDimensions, string? Modifiers, string Text)
{
    public override string ToString() => Text;
}
