namespace BackendArchitect.Findings;

/// <summary>A rule: metadata plus one check. Rule families add an interface with their own Check input.</summary>
public interface IRule
{
    RuleMetadata Metadata { get; }
}
