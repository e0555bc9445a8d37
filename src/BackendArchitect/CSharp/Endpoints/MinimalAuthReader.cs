using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// Reads authorization metadata written on minimal APIs, hubs and gRPC services: [Authorize] and
/// [AllowAnonymous] attributes (and custom attributes derived from them), RequireAuthorization(...)
/// arguments, AllowAnonymous() and WithMetadata(new AuthorizeAttribute(...)).
/// </summary>
internal sealed class MinimalAuthReader(CSharpCorpus corpus, ICollection<Diagnostic> diagnostics)
{
    /// <summary>Authorization metadata from attributes on a lambda, method or class.</summary>
    public IEnumerable<AuthMetadata> FromAttributes(SyntaxList<AttributeListSyntax> lists, string where, CSharpDocument document)
    {
        foreach (var attribute in SyntaxHelpers.Attributes(lists))
        {
            var metadata = FromAttribute(attribute, where, document);
            if (metadata is not null)
            {
                yield return metadata;
            }
        }
    }

    /// <summary>The [Authorize]/[AllowAnonymous] attributes of a type, its partial declarations and its base classes in the corpus.</summary>
    public IEnumerable<AuthMetadata> FromType(string typeName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([SyntaxHelpers.SimpleTypeName(typeName)]);
        while (pending.Count > 0 && seen.Count < 8)
        {
            var name = pending.Dequeue();
            if (!seen.Add(name))
            {
                continue;
            }

            foreach (var entry in corpus.FindType(name))
            {
                foreach (var metadata in FromAttributes(entry.Declaration.AttributeLists, "class " + SyntaxHelpers.QualifiedName(entry.Declaration), entry.Document))
                {
                    yield return metadata;
                }

                var baseName = SyntaxHelpers.BaseTypeNames(entry.Declaration).FirstOrDefault();
                if (baseName is not null)
                {
                    pending.Enqueue(SyntaxHelpers.SimpleTypeName(baseName));
                }
            }
        }
    }

    /// <summary>The metadata one conventions call adds (RequireAuthorization, AllowAnonymous, WithMetadata), or none.</summary>
    /// <param name="argumentSource">Maps a mapping method's parameter to the argument its caller passed, so policy names passed in are read.</param>
    public IEnumerable<AuthMetadata> FromConvention(InvocationExpressionSyntax invocation, string name, CSharpDocument document, Func<ExpressionSyntax, ExpressionSyntax>? argumentSource = null)
    {
        var line = document.LineOf(invocation.Expression is MemberAccessExpressionSyntax m ? m.Name : invocation.Expression);
        var detail = Shorten("." + (invocation.Expression is MemberAccessExpressionSyntax ma ? ma.Name + invocation.ArgumentList.ToString() : invocation.ToString()));
        switch (name)
        {
            case "AllowAnonymous":
                yield return AuthMetadata.AllowAnonymous(detail, document.Path, line);
                break;
            case "RequireAuthorization":
                yield return RequireAuthorization(invocation, detail, document, line, argumentSource ?? (e => e));
                break;
            case "WithMetadata":
                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    if (argument.Expression is BaseObjectCreationExpressionSyntax creation && FromCreation(creation, detail, document, line) is { } metadata)
                    {
                        yield return metadata;
                    }
                }

                break;
        }
    }

    private AuthMetadata RequireAuthorization(InvocationExpressionSyntax invocation, string detail, CSharpDocument document, int line, Func<ExpressionSyntax, ExpressionSyntax> argumentSource)
    {
        var policies = new List<string>();
        var roles = new List<string>();
        var schemes = new List<string>();
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            var expression = argumentSource(argument.Expression);
            if (corpus.Constants.Evaluate(expression) is { } policy)
            {
                policies.Add(policy);
                continue;
            }

            switch (expression)
            {
                case BaseObjectCreationExpressionSyntax creation when AuthorizeData(creation) is { } data:
                    policies.AddRange(data.Policies);
                    roles.AddRange(data.Roles);
                    schemes.AddRange(data.Schemes);
                    continue;
                case LambdaExpressionSyntax lambda:
                    ReadPolicyBuilder(lambda, roles, schemes);
                    continue;
                case ImplicitArrayCreationExpressionSyntax or ArrayCreationExpressionSyntax or CollectionExpressionSyntax:
                    var values = StringElements(expression);
                    if (values is not null)
                    {
                        policies.AddRange(values);
                        continue;
                    }

                    break;
                case InvocationExpressionSyntax built when built.ToString().Contains("AuthorizationPolicyBuilder", StringComparison.Ordinal):
                    ReadPolicyBuilder(built, roles, schemes);
                    continue;
            }

            diagnostics.Add(new Diagnostic(document.Path, line, $"authorization policy '{Shorten(expression.ToString())}' is not a constant; the endpoint is reported as requiring authorization without a policy name", DiagnosticSeverity.Info));
        }

        return AuthMetadata.Authorize(detail, document.Path, line, policies, roles, schemes);
    }

    /// <summary>Roles and schemes that a policy builder lambda or chain requires (RequireRole, AddAuthenticationSchemes).</summary>
    private void ReadPolicyBuilder(SyntaxNode node, List<string> roles, List<string> schemes)
    {
        foreach (var call in node.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            var target = SyntaxHelpers.InvokedName(call) switch
            {
                "RequireRole" => roles,
                "AddAuthenticationSchemes" => schemes,
                _ => null,
            };
            if (target is null)
            {
                continue;
            }

            foreach (var argument in call.ArgumentList.Arguments)
            {
                var values = StringElements(argument.Expression) ?? (corpus.Constants.Evaluate(argument.Expression) is { } v ? [v] : null);
                target.AddRange(values ?? []);
            }
        }
    }

    private AuthMetadata? FromAttribute(AttributeSyntax attribute, string where, CSharpDocument document)
    {
        var name = SyntaxHelpers.AttributeName(attribute);
        var line = document.LineOf(attribute);
        var detail = Shorten($"[{attribute}] on {where}");
        switch (name)
        {
            case "AllowAnonymous":
                return AuthMetadata.AllowAnonymous(detail, document.Path, line);
            case "Authorize":
                var policies = new List<string>();
                if (SyntaxHelpers.PositionalArguments(attribute).FirstOrDefault() is { } positional)
                {
                    AddEvaluated(positional, policies, document, line, split: false);
                }

                AddEvaluated(SyntaxHelpers.NamedArgument(attribute, "Policy"), policies, document, line, split: false);
                var roles = new List<string>();
                AddEvaluated(SyntaxHelpers.NamedArgument(attribute, "Roles"), roles, document, line, split: true);
                var schemes = new List<string>();
                AddEvaluated(SyntaxHelpers.NamedArgument(attribute, "AuthenticationSchemes"), schemes, document, line, split: true);
                return AuthMetadata.Authorize(detail, document.Path, line, policies, roles, schemes);
            default:
                return CustomAttribute(name, detail, document.Path, line);
        }
    }

    private AuthMetadata? FromCreation(BaseObjectCreationExpressionSyntax creation, string detail, CSharpDocument document, int line)
    {
        var typeName = creation is ObjectCreationExpressionSyntax o ? SyntaxHelpers.SimpleTypeName(o.Type.ToString()) : "";
        if (typeName is "AllowAnonymousAttribute" or "AllowAnonymous")
        {
            return AuthMetadata.AllowAnonymous(detail, document.Path, line);
        }

        if (AuthorizeData(creation) is { } data)
        {
            return AuthMetadata.Authorize(detail, document.Path, line, data.Policies, data.Roles, data.Schemes);
        }

        var custom = typeName.EndsWith("Attribute", StringComparison.Ordinal) ? typeName[..^"Attribute".Length] : typeName;
        return custom.Length == 0 ? null : CustomAttribute(custom, detail, document.Path, line);
    }

    /// <summary>Policy, roles and schemes of <c>new AuthorizeAttribute("P") { Roles = "A" }</c>, or null for another type.</summary>
    private (List<string> Policies, List<string> Roles, List<string> Schemes)? AuthorizeData(BaseObjectCreationExpressionSyntax creation)
    {
        if (creation is not ObjectCreationExpressionSyntax o || SyntaxHelpers.SimpleTypeName(o.Type.ToString()) is not ("AuthorizeAttribute" or "Authorize"))
        {
            return null;
        }

        var policies = new List<string>();
        var roles = new List<string>();
        var schemes = new List<string>();
        if (creation.ArgumentList?.Arguments.FirstOrDefault()?.Expression is { } first && corpus.Constants.Evaluate(first) is { } policy)
        {
            policies.Add(policy);
        }

        foreach (var assignment in creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>() ?? [])
        {
            var value = corpus.Constants.Evaluate(assignment.Right);
            if (value is null)
            {
                continue;
            }

            switch ((assignment.Left as IdentifierNameSyntax)?.Identifier.ValueText)
            {
                case "Policy":
                    policies.Add(value);
                    break;
                case "Roles":
                    roles.AddRange(Split(value));
                    break;
                case "AuthenticationSchemes":
                    schemes.AddRange(Split(value));
                    break;
            }
        }

        return (policies, roles, schemes);
    }

    /// <summary>A project's own attribute that derives from AuthorizeAttribute or AllowAnonymousAttribute.</summary>
    private AuthMetadata? CustomAttribute(string name, string detail, string file, int line)
    {
        var entries = corpus.FindType(name + "Attribute");
        if (entries.IsEmpty)
        {
            entries = corpus.FindType(name);
        }

        foreach (var entry in entries)
        {
            var bases = SyntaxHelpers.BaseTypeNames(entry.Declaration).Select(SyntaxHelpers.SimpleTypeName).ToArray();
            if (bases.Any(b => b is "AuthorizeAttribute" or "IAuthorizeData"))
            {
                var (policies, roles, schemes) = ConstructorData(entry.Declaration);
                return AuthMetadata.Authorize(detail, file, line, policies, roles, schemes);
            }

            if (bases.Any(b => b is "AllowAnonymousAttribute" or "IAllowAnonymous"))
            {
                return AuthMetadata.AllowAnonymous(detail, file, line);
            }
        }

        return null;
    }

    /// <summary>What a derived attribute's constructors set: <c>: base("Policy")</c> and constant Policy/Roles/AuthenticationSchemes assignments.</summary>
    private (List<string> Policies, List<string> Roles, List<string> Schemes) ConstructorData(BaseTypeDeclarationSyntax type)
    {
        var policies = new List<string>();
        var roles = new List<string>();
        var schemes = new List<string>();
        foreach (var constructor in type.DescendantNodes().OfType<ConstructorDeclarationSyntax>())
        {
            if (constructor.Initializer?.ArgumentList.Arguments.FirstOrDefault()?.Expression is { } baseArgument && corpus.Constants.Evaluate(baseArgument) is { } basePolicy)
            {
                policies.Add(basePolicy);
            }

            foreach (var assignment in constructor.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                var member = assignment.Left switch
                {
                    IdentifierNameSyntax i => i.Identifier.ValueText,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } m => m.Name.Identifier.ValueText,
                    _ => null,
                };
                var target = member switch
                {
                    "Policy" => policies,
                    "Roles" => roles,
                    "AuthenticationSchemes" => schemes,
                    _ => null,
                };
                if (target is not null && corpus.Constants.Evaluate(assignment.Right) is { } value)
                {
                    target.AddRange(member == "Policy" ? [value] : Split(value));
                }
            }
        }

        return (policies, roles, schemes);
    }

    private void AddEvaluated(ExpressionSyntax? expression, List<string> target, CSharpDocument document, int line, bool split)
    {
        if (expression is null)
        {
            return;
        }

        var value = corpus.Constants.Evaluate(expression);
        if (value is null)
        {
            diagnostics.Add(new Diagnostic(document.Path, line, $"authorization value '{Shorten(expression.ToString())}' is not a constant and is left out"));
            return;
        }

        target.AddRange(split ? Split(value) : [value]);
    }

    /// <summary>The constant strings of an array or collection expression, or null when one is not constant.</summary>
    private List<string>? StringElements(ExpressionSyntax expression)
    {
        IEnumerable<ExpressionSyntax>? elements = expression switch
        {
            ImplicitArrayCreationExpressionSyntax i => i.Initializer.Expressions,
            ArrayCreationExpressionSyntax a => a.Initializer?.Expressions,
            CollectionExpressionSyntax c => c.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression),
            _ => null,
        };
        if (elements is null)
        {
            return null;
        }

        var result = new List<string>();
        foreach (var element in elements)
        {
            var value = corpus.Constants.Evaluate(element);
            if (value is null)
            {
                return null;
            }

            result.Add(value);
        }

        return result;
    }

    private static IEnumerable<string> Split(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static string Shorten(string text)
    {
        var collapsed = string.Join(' ', text.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= 120 ? collapsed : collapsed[..117] + "...";
    }
}
