using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// A service's global FastEndpoints configuration from <c>app.UseFastEndpoints(c => ...)</c>: the
/// route prefix, versioning options and the endpoint configurator that runs for every endpoint.
/// </summary>
public sealed class FastEndpointsConfig
{
    /// <summary>Whether a UseFastEndpoints call was found and its configuration could be read.</summary>
    public bool Readable { get; private init; }

    public string? RoutePrefix { get; private set; }

    public string VersionPrefix { get; private set; } = "v";

    public int DefaultVersion { get; private set; }

    public bool PrependVersion { get; private set; }

    /// <summary>Calls made on every endpoint by <c>c.Endpoints.Configurator = ep => ...</c>.</summary>
    public IReadOnlyList<FastEndpointsCall> ConfiguratorCalls { get; private set; } = [];

    /// <summary>True when the configurator has branches, so what it sets cannot be told per endpoint.</summary>
    public bool ConfiguratorIsConditional { get; private set; }

    public static FastEndpointsConfig Unreadable { get; } = new();

    private static readonly HashSet<string> AuthorizationCalls = new(StringComparer.Ordinal)
    {
        "AllowAnonymous", "Roles", "Policies", "Policy", "AuthSchemes", "Claims", "ClaimsAll", "Permissions", "PermissionsAll", "Options",
    };

    /// <summary>Reads every UseFastEndpoints call, grouped by the service its code runs in.</summary>
    public static Dictionary<string, FastEndpointsConfig> ReadAll(CSharpCorpus corpus, ICollection<Diagnostic> diagnostics)
    {
        var result = new Dictionary<string, FastEndpointsConfig>(StringComparer.Ordinal);
        foreach (var doc in corpus.Documents)
        {
            if (!doc.File.Text.Contains("UseFastEndpoints", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var call in doc.Root.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(i => SyntaxHelpers.InvokedName(i) == "UseFastEndpoints"))
            {
                var service = corpus.Services.ServiceOf(doc);
                if (!result.ContainsKey(service))
                {
                    result[service] = Read(corpus, doc, call, diagnostics);
                }
            }
        }

        return result;
    }

    private static FastEndpointsConfig Read(CSharpCorpus corpus, CSharpDocument doc, InvocationExpressionSyntax call, ICollection<Diagnostic> diagnostics)
    {
        var argument = call.ArgumentList.Arguments.FirstOrDefault()?.Expression;
        if (argument is null)
        {
            return new FastEndpointsConfig { Readable = true };
        }

        var lambda = argument as LambdaExpressionSyntax ?? LocalLambda(doc, argument);
        if (lambda is null)
        {
            diagnostics.Add(new Diagnostic(doc.Path, doc.LineOf(call), "UseFastEndpoints configuration is not an inline lambda; route prefix and versioning are not applied to FastEndpoints routes"));
            return Unreadable;
        }

        var config = new FastEndpointsConfig { Readable = true };
        foreach (var assignment in lambda.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            if (assignment.Left is not MemberAccessExpressionSyntax left)
            {
                continue;
            }

            var owner = (left.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText;
            var property = left.Name.Identifier.ValueText;
            switch (owner, property)
            {
                case ("Endpoints", "RoutePrefix"):
                    config.RoutePrefix = corpus.Constants.Evaluate(assignment.Right);
                    if (config.RoutePrefix is null && assignment.Right is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression })
                    {
                        diagnostics.Add(new Diagnostic(doc.Path, doc.LineOf(assignment), "FastEndpoints route prefix is not a constant; FastEndpoints routes are listed without it"));
                    }

                    break;
                case ("Versioning", "Prefix"):
                    config.VersionPrefix = corpus.Constants.Evaluate(assignment.Right) ?? "v";
                    break;
                case ("Versioning", "DefaultVersion"):
                    config.DefaultVersion = int.TryParse(corpus.Constants.Evaluate(assignment.Right), out var version) ? version : 0;
                    break;
                case ("Versioning", "PrependToRoute"):
                    config.PrependVersion = assignment.Right.IsKind(SyntaxKind.TrueLiteralExpression);
                    break;
                case ("Endpoints", "Configurator") when assignment.Right is LambdaExpressionSyntax configurator:
                    config.ReadConfigurator(doc, configurator);
                    break;
            }
        }

        return config;
    }

    private void ReadConfigurator(CSharpDocument doc, LambdaExpressionSyntax configurator)
    {
        var parameter = configurator switch
        {
            SimpleLambdaExpressionSyntax s => s.Parameter.Identifier.ValueText,
            ParenthesizedLambdaExpressionSyntax p when p.ParameterList.Parameters.Count > 0 => p.ParameterList.Parameters[0].Identifier.ValueText,
            _ => null,
        };
        if (parameter is null)
        {
            return;
        }

        // Only authorization calls under a branch make the outcome unknowable; other branches do not matter here.
        var calls = FastEndpointsCall.On(doc, configurator.Body, parameter).ToList();
        var branched = calls.Where(c => c.Invocation.Ancestors().TakeWhile(a => a != configurator.Body)
            .Any(a => a is IfStatementSyntax or SwitchStatementSyntax or ConditionalExpressionSyntax or SwitchExpressionSyntax)).ToList();
        ConfiguratorIsConditional = branched.Any(c => AuthorizationCalls.Contains(c.Name));
        ConfiguratorCalls = [.. calls.Except(branched)];
    }

    /// <summary><c>Action&lt;Config&gt; cfg = c => {...}; app.UseFastEndpoints(cfg)</c>: the lambda of a local in the same file.</summary>
    private static LambdaExpressionSyntax? LocalLambda(CSharpDocument doc, ExpressionSyntax argument) =>
        argument is IdentifierNameSyntax name
            ? doc.Root.DescendantNodes().OfType<VariableDeclaratorSyntax>()
                .FirstOrDefault(v => v.Identifier.ValueText == name.Identifier.ValueText)?.Initializer?.Value as LambdaExpressionSyntax
            : null;
}
