namespace BackendArchitect.Findings;

/// <summary>A review rule that reads the code and files only, not the system model or the linker's graph, so it runs as soon as the C# is parsed.</summary>
public interface ISyntaxRule : IRule
{
    IEnumerable<Finding> Check(SyntaxReviewContext context);
}
