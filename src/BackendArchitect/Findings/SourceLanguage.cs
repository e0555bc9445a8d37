namespace BackendArchitect.Findings;

/// <summary>The kind of source a rule reads.</summary>
public enum SourceLanguage
{
    Sql,
    CSharp,
}
