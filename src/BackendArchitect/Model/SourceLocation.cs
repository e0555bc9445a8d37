namespace BackendArchitect.Model;

/// <summary>Where a fact was read: a path relative to the scan root with '/' separators, 1-based line.</summary>
public sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
