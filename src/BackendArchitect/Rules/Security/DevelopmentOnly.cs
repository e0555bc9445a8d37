using BackendArchitect.CSharp;
using Microsoft.CodeAnalysis;

namespace BackendArchitect.Rules.Security;

/// <summary>
/// Whether code runs only on a developer's machine: under <c>IsDevelopment()</c>, outside production
/// (<c>!IsProduction()</c>), or compiled only in DEBUG. Settings that help debugging are fine there.
/// </summary>
internal static class DevelopmentOnly
{
    public static bool Runs(SyntaxNode node) => Under(EnvironmentConditions.Of(node));

    /// <summary>Whether a condition as the model writes it (a middleware's, an endpoint's) holds only in development.</summary>
    public static bool Under(string? condition) =>
        condition is not null && condition.Split(" && ", StringSplitOptions.TrimEntries).Any(IsDevelopmentCondition);

    // A condition joined by "||" may hold in production too, so only a whole conjunct counts.
    private static bool IsDevelopmentCondition(string conjunct) =>
        conjunct is "IsDevelopment()" or "!IsProduction()" or "DEBUG" or "(DEBUG)"
        || conjunct.Equals("IsEnvironment(\"Development\")", StringComparison.OrdinalIgnoreCase)
        || conjunct.Equals("IsEnvironment(Environments.Development)", StringComparison.Ordinal);
}
