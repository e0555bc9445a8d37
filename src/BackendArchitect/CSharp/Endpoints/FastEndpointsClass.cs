using System.Collections.Concurrent;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// What a class's base type says about a FastEndpoints endpoint: its request and response types,
/// and the user-written base classes in between (whose Configure() may hold the settings).
/// Recognises Endpoint&lt;TReq[, TRes[, TMapper]]&gt;, EndpointWithoutRequest[&lt;TRes&gt;],
/// EndpointWithMapping/EndpointWithMapper and the Ep.Req&lt;..&gt;.Res&lt;..&gt; / Ep.NoReq... family,
/// directly or through generic base classes of the code base.
/// </summary>
public sealed record FastEndpointsClass(string? RequestType, string? ResponseType, IReadOnlyList<TypeEntry> BaseClasses)
{
    private const int MaxDepth = 6;

    /// <summary>Classifies one class declaration, or null when it is not a FastEndpoints endpoint.</summary>
    public static FastEndpointsClass? Of(CSharpCorpus corpus, ClassDeclarationSyntax declaration, ConcurrentDictionary<string, FastEndpointsClass?> cache) =>
        declaration.BaseList?.Types.FirstOrDefault()?.Type is { } baseType ? FromBaseType(corpus, baseType, cache, 0) : null;

    private static FastEndpointsClass? FromBaseType(CSharpCorpus corpus, TypeSyntax baseType, ConcurrentDictionary<string, FastEndpointsClass?> cache, int depth)
    {
        var known = Known(baseType);
        if (known is not null || depth >= MaxDepth)
        {
            return known;
        }

        // A base class of the code base, e.g. "abstract class CrudEndpoint<TReq> : Endpoint<TReq, Result>".
        var (name, arguments) = NameAndArguments(baseType);
        if (name is null || name is "object" or "Object")
        {
            return null;
        }

        var key = name + "`" + arguments.Count;
        if (!cache.TryGetValue(key, out var template))
        {
            // Mark in progress so a cycle ends as "not an endpoint" instead of recursing forever.
            cache[key] = null;
            var entry = corpus.FindType(name).FirstOrDefault(e => e.Declaration is ClassDeclarationSyntax c
                && (c.TypeParameterList?.Parameters.Count ?? 0) == arguments.Count);
            template = entry?.Declaration is ClassDeclarationSyntax baseClass && baseClass.BaseList?.Types.FirstOrDefault()?.Type is { } next
                ? FromBaseType(corpus, next, cache, depth + 1) is { } inner ? inner with { BaseClasses = [entry, .. inner.BaseClasses] } : null
                : null;
            cache[key] = template;
        }

        if (template is null)
        {
            return null;
        }

        var parameters = (template.BaseClasses[0].Declaration as ClassDeclarationSyntax)?.TypeParameterList?.Parameters.Select(p => p.Identifier.ValueText).ToList() ?? [];
        string? Substitute(string? type)
        {
            var index = type is null ? -1 : parameters.IndexOf(type);
            return index >= 0 && index < arguments.Count ? arguments[index] : type;
        }

        return template with { RequestType = Substitute(template.RequestType), ResponseType = Substitute(template.ResponseType) };
    }

    /// <summary>The FastEndpoints base types themselves.</summary>
    private static FastEndpointsClass? Known(TypeSyntax baseType)
    {
        var text = baseType.ToString().Replace(" ", "", StringComparison.Ordinal);
        if (text.StartsWith("FastEndpoints.", StringComparison.Ordinal))
        {
            text = text["FastEndpoints.".Length..];
        }

        if (text.StartsWith("Ep.", StringComparison.Ordinal))
        {
            var request = text.StartsWith("Ep.Req<", StringComparison.Ordinal) ? GenericArgumentAfter(text, "Req<") : null;
            var response = text.Contains(".Res<", StringComparison.Ordinal) ? GenericArgumentAfter(text, ".Res<") : null;
            return text.StartsWith("Ep.Req<", StringComparison.Ordinal) || text.StartsWith("Ep.NoReq", StringComparison.Ordinal)
                ? new FastEndpointsClass(request, response, [])
                : null;
        }

        var (name, arguments) = NameAndArguments(baseType);
        return name switch
        {
            "Endpoint" when arguments.Count is >= 1 and <= 3 => new FastEndpointsClass(arguments[0], arguments.Count > 1 ? arguments[1] : null, []),
            "EndpointWithoutRequest" when arguments.Count <= 2 => new FastEndpointsClass(null, arguments.Count > 0 ? arguments[0] : null, []),
            "EndpointWithMapping" when arguments.Count == 3 => new FastEndpointsClass(arguments[0], arguments[1], []),
            "EndpointWithMapper" when arguments.Count == 2 => new FastEndpointsClass(arguments[0], null, []),
            _ => null,
        };
    }

    private static (string? Name, IReadOnlyList<string> Arguments) NameAndArguments(TypeSyntax type) => type switch
    {
        GenericNameSyntax g => (g.Identifier.ValueText, g.TypeArgumentList.Arguments.Select(a => a.ToString()).ToArray()),
        IdentifierNameSyntax i => (i.Identifier.ValueText, []),
        QualifiedNameSyntax q => NameAndArguments(q.Right),
        AliasQualifiedNameSyntax a => NameAndArguments(a.Name),
        _ => (null, []),
    };

    /// <summary>The text between "marker" and its matching '&gt;', e.g. "Req&lt;" in "Ep.Req&lt;A&lt;B&gt;&gt;.Res&lt;C&gt;" gives "A&lt;B&gt;".</summary>
    private static string? GenericArgumentAfter(string text, string marker)
    {
        var start = text.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += marker.Length;
        var depth = 1;
        for (var i = start; i < text.Length; i++)
        {
            depth += text[i] switch { '<' => 1, '>' => -1, _ => 0 };
            if (depth == 0)
            {
                return text[start..i];
            }
        }

        return null;
    }
}
