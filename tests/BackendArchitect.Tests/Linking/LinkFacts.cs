using BackendArchitect.Model;

namespace BackendArchitect.Tests.Linking;

/// <summary>One line per linked fact, so a test lists what it expects and a failure shows the differing lines.</summary>
internal static class LinkFacts
{
    public static EndpointLink Link(SystemModel model, string method, string route) =>
        Assert.Single(model.Links, l => l.Method == method && l.Route == route);

    public static string Handler(EndpointLink link) =>
        $"{link.Handler.Kind} {link.Handler.Name} {link.Handler.File}:{link.Handler.Line}-{link.Handler.EndLine}";

    public static string[] Methods(EndpointLink link) =>
        [.. link.Methods.Select(m => $"{m.Depth} {m.Name} {m.File}:{m.Line}")];

    public static string[] DataAccess(EndpointLink link) =>
        [.. link.DataAccess.Select(d =>
            $"{d.Depth} {d.Kind}{(d.Raw ? " raw" : "")} {d.Api} {d.Entity ?? "-"} {d.Operation.ToString().ToLowerInvariant()} bounded={Text(d.Bounded)}"
            + $" filters=[{string.Join(",", d.Filters)}] orderBy=[{string.Join(",", d.OrderBy)}] {d.File}:{d.Line}")];

    public static string[] Outbound(EndpointLink link) =>
        [.. link.Outbound.Select(o => $"{o.Depth} {o.Kind} {o.Target} {o.Api} {o.Method} {o.File}:{o.Line}")];

    private static string Text(bool? value) => value switch
    {
        true => "yes",
        false => "no",
        null => "?",
    };
}
