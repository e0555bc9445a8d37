using BackendArchitect.Model;

namespace BackendArchitect.Reports;

/// <summary>Words for an endpoint's authorization, shared by the human-readable reports.</summary>
public static class AuthText
{
    /// <summary>"required", "anonymous" or "unknown".</summary>
    public static string State(AuthRequirement auth) => auth.Required switch
    {
        true => "required",
        false => "anonymous",
        null => "unknown",
    };

    /// <summary>"policies: A, B; roles: Admin; schemes: Bearer", or "" when there is nothing to say.</summary>
    public static string Detail(AuthRequirement auth)
    {
        var parts = new List<string>();
        if (!auth.Policies.IsEmpty)
        {
            parts.Add("policies: " + string.Join(", ", auth.Policies));
        }

        if (!auth.Roles.IsEmpty)
        {
            parts.Add("roles: " + string.Join(", ", auth.Roles));
        }

        if (!auth.Schemes.IsEmpty)
        {
            parts.Add("schemes: " + string.Join(", ", auth.Schemes));
        }

        return string.Join("; ", parts);
    }

    /// <summary>
    /// Methods that can change state; an anonymous one is what a reviewer checks first. An endpoint
    /// that accepts any method, a hub or a gRPC call counts as a write.
    /// </summary>
    public static bool IsWrite(string method) =>
        !method.Equals("GET", StringComparison.OrdinalIgnoreCase)
        && !method.Equals("HEAD", StringComparison.OrdinalIgnoreCase)
        && !method.Equals("OPTIONS", StringComparison.OrdinalIgnoreCase)
        && !method.Equals("TRACE", StringComparison.OrdinalIgnoreCase);

    /// <summary>Anonymous endpoints with a state-changing method, in model order.</summary>
    public static IEnumerable<Endpoint> AnonymousWrites(SystemModel model) =>
        model.Endpoints.Where(e => e.Auth.Required == false && IsWrite(e.Method));
}
