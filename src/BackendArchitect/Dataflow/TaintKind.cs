namespace BackendArchitect.Dataflow;

/// <summary>What a request-controlled value reaches: each kind is one injection rule's sink.</summary>
public enum TaintKind
{
    Sql,
    Command,
    Path,
    Url,
    Redirect,
    Html,
    Code,
    Xslt,
}
