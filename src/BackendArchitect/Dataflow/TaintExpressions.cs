using BackendArchitect.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Dataflow;

/// <summary>
/// Whether an expression carries request text, and from where: through concatenation, interpolation,
/// string.Format/Concat/Join, Path.Combine, StringBuilder and string methods; parsing, encoding and
/// Path.GetFileName clean it. Constants are never tainted.
/// </summary>
/// <param name="returns">The taint a call into the repository's own methods returns (a helper that builds SQL), or null.</param>
internal sealed class TaintExpressions(TaintState state, MemberTypes members, Func<InvocationExpressionSyntax, string?> returns)
{
    /// <summary>Calls whose result carries no caller text whatever their input: parsing, quoting, tests and hashes.</summary>
    private static readonly HashSet<string> Cleaners = new(StringComparer.Ordinal)
    {
        "Parse", "TryParse", "ParseExact", "ToInt32", "ToInt64", "ToInt16", "ToDecimal", "ToDouble", "ToBoolean", "ToGuid",
        "Quote", "QuoteIdentifier", "Count", "Length", "Any", "GetHashCode", "Equals", "Contains", "StartsWith", "EndsWith", "IsMatch",
        "IsNullOrEmpty", "IsNullOrWhiteSpace", "CompareTo", "IndexOf", "ComputeHash", "HashData",
    };

    /// <summary>What URL-encoded text is safe in: markup, and a URL, redirect or path it can add no separator to.</summary>
    private static readonly TaintKind[] UrlSafe = [TaintKind.Html, TaintKind.Url, TaintKind.Redirect, TaintKind.Path];

    /// <summary>
    /// Encoders whose names do not say what they are safe for (see <see cref="EncoderFor"/> for those that do).
    /// UrlPathEncode and Uri.EscapeUriString keep "/" and ":", so a path, a redirect or a host survives them;
    /// EscapeUriString keeps ' too and cleans nothing.
    /// </summary>
    private static readonly Dictionary<string, TaintKind[]> Encoders = new(StringComparer.Ordinal)
    {
        ["UrlPathEncode"] = [TaintKind.Html],
        ["EscapeDataString"] = UrlSafe,
        ["EscapeUriString"] = [],
    };

    /// <summary>Methods that return their receiver's text changed but still the caller's.</summary>
    private static readonly HashSet<string> Transforms = new(StringComparer.Ordinal)
    {
        "ToString", "Trim", "TrimStart", "TrimEnd", "ToLower", "ToLowerInvariant", "ToUpper", "ToUpperInvariant", "Replace",
        "Substring", "Normalize", "PadLeft", "PadRight", "Insert", "Remove", "First", "FirstOrDefault", "Last", "LastOrDefault",
        "Single", "SingleOrDefault", "ElementAt", "GetValueOrDefault", "AsSpan", "ToArray", "ToList", "ReadToEnd", "ReadToEndAsync",
    };

    /// <summary>Static helpers whose result holds every argument's text.</summary>
    private static readonly HashSet<string> Combiners = new(StringComparer.Ordinal)
    {
        "Format", "Concat", "Join", "Combine", "Create", "GetFullPath", "ChangeExtension",
    };

    /// <summary>Where the expression's text came from when the caller controls it, else null.</summary>
    public string? Of(ExpressionSyntax? expression, TaintKind kind)
    {
        switch (expression)
        {
            case null or LiteralExpressionSyntax:
                return null;
            case IdentifierNameSyntax identifier:
                var name = identifier.Identifier.ValueText;
                if (state.OverwrittenBefore(name, identifier.SpanStart) is { } overwritten)
                {
                    return overwritten.Select(v => Of(v, kind)).FirstOrDefault(t => t is not null);
                }

                return state.Text.TryGetValue(name, out var source) && !state.IsCleaned(name, kind) ? source : null;
            case MemberAccessExpressionSyntax member:
                return Member(member, kind);
            case ElementAccessExpressionSyntax element:
                return RequestSources.Describe(element) ?? Of(element.Expression, kind);
            case InvocationExpressionSyntax invocation:
                return Invocation(invocation, kind);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.CoalesceExpression):
                return Of(binary.Left, kind) ?? Of(binary.Right, kind);
            case InterpolatedStringExpressionSyntax interpolated:
                return interpolated.Contents.OfType<InterpolationSyntax>().Select(i => Of(i.Expression, kind)).FirstOrDefault(s => s is not null);
            case ConditionalExpressionSyntax conditional:
                return Of(conditional.WhenTrue, kind) ?? Of(conditional.WhenFalse, kind);
            case ParenthesizedExpressionSyntax parenthesized:
                return Of(parenthesized.Expression, kind);
            case CastExpressionSyntax cast:
                return StringTypes.IsParsedValue(cast.Type.ToString()) ? null : Of(cast.Expression, kind);
            case AwaitExpressionSyntax awaited:
                return Of(awaited.Expression, kind);
            case PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                return Of(suppressed.Operand, kind);
            case ObjectCreationExpressionSyntax creation when SyntaxHelpers.SimpleTypeName(creation.Type.ToString()) is "Uri" or "StringBuilder" or "StringValues" or "StringReader" or "XmlTextReader":
                return creation.ArgumentList?.Arguments.Select(a => Of(a.Expression, kind)).FirstOrDefault(s => s is not null);
            default:
                return null;
        }
    }

    /// <summary>The taint of what an object creation's initializer assigns to the member (<c>new Filter { Name = name }</c>), or null.</summary>
    private string? Initialized(BaseObjectCreationExpressionSyntax creation, string member, TaintKind kind) =>
        creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
            .Where(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: var assigned } && assigned == member)
            .Select(a => Of(a.Right, kind)).FirstOrDefault(t => t is not null);

    /// <summary>Where a request object held in this name came from, or null when it holds none.</summary>
    public string? ObjectSource(string name) => state.Objects.TryGetValue(name, out var dto) ? dto.Source : null;

    /// <summary>The members of a local object that were set from request text (<c>new Filter { Name = name }</c>), by member name.</summary>
    public IEnumerable<(string Member, string Source)> TaintedMembers(string name) =>
        state.Text.Where(t => t.Key.Length > name.Length + 1 && t.Key.StartsWith(name, StringComparison.Ordinal) && t.Key[name.Length] == '.')
            .Select(t => (t.Key[(name.Length + 1)..], t.Value));

    /// <summary>
    /// For URLs and redirects, only text that decides where the request goes counts: a value after a fixed
    /// "https://host/" or a local "/path" prefix picks a path on a known host, not the host.
    /// </summary>
    public string? OfDestination(ExpressionSyntax expression, TaintKind kind)
    {
        var parts = Parts(expression);
        var prefix = "";
        foreach (var part in parts)
        {
            if (Constant(part) is { } text)
            {
                prefix += text;
                continue;
            }

            return OpenPrefix(prefix) ? Of(part, kind) : null;
        }

        return null;
    }

    private string? Member(MemberAccessExpressionSyntax member, TaintKind kind)
    {
        if (RequestSources.Describe(member) is { } request)
        {
            return request;
        }

        if (kind == TaintKind.Xslt && member.Name.Identifier.ValueText == "Body" && RequestSources.IsRequest(member.Expression))
        {
            return member.ToString();
        }

        var name = member.Name.Identifier.ValueText;
        if (name is "Length" or "Count")
        {
            return null;
        }

        if (member.Expression is IdentifierNameSyntax { Identifier.ValueText: var holder })
        {
            if (state.OverwrittenBefore(holder + "." + name, member.SpanStart) is { } overwritten)
            {
                return overwritten.Select(v => Of(v, kind)).FirstOrDefault(t => t is not null);
            }

            // model = new Model(): the request's object is gone, and the new one holds what its initializer sets.
            if (state.OverwrittenBefore(holder, member.SpanStart) is { } replaced)
            {
                return replaced.Select(v => v is BaseObjectCreationExpressionSyntax creation ? Initialized(creation, name, kind) : Of(v, kind)).FirstOrDefault(t => t is not null);
            }
        }

        // A member set from request text on an object the code made itself: only that member is the caller's.
        if (member.Expression is IdentifierNameSyntax { Identifier.ValueText: var made } && state.Text.TryGetValue(made + "." + name, out var set))
        {
            return state.IsCleaned(made + "." + name, kind) ? null : set;
        }

        if (member.Expression is IdentifierNameSyntax { Identifier.ValueText: var owner } && state.Objects.TryGetValue(owner, out var dto))
        {
            if (state.IsCleaned(owner + "." + name, kind))
            {
                return null;
            }

            // An archive entry's Name is its last segment only, like Path.GetFileName of its FullName.
            if (dto.Type == "ZipArchiveEntry" && name == "Name" && kind == TaintKind.Path)
            {
                return null;
            }

            return members.TypeOf(dto.Type, name) is { } type && !StringTypes.CarriesText(type) ? null : $"{dto.Source} ({member})";
        }

        return Of(member.Expression, kind);
    }

    private string? Invocation(InvocationExpressionSyntax invocation, TaintKind kind)
    {
        var name = SyntaxHelpers.InvokedName(invocation);
        if (name is null || Cleaners.Contains(name))
        {
            return null;
        }

        // HtmlEncoder.Default.Encode(x) and kin: the encoder's name says which context it encodes for.
        var cleans = Encoders.TryGetValue(name, out var encoded) ? encoded
            : name == "Encode" ? (SyntaxHelpers.Receiver(invocation)?.ToString().Contains("Url", StringComparison.Ordinal) == true ? UrlSafe : [TaintKind.Html])
            : EncoderFor(name);
        if (cleans is not null)
        {
            return cleans.Contains(kind) ? null : Arguments(invocation, kind);
        }

        // Path.GetFileName keeps only the last segment: no "../" or absolute path survives it.
        if (name is "GetFileName" or "GetFileNameWithoutExtension" or "GetExtension")
        {
            return kind == TaintKind.Path ? null : Arguments(invocation, kind);
        }

        var receiver = SyntaxHelpers.Receiver(invocation);

        // new StreamReader(Request.Body).ReadToEnd(): the body is a stream, and the text read from it is the caller's.
        if (name is "ReadToEnd" or "ReadToEndAsync" && receiver is ObjectCreationExpressionSyntax { ArgumentList.Arguments: [var stream, ..] }
            && stream.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Body", Expression: var owner } && RequestSources.IsRequest(owner))
        {
            return stream.Expression.ToString();
        }

        // A stylesheet is run for what it contains, so an upload's content counts where a stream is read as XSLT.
        if (kind == TaintKind.Xslt && name == "OpenReadStream" && receiver is IdentifierNameSyntax { Identifier.ValueText: var upload } && state.Objects.TryGetValue(upload, out var file))
        {
            return $"{file.Source} ({invocation})";
        }

        if (Transforms.Contains(name) && receiver is not null)
        {
            return Of(receiver, kind);
        }

        if (Combiners.Contains(name) && receiver is IdentifierNameSyntax { Identifier.ValueText: "string" or "String" or "Path" or "Uri" or "FormattableStringFactory" or "XmlReader" })
        {
            return Arguments(invocation, kind);
        }

        return invocation.Expression is MemberAccessExpressionSyntax { Expression: PredefinedTypeSyntax } && Combiners.Contains(name)
            ? Arguments(invocation, kind)
            : returns(invocation);
    }

    /// <summary>
    /// An encoder named for its context, with the sinks its output is safe for. Encoding is for one context:
    /// HtmlEncode("1 OR 1=1") and UrlEncode of a column name are still SQL, so for other kinds the caller's text passes
    /// through. URL encoders (UrlEncode, HtmlFormUrlEncode) also leave no "/" or ":" for a path, a redirect or a host;
    /// markup encoders (HtmlEncode, XmlAttributeEncode, JavaScriptStringEncode) clean HTML; LDAP encoders none of these.
    /// </summary>
    private static TaintKind[]? EncoderFor(string name) =>
        !name.EndsWith("Encode", StringComparison.Ordinal) ? null
            : name.Contains("Url", StringComparison.Ordinal) ? UrlSafe
            : name.Contains("Html", StringComparison.Ordinal) || name.Contains("Xml", StringComparison.Ordinal) || name.Contains("JavaScript", StringComparison.Ordinal) ? [TaintKind.Html]
            : name.Contains("Ldap", StringComparison.Ordinal) ? []
            : null;

    private string? Arguments(InvocationExpressionSyntax invocation, TaintKind kind) =>
        invocation.ArgumentList.Arguments.Select(a => Of(a.Expression, kind)).FirstOrDefault(s => s is not null);

    private static List<ExpressionSyntax> Parts(ExpressionSyntax expression)
    {
        var parts = new List<ExpressionSyntax>();
        Flatten(expression, parts);
        return parts;
    }

    private static void Flatten(ExpressionSyntax expression, List<ExpressionSyntax> parts)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                Flatten(parenthesized.Expression, parts);
                break;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                Flatten(binary.Left, parts);
                Flatten(binary.Right, parts);
                break;
            case InvocationExpressionSyntax { ArgumentList.Arguments: [var format, _, ..] } call
                when SyntaxHelpers.InvokedName(call) == "Format" && SyntaxHelpers.Receiver(call)?.ToString() is "string" or "String":
                FlattenFormat(format.Expression, [.. call.ArgumentList.Arguments.Skip(1).Select(v => v.Expression)], parts);
                break;
            case InterpolatedStringExpressionSyntax interpolated:
                foreach (var content in interpolated.Contents)
                {
                    parts.Add(content is InterpolationSyntax i ? i.Expression : Literal(((InterpolatedStringTextSyntax)content).TextToken.ValueText));
                }

                break;
            default:
                parts.Add(expression);
                break;
        }
    }

    /// <summary>
    /// string.Format's text in order: a literal format's text between the placeholders, each {n} as argument n.
    /// A format that is not a literal comes first as itself, so a fixed one (a constant field) decides the start.
    /// </summary>
    private static void FlattenFormat(ExpressionSyntax format, IReadOnlyList<ExpressionSyntax> values, List<ExpressionSyntax> parts)
    {
        if (Constant(format) is not { } text)
        {
            parts.Add(format);
            parts.AddRange(values);
            return;
        }

        var at = 0;
        foreach (System.Text.RegularExpressions.Match placeholder in System.Text.RegularExpressions.Regex.Matches(text, @"\{(\d+)[^}]*\}"))
        {
            parts.Add(Literal(text[at..placeholder.Index]));
            var index = int.Parse(placeholder.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (index < values.Count)
            {
                parts.Add(values[index]);
            }

            at = placeholder.Index + placeholder.Length;
        }

        parts.Add(Literal(text[at..]));
    }

    private static LiteralExpressionSyntax Literal(string text) => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));

    private static string? Constant(ExpressionSyntax expression) =>
        expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;

    /// <summary>True while the text so far leaves the scheme or host to what follows: "", "https://", "//".</summary>
    private static bool OpenPrefix(string prefix)
    {
        var p = prefix.Trim();
        if (p.Length == 0 || p.EndsWith("://", StringComparison.Ordinal) || p == "//" || p.EndsWith(':'))
        {
            return true;
        }

        // "https://" followed by a host without its closing "/" still lets "evil.com" or "@evil.com" be appended.
        var scheme = p.IndexOf("://", StringComparison.Ordinal);
        return scheme >= 0 && p.IndexOf('/', scheme + 3) < 0;
    }
}
