using System.Collections.Frozen;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Wiring;

/// <summary>
/// Health checks added on <c>AddHealthChecks()</c> (own checks and package checks such as
/// <c>AddNpgSql</c>, <c>AddRedis</c>, <c>AddDbContextCheck&lt;T&gt;</c>) and the endpoints that expose them.
/// </summary>
internal static class HealthChecks
{
    private static readonly FrozenSet<string> Chain = FrozenSet.ToFrozenSet(["AddHealthChecks"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> BuilderTypes = FrozenSet.ToFrozenSet(["IHealthChecksBuilder"], StringComparer.Ordinal);

    public static bool Read(DocumentWiring w, InvocationExpressionSyntax invocation, string name)
    {
        switch (name)
        {
            case "MapHealthChecks" or "UseHealthChecks" or "MapHealthChecksUI":
                var path = WiringSyntax.Positional(invocation).FirstOrDefault();
                var value = path is null ? "/healthchecks-ui" : w.Constants.Evaluate(path) ?? WiringSyntax.OneLine(path.ToString());
                Add(w, invocation, value, name == "UseHealthChecks" ? "middleware" : "endpoint");
                return true;
            case "AddCheck" or "AddAsyncCheck" or "AddTypeActivatedCheck":
                var typeArgs = SyntaxHelpers.TypeArguments(invocation);
                var checkName = NameOf(w, invocation, "name", positionalFirst: true) ?? name;
                Add(w, invocation, checkName, typeArgs.Count == 1 ? WiringSyntax.TypeText(typeArgs[0]) : null);
                return true;
            case "AddDbContextCheck":
                var context = SyntaxHelpers.TypeArguments(invocation).FirstOrDefault();
                Add(w, invocation, NameOf(w, invocation, "name", positionalFirst: true) ?? name, context is null ? null : WiringSyntax.TypeText(context));
                return true;
        }

        // Package checks (AddNpgSql, AddRedis, AddUrlGroup...) only count on a health checks builder:
        // the same names add resources in Aspire app hosts. Their first argument is usually a
        // connection string, so only an explicit `name:` names them. Publishers push results; they check nothing.
        if (w.MentionsHealthChecks && name.StartsWith("Add", StringComparison.Ordinal) && name.Length > 3
            && !name.EndsWith("Publisher", StringComparison.Ordinal) && WiringSyntax.IsOnBuilder(invocation, Chain, BuilderTypes))
        {
            Add(w, invocation, NameOf(w, invocation, "name", positionalFirst: false) ?? name, name[3..]);
            return true;
        }

        return false;
    }

    private static string? NameOf(DocumentWiring w, InvocationExpressionSyntax invocation, string parameter, bool positionalFirst)
    {
        var argument = WiringSyntax.Named(invocation, parameter)
            ?? (positionalFirst ? WiringSyntax.Positional(invocation).FirstOrDefault(a => a is not AnonymousFunctionExpressionSyntax) : null);
        return argument is null ? null : w.Constants.Evaluate(argument) ?? WiringSyntax.OneLine(argument.ToString());
    }

    private static void Add(DocumentWiring w, InvocationExpressionSyntax invocation, string name, string? detail) =>
        w.HealthChecks.Add(new HealthCheck(w.ServiceOf(invocation), name, detail, w.Document.Path, w.Line(invocation)));
}
