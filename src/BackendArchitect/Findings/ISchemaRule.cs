namespace BackendArchitect.Findings;

/// <summary>A design rule over a whole schema (after every migration was replayed, or read from a live database).</summary>
public interface ISchemaRule : IRule
{
    IEnumerable<Finding> Check(SchemaLintContext context);
}
