using BackendArchitect.Model;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Wiring;

/// <summary>
/// Dependency injection registrations: <c>AddScoped/AddTransient/AddSingleton</c> in their generic,
/// <c>typeof</c>, factory and instance forms, <c>TryAdd*</c>, <c>AddKeyed*</c>, <c>ServiceDescriptor.*</c>,
/// hosted services and EF Core contexts.
/// </summary>
internal static class DiRegistrations
{
    public static bool Read(DocumentWiring w, InvocationExpressionSyntax invocation, string name)
    {
        var lifetime = Lifetime(name, invocation);
        if (lifetime is not null)
        {
            ReadLifetimeCall(w, invocation, name, lifetime);
            return true;
        }

        var typeArgs = SyntaxHelpers.TypeArguments(invocation);
        switch (name)
        {
            case "AddHostedService":
                var hosted = typeArgs.Count == 1 ? WiringSyntax.TypeText(typeArgs[0]) : WiringSyntax.CreatedType(invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression);
                Add(w, invocation, "singleton", "IHostedService", hosted);
                return true;
            case "AddDbContext" or "AddDbContextPool" when typeArgs.Count is 1 or 2:
                Add(w, invocation, "scoped", WiringSyntax.TypeText(typeArgs[0]), WiringSyntax.TypeText(typeArgs[^1]));
                return true;
            case "AddDbContextFactory" or "AddPooledDbContextFactory" when typeArgs.Count >= 1:
                var context = WiringSyntax.TypeText(typeArgs[0]);
                Add(w, invocation, "singleton", $"IDbContextFactory<{context}>", typeArgs.Count == 2 ? WiringSyntax.TypeText(typeArgs[1]) : null);
                return true;
            default:
                return false;
        }
    }

    /// <summary>"scoped", "transient" or "singleton" for the registration method names, else null.</summary>
    private static string? Lifetime(string name, InvocationExpressionSyntax invocation)
    {
        var prefixed = name.StartsWith("TryAdd", StringComparison.Ordinal) || name.StartsWith("Add", StringComparison.Ordinal);
        var bare = name.StartsWith("TryAdd", StringComparison.Ordinal) ? name[6..] : name.StartsWith("Add", StringComparison.Ordinal) ? name[3..] : name;
        if (bare.StartsWith("Keyed", StringComparison.Ordinal))
        {
            bare = bare[5..];
        }

        var lifetime = bare switch
        {
            "Scoped" => "scoped",
            "Transient" => "transient",
            "Singleton" => "singleton",
            _ => null,
        };

        // Without Add/TryAdd only ServiceDescriptor.Scoped<I, C>() and its siblings describe a registration.
        return lifetime is not null && (prefixed || WiringSyntax.RightmostName(SyntaxHelpers.Receiver(invocation)) == "ServiceDescriptor") ? lifetime : null;
    }

    private static void ReadLifetimeCall(DocumentWiring w, InvocationExpressionSyntax invocation, string name, string lifetime)
    {
        var typeArgs = SyntaxHelpers.TypeArguments(invocation);
        var args = WiringSyntax.Positional(invocation);
        if (typeArgs.Count == 2)
        {
            Add(w, invocation, lifetime, WiringSyntax.TypeText(typeArgs[0]), WiringSyntax.TypeText(typeArgs[1]));
            return;
        }

        // Keyed registrations take the key first; what follows is a factory, an instance or nothing.
        var keyed = name.Contains("Keyed", StringComparison.Ordinal);
        var types = args.OfType<TypeOfExpressionSyntax>().Select(t => WiringSyntax.TypeText(t.Type)).ToArray();
        var rest = args.Where(a => a is not TypeOfExpressionSyntax).Skip(keyed ? 1 : 0).ToArray();
        var created = rest.Select(WiringSyntax.CreatedType).FirstOrDefault(t => t is not null);
        var serviceType = typeArgs.Count == 1 ? WiringSyntax.TypeText(typeArgs[0]) : types.FirstOrDefault() ?? created;
        if (serviceType is null)
        {
            if (args.Count > 0)
            {
                w.Warn(invocation, "DI registration without a visible service type; not listed", DiagnosticSeverity.Info);
            }

            return;
        }

        var implementation = typeArgs.Count == 0 && types.Length > 1 ? types[1] : rest.Length == 0 ? serviceType : created;
        Add(w, invocation, lifetime, serviceType, implementation);
    }

    private static void Add(DocumentWiring w, InvocationExpressionSyntax invocation, string lifetime, string serviceType, string? implementation) =>
        w.Registrations.Add(new Registration(w.ServiceOf(invocation), lifetime, serviceType, implementation, w.Document.Path, w.Line(invocation)));
}
