using System.Collections.Immutable;
using BackendArchitect.Model;

namespace BackendArchitect.Scanning;

/// <summary>Puts every list of the model in a stable order, so the same input gives byte-identical output.</summary>
public static class ModelSorter
{
    private static readonly StringComparer Ord = StringComparer.Ordinal;

    public static SystemModel Sort(SystemModel m) => m with
    {
        Services = [.. m.Services.OrderBy(s => s.Name, Ord).ThenBy(s => s.Path, Ord)],
        Endpoints = [.. m.Endpoints.Distinct().OrderBy(e => e.Service, Ord).ThenBy(e => e.Route, Ord).ThenBy(e => MethodOrder(e.Method)).ThenBy(e => e.Method, Ord).ThenBy(e => e.File, Ord).ThenBy(e => e.Line).ThenBy(e => e.Handler, Ord)],
        Middleware = [.. m.Middleware.OrderBy(x => x.Service, Ord).ThenBy(x => x.Order)],
        Registrations = [.. m.Registrations.OrderBy(x => x.Service, Ord).ThenBy(x => x.File, Ord).ThenBy(x => x.Line).ThenBy(x => x.ServiceType, Ord)],
        AuthenticationSchemes = [.. m.AuthenticationSchemes.OrderBy(x => x.Service, Ord).ThenBy(x => x.Name, Ord).ThenBy(x => x.File, Ord).ThenBy(x => x.Line)],
        Policies = [.. m.Policies.OrderBy(x => x.Service, Ord).ThenBy(x => x.Kind, Ord).ThenBy(x => x.Name, Ord).ThenBy(x => x.File, Ord).ThenBy(x => x.Line)],
        HealthChecks = [.. m.HealthChecks.OrderBy(x => x.Service, Ord).ThenBy(x => x.Name, Ord).ThenBy(x => x.File, Ord).ThenBy(x => x.Line)],
        HttpClients = [.. m.HttpClients.OrderBy(x => x.Service, Ord).ThenBy(x => x.Name, Ord).ThenBy(x => x.File, Ord).ThenBy(x => x.Line)],
        MessageChannels = [.. m.MessageChannels.OrderBy(x => x.Service, Ord).ThenBy(x => x.Technology, Ord).ThenBy(x => x.File, Ord).ThenBy(x => x.Line)],
        Caches = [.. m.Caches.OrderBy(x => x.Service, Ord).ThenBy(x => x.Technology, Ord).ThenBy(x => x.File, Ord).ThenBy(x => x.Line)],
        DataContexts = [.. m.DataContexts.OrderBy(x => x.Name, Ord).ThenBy(x => x.File, Ord)],
        Entities = [.. m.Entities.OrderBy(x => x.Context ?? "", Ord).ThenBy(x => x.Name, Ord).ThenBy(x => x.File, Ord)],
        Links = [.. m.Links.Select(SortLink).OrderBy(l => l.Service, Ord).ThenBy(l => l.Route, Ord).ThenBy(l => MethodOrder(l.Method)).ThenBy(l => l.Method, Ord).ThenBy(l => l.EndpointFile, Ord).ThenBy(l => l.EndpointLine).ThenBy(l => l.Handler.Name, Ord)],
        Configuration = [.. m.Configuration.OrderBy(x => x.File, Ord).ThenBy(x => x.Line).ThenBy(x => x.Key, Ord)],
        Containers = [.. m.Containers.OrderBy(x => x.File, Ord)],
        ComposeServices = [.. m.ComposeServices.OrderBy(x => x.File, Ord).ThenBy(x => x.Name, Ord)],
        Diagnostics = [.. m.Diagnostics.Distinct().OrderBy(d => d.File, Ord).ThenBy(d => d.Line).ThenBy(d => d.Message, Ord)],
    };

    private static EndpointLink SortLink(EndpointLink l) => l with
    {
        Methods = [.. l.Methods.OrderBy(x => x.Depth).ThenBy(x => x.Name, Ord).ThenBy(x => x.File, Ord).ThenBy(x => x.Line)],
        DataAccess = [.. l.DataAccess.Distinct().OrderBy(x => x.File, Ord).ThenBy(x => x.Line).ThenBy(x => x.Api, Ord).ThenBy(x => x.Entity, Ord).ThenBy(x => x.Method, Ord)],
        Outbound = [.. l.Outbound.Distinct().OrderBy(x => x.File, Ord).ThenBy(x => x.Line).ThenBy(x => x.Kind, Ord).ThenBy(x => x.Target, Ord).ThenBy(x => x.Method, Ord)],
    };

    private static int MethodOrder(string method) => method switch
    {
        "GET" => 0,
        "POST" => 1,
        "PUT" => 2,
        "PATCH" => 3,
        "DELETE" => 4,
        _ => 5,
    };
}
