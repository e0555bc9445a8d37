using System.Text.RegularExpressions;
using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using BackendArchitect.Model;
using BackendArchitect.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC019: a Razor view or Blazor component writes model or request data as HTML, or into a place Razor's encoding does not protect.</summary>
public sealed partial class XssInView : ISyntaxRule
{
    /// <summary>What a view reads that the application does not fix: its model, view data and HttpContext; Request is the caller's directly.</summary>
    private static readonly Dictionary<string, bool> ViewData = new(StringComparer.Ordinal)
    {
        ["Model"] = false,
        ["ViewBag"] = false,
        ["ViewData"] = false,
        ["TempData"] = false,
        ["Context"] = false,
        ["Request"] = true,
    };

    public RuleMetadata Metadata { get; } = new(
        "SEC019",
        "xss-in-view",
        "security",
        Severity.Warning,
        "A view writes model or request data as raw HTML (Html.Raw, HtmlString, MarkupString), in an unquoted attribute, or in a javascript: URL.",
        "Razor and Blazor encode what they render, except where the code says the text is already HTML: Html.Raw, new HtmlString "
            + "and MarkupString write it as it is, so a script in a name, a bio or a query parameter runs in the browser of everyone who "
            + "sees the page, with their session (stored or reflected cross-site scripting). Encoding also stops short in two places: an "
            + "attribute value without quotes ends at the first space, so 'x onmouseover=alert(1)' adds an attribute; and in a "
            + "javascript: URL the browser decodes the entities Razor wrote before running the script. Request data is an error; model "
            + "and component data, whose origin the view does not show, a warning. Render values with @value in quoted attributes, "
            + "and pass HTML that must stay HTML through a sanitizer with an allow-list of tags.",
        "<div class=\"bio\">@Html.Raw(Model.Bio)</div>\n<a href=@Model.Website>site</a>",
        "<div class=\"bio\">@Html.Raw(sanitizer.Sanitize(Model.Bio))</div>\n<a href=\"@Model.Website\">site</a>",
        [
            "https://learn.microsoft.com/aspnet/core/security/cross-site-scripting",
            "https://learn.microsoft.com/aspnet/core/blazor/components/#raw-html",
            "https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html",
        ],
        ["CWE-79", "CWE-83", "OWASP-A03:2021"])
    {
        Applicability = RuleApplicability.CSharp,
        SecuritySeverity = "6.1",
    };

    public IEnumerable<Finding> Check(SyntaxReviewContext context)
    {
        foreach (var file in context.Workspace.Files.Where(f => f.Kind is FileKind.Razor or FileKind.RazorComponent))
        {
            if (!file.Text.Contains('@'))
            {
                continue;
            }

            var view = RazorViewText.Read(file.Text);
            var data = DataNames(view);
            var findings = RawOutputs(file, view, data)
                .Concat(file.Kind == FileKind.Razor ? UnquotedAttributes(file, view, data) : [])
                .Concat(ScriptUrls(file, view, data));
            foreach (var finding in findings.DistinctBy(f => (f.Line, f.Column)))
            {
                yield return finding;
            }
        }
    }

    /// <summary>Html.Raw(x), new HtmlString(x), (MarkupString)x and new MarkupString(x), in markup and in code blocks.</summary>
    private IEnumerable<Finding> RawOutputs(SourceFile file, RazorViewText view, Dictionary<string, bool> data)
    {
        foreach (Match match in RawCall().Matches(view.Markup))
        {
            var open = match.Index + match.Length - 1;
            if (RazorViewText.Parenthesized(view.Markup, open) is { } argument && SyntaxFactory.ParseExpression(argument) is var expression
                && Carries(expression, data) is { } request)
            {
                yield return Raw(file, view, match.Index + (match.Value.StartsWith('@') ? 1 : 0), match.Groups["api"].Value.Trim(), argument, request);
            }
        }

        foreach (Match match in MarkupCast().Matches(view.Markup))
        {
            var open = match.Index + 1;
            if (RazorViewText.Parenthesized(view.Markup, open) is { } inner && SyntaxFactory.ParseExpression(inner) is CastExpressionSyntax cast
                && Carries(cast.Expression, data) is { } request)
            {
                yield return Raw(file, view, match.Index + 1, "(MarkupString)", cast.Expression.ToString(), request);
            }
        }

        foreach (var (offset, members) in view.CodeBlocks)
        {
            foreach (var node in members.DescendantNodes())
            {
                var (api, argument) = node switch
                {
                    CastExpressionSyntax cast when SyntaxHelpers.SimpleTypeName(cast.Type.ToString()) == "MarkupString" => ("(MarkupString)", cast.Expression),
                    ObjectCreationExpressionSyntax { ArgumentList.Arguments: [var first, ..] } creation
                        when SyntaxHelpers.SimpleTypeName(creation.Type.ToString()) is "MarkupString" or "HtmlString" => ("new " + SyntaxHelpers.SimpleTypeName(creation.Type.ToString()), first.Expression),
                    _ => (null, null),
                };
                if (api is not null && argument is not null && Carries(argument, data) is { } request)
                {
                    yield return Raw(file, view, offset + node.SpanStart, api, argument.ToString(), request);
                }
            }
        }
    }

    /// <summary><c>&lt;a href=@Model.Url&gt;</c>: without quotes the value ends at a space, and encoding does not encode spaces.</summary>
    private IEnumerable<Finding> UnquotedAttributes(SourceFile file, RazorViewText view, Dictionary<string, bool> data)
    {
        foreach (Match match in UnquotedAttribute().Matches(view.Markup))
        {
            var attribute = match.Groups["name"].Value;
            var value = match.Groups["value"].Value;
            if (attribute.StartsWith("asp-", StringComparison.OrdinalIgnoreCase) || IsNumberLike(value)
                || Carries(SyntaxFactory.ParseExpression(value.TrimStart('(').TrimEnd(')')), data) is not { } request)
            {
                continue;
            }

            var at = match.Groups["name"].Index;
            yield return At(
                file,
                view,
                at,
                $"{attribute}=@{value} has no quotes: a space in the value ends the attribute, so {Origin(request)} can add attributes such as onmouseover=... that run script.",
                $"Quote the attribute: {attribute}=\"@{value}\".",
                request);
        }
    }

    /// <summary>href="javascript:...@Model.X...": the browser decodes the entities Razor wrote, then runs the text as script.</summary>
    private IEnumerable<Finding> ScriptUrls(SourceFile file, RazorViewText view, Dictionary<string, bool> data)
    {
        foreach (Match match in ScriptUrl().Matches(view.Markup))
        {
            foreach (Match use in RazorExpression().Matches(match.Groups["script"].Value))
            {
                if (Carries(SyntaxFactory.ParseExpression(use.Groups["value"].Value.TrimStart('(').TrimEnd(')')), data) is { } request)
                {
                    yield return At(
                        file,
                        view,
                        match.Groups["name"].Index,
                        $"A javascript: URL holds @{use.Groups["value"].Value}: HTML encoding does not protect script, since the browser decodes the entities before it runs the URL, so {Origin(request)} becomes code.",
                        "Do not build javascript: URLs from data; attach a handler in a script file and pass the value in a data- attribute (which Razor encodes).",
                        request);
                    break;
                }
            }
        }
    }

    private Finding Raw(SourceFile file, RazorViewText view, int offset, string api, string argument, bool request) =>
        At(
            file,
            view,
            offset,
            $"{api} writes {argument.Trim()} as HTML without encoding: a script in {Origin(request)} runs in the browser of whoever sees this page.",
            "Render the value with @value so it is encoded; if it must stay HTML, pass it through an HTML sanitizer with an allow-list of tags first.",
            request);

    private Finding At(SourceFile file, RazorViewText view, int offset, string message, string fix, bool request) =>
        Finding.At(Metadata, new SourceLocation(file.Path, view.LineOf(offset), ColumnOf(view.Text, offset)), message, fix)
            with
        { Severity = request ? Severity.Error : Severity.Warning };

    private static string Origin(bool request) => request ? "the request's value" : "the value (from whoever can set it)";

    /// <summary>
    /// Null when the expression holds nothing the view reads from its model, view data, request or component state,
    /// or passes it through an encoder, serializer or sanitizer; otherwise whether it comes from the request.
    /// </summary>
    private static bool? Carries(ExpressionSyntax expression, Dictionary<string, bool> data)
    {
        if (expression.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(IsSafeCall))
        {
            return null;
        }

        bool? carries = null;
        foreach (var name in Heads(expression))
        {
            if (data.TryGetValue(name, out var request))
            {
                carries = (carries ?? false) || request;
            }
        }

        // Context.Request.Query["q"] starts from Context, but it is the request's.
        return carries is null ? null : carries.Value || expression.ToString().Contains("Request.", StringComparison.Ordinal);
    }

    /// <summary>Names an expression starts from: Model in Model.Bio, item in item.Name, not Bio or Name.</summary>
    private static IEnumerable<string> Heads(ExpressionSyntax expression) =>
        expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
            .Where(i => i.Parent is not MemberAccessExpressionSyntax member || member.Expression == i)
            .Where(i => i.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != i)
            .Select(i => i.Identifier.ValueText);

    private static bool IsSafeCall(InvocationExpressionSyntax invocation) =>
        SyntaxHelpers.InvokedName(invocation) is { } name
        && (name.Contains("Sanitiz", StringComparison.OrdinalIgnoreCase) || name.Contains("Encode", StringComparison.Ordinal)
            || name.StartsWith("Serialize", StringComparison.Ordinal) || name is "nameof" or "Content" or "Action" or "RouteUrl" or "Page");

    /// <summary>
    /// The names that hold data the view does not fix, with whether the request supplies them: Model and view data;
    /// the loop variables and locals taken from them; a component's non-constant fields and properties
    /// (SupplyParameterFromQuery and SupplyParameterFromForm ones come from the request).
    /// </summary>
    private static Dictionary<string, bool> DataNames(RazorViewText view)
    {
        var data = new Dictionary<string, bool>(ViewData, StringComparer.Ordinal);
        foreach (var (_, members) in view.CodeBlocks)
        {
            foreach (var member in members.Members)
            {
                var modifiers = member.Modifiers;
                if (modifiers.Any(m => m.IsKind(SyntaxKind.ConstKeyword)) || (modifiers.Any(m => m.IsKind(SyntaxKind.StaticKeyword)) && modifiers.Any(m => m.IsKind(SyntaxKind.ReadOnlyKeyword))))
                {
                    continue;
                }

                var fromRequest = SyntaxHelpers.Attributes(member).Any(a => SyntaxHelpers.AttributeName(a) is "SupplyParameterFromQuery" or "SupplyParameterFromForm");
                var names = member switch
                {
                    FieldDeclarationSyntax field => field.Declaration.Variables.Select(v => v.Identifier.ValueText),
                    PropertyDeclarationSyntax property => [property.Identifier.ValueText],
                    _ => [],
                };
                foreach (var name in names)
                {
                    data[name] = fromRequest;
                }
            }
        }

        // Locals and loop variables taken from data, in markup (@foreach, @{ var x = ... }) and in code blocks; twice, for chains.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (Match match in LocalFromExpression().Matches(view.Markup))
            {
                Derive(data, match.Groups["name"].Value, match.Groups["value"].Value);
            }

            foreach (var declarator in view.CodeBlocks.SelectMany(b => b.Members.DescendantNodes().OfType<VariableDeclaratorSyntax>()))
            {
                if (declarator.Initializer is { Value: var value } && declarator.Parent?.Parent is LocalDeclarationStatementSyntax)
                {
                    Derive(data, declarator.Identifier.ValueText, value.ToString());
                }
            }
        }

        return data;
    }

    private static void Derive(Dictionary<string, bool> data, string name, string value)
    {
        if (!data.ContainsKey(name) && Carries(SyntaxFactory.ParseExpression(value), data) is { } request)
        {
            data[name] = request;
        }
    }

    /// <summary>An id, count or index cannot hold a space.</summary>
    private static bool IsNumberLike(string value) =>
        value.Split('.')[^1].TrimEnd(')') is var last && (last.EndsWith("Id", StringComparison.Ordinal) || last.EndsWith("ID", StringComparison.Ordinal) || last is "Count" or "Length" or "Index");

    private static int ColumnOf(string text, int offset) => offset - text.LastIndexOf('\n', Math.Max(offset - 1, 0)) is var column && offset > 0 ? column : 1;

    [GeneratedRegex(@"@?(?<api>Html\.Raw|new\s+HtmlString|new\s+MarkupString)\s*\(")]
    private static partial Regex RawCall();

    [GeneratedRegex(@"@\(\s*\(\s*MarkupString\s*\)")]
    private static partial Regex MarkupCast();

    [GeneratedRegex(@"<[A-Za-z][\w:-]*\s[^<>]*?(?<=\s)(?<name>[A-Za-z_:][\w:.-]*)=@(?<value>\([^()]*\)|[A-Za-z_][\w.]*(?:\[[^\]]*\])?)")]
    private static partial Regex UnquotedAttribute();

    [GeneratedRegex(@"(?<=\s)(?<name>href|src|action|formaction)\s*=\s*(?<q>[""'])\s*javascript:(?<script>(?:(?!\k<q>).)*)\k<q>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptUrl();

    [GeneratedRegex(@"@(?<value>\([^()]*\)|[A-Za-z_][\w.]*(?:\[[^\]]*\])?)")]
    private static partial Regex RazorExpression();

    [GeneratedRegex(@"(?:foreach\s*\(\s*(?:var|[\w<>\[\]?.]+)\s+(?<name>\w+)\s+in\s+(?<value>[^)\r\n]+)\)|\bvar\s+(?<name>\w+)\s*=\s*(?<value>[^;\r\n]+);)")]
    private static partial Regex LocalFromExpression();
}
