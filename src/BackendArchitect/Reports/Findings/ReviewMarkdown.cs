using BackendArchitect.Scanning;

namespace BackendArchitect.Reports.Findings;

/// <summary>A review as a pull request comment: the findings, then the endpoint table with auth, collapsed.</summary>
public static class ReviewMarkdown
{
    public static string Render(ReviewResult review)
    {
        var model = review.Model;
        var md = new MarkdownWriter();
        md.Line(FindingsMarkdown.Render(review.Report).TrimEnd('\n')).Line();
        var anonymousWrites = AuthText.AnonymousWrites(model).Count();
        md.Line($"<details>\n<summary>{Counts.Of(model.Endpoints.Length, "endpoint")}, {Counts.Of(anonymousWrites, "anonymous write")}, {Counts.Of(model.Endpoints.Count(e => e.Auth.Required is null), "with unknown auth", "with unknown auth")}</summary>").Line();
        MarkdownReport.EndpointTables(md, model);
        md.Line().Line("</details>");
        return md.ToString();
    }
}
