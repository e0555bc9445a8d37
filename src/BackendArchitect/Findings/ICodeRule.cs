namespace BackendArchitect.Findings;

/// <summary>A review rule over the system model and the code it was read from (security, data, reliability, API).</summary>
public interface ICodeRule : IRule
{
    IEnumerable<Finding> Check(CodeReviewContext context);
}
