using System.Collections.Frozen;
using BackendArchitect.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Dataflow;

/// <summary>One method of the repository that has a body, with its type and file.</summary>
internal sealed record MethodEntry(BaseMethodDeclarationSyntax Method, TypeDeclarationSyntax Type, CSharpDocument Document)
{
    public string Name => Method is MethodDeclarationSyntax m ? m.Identifier.ValueText : Type.Identifier.ValueText;
}

/// <summary>
/// Resolves a call to the repository's own methods by name, syntax only: the receiver's declared type (a field,
/// property, constructor or method parameter, a local with a written type, or the type a `new` creates) picks the class or the
/// implementations of the interface; an unqualified call stays in its class. A call whose receiver type is not
/// known resolves only when one method in the repository has that name and arity, so a common name never fans out.
/// </summary>
internal sealed class CallResolver
{
    private readonly FrozenDictionary<string, MethodEntry[]> byName;

    public CallResolver(CSharpCorpus corpus)
    {
        // The corpus already indexes every type declaration; their members are the methods, so no tree is walked
        // again. Entries keep source order (file path, then position), the order a walk of the files gives.
        byName = corpus.Types.Values
            .SelectMany(entries => entries)
            .SelectMany(entry => entry.Declaration is TypeDeclarationSyntax type
                ? type.Members.OfType<MethodDeclarationSyntax>()
                    .Where(method => method.Body is not null || method.ExpressionBody is not null)
                    .Select(method => new MethodEntry(method, type, entry.Document))
                : Enumerable.Empty<MethodEntry>())
            .GroupBy(method => method.Name, StringComparer.Ordinal)
            .ToFrozenDictionary(
                group => group.Key,
                group => group.OrderBy(m => m.Document.Path, StringComparer.Ordinal).ThenBy(m => m.Method.SpanStart).ToArray(),
                StringComparer.Ordinal);
    }

    /// <summary>The methods a call may run; empty when it leaves the repository or cannot be told.</summary>
    public IReadOnlyList<MethodEntry> Resolve(InvocationExpressionSyntax invocation)
    {
        var name = SyntaxHelpers.InvokedName(invocation);
        if (name is null || !byName.TryGetValue(name, out var candidates))
        {
            return [];
        }

        var arity = invocation.ArgumentList.Arguments.Count;
        var fitting = candidates.Where(c => Accepts(c.Method, arity)).ToArray();
        var receiverType = ReceiverType(invocation);
        if (receiverType is null)
        {
            return fitting.Length == 1 ? fitting : [];
        }

        return [.. fitting.Where(c => c.Type.Identifier.ValueText == receiverType || SyntaxHelpers.BaseTypeNames(c.Type).Any(b => SyntaxHelpers.SimpleTypeName(b) == receiverType))];
    }

    private static bool Accepts(BaseMethodDeclarationSyntax method, int arity)
    {
        var parameters = method.ParameterList.Parameters;
        var required = parameters.Count(p => p.Default is null && !p.Modifiers.Any(m => m.ValueText == "params"));
        return arity >= required && (arity <= parameters.Count || parameters.Any(p => p.Modifiers.Any(m => m.ValueText == "params")));
    }

    /// <summary>The simple name of the type the call is made on, or null.</summary>
    private static string? ReceiverType(InvocationExpressionSyntax invocation)
    {
        var type = invocation.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        var receiver = SyntaxHelpers.Receiver(invocation);
        switch (receiver)
        {
            case null or ThisExpressionSyntax:
                return type?.Identifier.ValueText;
            case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var member }:
                return type is null ? null : DeclaredType(type, invocation, member.Identifier.ValueText);
            case IdentifierNameSyntax identifier:
                var name = identifier.Identifier.ValueText;
                return (type is null ? null : DeclaredType(type, invocation, name)) ?? (char.IsUpper(name[0]) ? name : null);
            case ObjectCreationExpressionSyntax creation:
                return Simple(creation.Type);
            default:
                return null;
        }
    }

    /// <summary>The written type of a name visible at the call: a local, a parameter, a field, a property or a primary-constructor parameter.</summary>
    private static string? DeclaredType(TypeDeclarationSyntax type, SyntaxNode at, string name)
    {
        foreach (var ancestor in at.Ancestors())
        {
            switch (ancestor)
            {
                case BaseMethodDeclarationSyntax method when method.ParameterList.Parameters.FirstOrDefault(p => p.Identifier.ValueText == name) is { Type: { } t }:
                    return Simple(t);
                case ParenthesizedLambdaExpressionSyntax lambda when lambda.ParameterList.Parameters.FirstOrDefault(p => p.Identifier.ValueText == name) is { Type: { } t }:
                    return Simple(t);
                case BlockSyntax block:
                    var local = block.Statements.OfType<LocalDeclarationStatementSyntax>()
                        .FirstOrDefault(s => s.Declaration.Variables.Any(v => v.Identifier.ValueText == name));
                    if (local is not null)
                    {
                        // var x = new Report(...) has the type it creates.
                        return !local.Declaration.Type.IsVar ? Simple(local.Declaration.Type)
                            : local.Declaration.Variables.First(v => v.Identifier.ValueText == name).Initializer?.Value is ObjectCreationExpressionSyntax created ? Simple(created.Type)
                            : null;
                    }

                    break;
            }

            if (ancestor == type)
            {
                break;
            }
        }

        if (type.ParameterList?.Parameters.FirstOrDefault(p => p.Identifier.ValueText == name) is { Type: { } primary })
        {
            return Simple(primary);
        }

        foreach (var member in type.Members)
        {
            switch (member)
            {
                case FieldDeclarationSyntax field when field.Declaration.Variables.Any(v => v.Identifier.ValueText == name):
                    return Simple(field.Declaration.Type);
                case PropertyDeclarationSyntax property when property.Identifier.ValueText == name:
                    return Simple(property.Type);
                case ConstructorDeclarationSyntax constructor when constructor.ParameterList.Parameters.FirstOrDefault(p => p.Identifier.ValueText == name) is { Type: { } t }:
                    return Simple(t);
            }
        }

        return null;
    }

    private static string Simple(TypeSyntax type) => SyntaxHelpers.SimpleTypeName(type.ToString().TrimEnd('?'));
}
