using BackendArchitect.Model;

namespace BackendArchitect.Tests.Wiring;

/// <summary>One line per wiring fact, so a test compares whole lists and a failure shows the differing facts.</summary>
public static class WiringText
{
    public static string[] Middleware(SystemModel model, string service) =>
        model.Middleware.Where(m => m.Service == service).OrderBy(m => m.Order)
            .Select(m => $"{m.Order} {m.Name} {m.File}:{m.Line}" + (m.Condition is null ? "" : $" if {m.Condition}") + (m.Detail is null ? "" : $" ({m.Detail})"))
            .ToArray();

    public static string[] Registrations(SystemModel model) =>
        model.Registrations.Select(r => $"{r.Service} {r.Lifetime} {r.ServiceType} -> {r.ImplementationType ?? "?"} {r.File}:{r.Line}").ToArray();

    public static string[] Schemes(SystemModel model) =>
        model.AuthenticationSchemes.Select(s => $"{s.Service} {s.Name} {s.Handler} {s.File}:{s.Line}").ToArray();

    public static string[] Policies(SystemModel model) =>
        model.Policies.Select(p => $"{p.Service} {p.Kind} {p.Name}: {p.Detail ?? "-"} {p.File}:{p.Line}").ToArray();

    public static string[] HealthChecks(SystemModel model) =>
        model.HealthChecks.Select(h => $"{h.Service} {h.Name} ({h.Detail ?? "-"}) {h.File}:{h.Line}").ToArray();

    public static string[] HttpClients(SystemModel model) =>
        model.HttpClients.Select(h => $"{h.Service} {h.Kind} {h.Name} type={h.ClientType ?? "-"} base={h.BaseAddress ?? "-"} handlers=[{string.Join(", ", h.Handlers ?? [])}] {h.File}:{h.Line}").ToArray();

    public static string[] Channels(SystemModel model) =>
        model.MessageChannels.Select(c => $"{c.Service} {c.Technology}: {c.Detail ?? "-"} {c.File}:{c.Line}").ToArray();

    public static string[] Caches(SystemModel model) =>
        model.Caches.Select(c => $"{c.Service} {c.Technology}: {c.Detail ?? "-"} {c.File}:{c.Line}").ToArray();
}
