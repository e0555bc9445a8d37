using BackendArchitect.Model;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Endpoints;

/// <summary>
/// A service's Razor Pages conventions that change routes or authorization
/// (<c>o.Conventions.AuthorizeFolder("/Admin")</c>, <c>AllowAnonymousToPage</c>, <c>AddPageRoute</c>...).
/// <c>MapRazorPages().RequireAuthorization()</c> applies to every page and is read with the service's
/// other authorization defaults (<see cref="ServiceAuthDefaults.RazorPages"/>).
/// </summary>
public sealed class RazorPageConventions
{
    private readonly List<Rule> rules = [];
    private readonly List<ExtraRoute> extraRoutes = [];

    private RazorPageConventions()
    {
    }

    /// <summary>Reads the conventions written in a service's own documents.</summary>
    public static RazorPageConventions Read(CSharpCorpus corpus, string service, ICollection<Diagnostic> diagnostics)
    {
        var result = new RazorPageConventions();
        foreach (var doc in corpus.Services.DocumentsOf(service))
        {
            var text = doc.File.Text;
            if (!text.Contains("Conventions", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var invocation in doc.Root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = SyntaxHelpers.InvokedName(invocation);
                if (name is not null && IsConventionReceiver(invocation))
                {
                    result.ReadConvention(corpus, doc, invocation, name, diagnostics);
                }
            }
        }

        return result;
    }

    /// <summary>Authorization metadata the conventions attach to one page.</summary>
    public IEnumerable<AuthMetadata> For(RazorPageRoute page) =>
        rules.Where(r => r.Matches(page)).Select(r => r.Metadata);

    /// <summary>Routes added with <c>AddPageRoute</c>/<c>AddAreaPageRoute</c> for one page, with where they were written.</summary>
    public IEnumerable<(string Route, string File, int Line)> ExtraRoutesOf(RazorPageRoute page) =>
        extraRoutes.Where(r => string.Equals(r.Area, page.Area, StringComparison.OrdinalIgnoreCase)
                && string.Equals(NormalizePage(r.Page), page.ViewEnginePath, StringComparison.OrdinalIgnoreCase))
            .Select(r => (r.Route, r.File, r.Line));

    private static bool IsConventionReceiver(InvocationExpressionSyntax invocation)
    {
        var receiver = SyntaxHelpers.Receiver(invocation);
        return receiver switch
        {
            MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText == "Conventions",
            IdentifierNameSyntax i => i.Identifier.ValueText == "Conventions",
            InvocationExpressionSyntax chained => SyntaxHelpers.InvokedName(chained) is { } n && IsConventionMethod(n) && IsConventionReceiver(chained),
            _ => false,
        };
    }

    private static bool IsConventionMethod(string name) =>
        name.StartsWith("Authorize", StringComparison.Ordinal) || name.StartsWith("AllowAnonymousTo", StringComparison.Ordinal)
        || name is "AddPageRoute" or "AddAreaPageRoute";

    private void ReadConvention(CSharpCorpus corpus, CSharpDocument doc, InvocationExpressionSyntax invocation, string name, ICollection<Diagnostic> diagnostics)
    {
        var args = invocation.ArgumentList.Arguments.Select(a => a.Expression).ToArray();

        // The method name's line and only this call's text: chained conventions share one expression.
        var line = invocation.Expression is MemberAccessExpressionSyntax member ? doc.LineOf(member.Name) : doc.LineOf(invocation);
        string? Arg(int i) => i < args.Length ? corpus.Constants.Evaluate(args[i]) : null;
        if (name is "AddPageRoute" or "AddAreaPageRoute")
        {
            var offset = name == "AddAreaPageRoute" ? 1 : 0;
            var area = offset == 1 ? Arg(0) : null;
            var page = Arg(offset);
            var route = Arg(offset + 1);
            if (page is null || route is null || (offset == 1 && area is null))
            {
                diagnostics.Add(new Diagnostic(doc.Path, line, $"{name}: page or route is not a constant; the extra route is not listed"));
                return;
            }

            extraRoutes.Add(new ExtraRoute(area, page, "/" + route.TrimStart('~').Trim('/'), doc.Path, line));
            return;
        }

        (bool IsArea, bool IsFolder, bool IsAnonymous)? shape = name switch
        {
            "AuthorizePage" => (false, false, false),
            "AuthorizeFolder" => (false, true, false),
            "AuthorizeAreaPage" => (true, false, false),
            "AuthorizeAreaFolder" => (true, true, false),
            "AllowAnonymousToPage" => (false, false, true),
            "AllowAnonymousToFolder" => (false, true, true),
            "AllowAnonymousToAreaPage" => (true, false, true),
            "AllowAnonymousToAreaFolder" => (true, true, true),
            _ => null,
        };
        if (shape is not var (isArea, isFolder, isAnonymous))
        {
            return;
        }

        var first = isArea ? 1 : 0;
        var areaName = isArea ? Arg(0) : null;
        var path = Arg(first);
        if (path is null || (isArea && areaName is null))
        {
            diagnostics.Add(new Diagnostic(doc.Path, line, $"Razor Pages convention {name}: the page, folder or area is not a constant; pages it covers may show the wrong authorization"));
            return;
        }

        var arguments = invocation.ArgumentList.ToString();
        var detail = $"Conventions.{name}{(arguments.Length > 160 ? "(...)" : arguments)}";
        AuthMetadata metadata;
        if (isAnonymous)
        {
            metadata = AuthMetadata.AllowAnonymous(detail, doc.Path, line);
        }
        else
        {
            var policyArg = first + 1 < args.Length ? args[first + 1] : null;
            var policy = policyArg is null ? null : corpus.Constants.Evaluate(policyArg);
            if (policyArg is not null && policy is null)
            {
                policy = policyArg.ToString();
                diagnostics.Add(new Diagnostic(doc.Path, line, $"Razor Pages convention {name}: policy '{policy}' is not a constant; reported as written"));
            }

            metadata = AuthMetadata.Authorize(detail, doc.Path, line, policies: policy is null ? null : [policy]);
        }

        rules.Add(new Rule(areaName, isFolder, isFolder ? NormalizeFolder(path) : NormalizePage(path), metadata));
    }

    private static string NormalizeFolder(string folder) => "/" + folder.Trim().Trim('/');

    private static string NormalizePage(string page) => "/" + page.Trim().Trim('/');

    /// <summary>One authorization convention: a page or a folder (optionally in an area) and what it adds.</summary>
    private sealed record Rule(string? Area, bool IsFolder, string Path, AuthMetadata Metadata)
    {
        public bool Matches(RazorPageRoute page)
        {
            if (!string.Equals(Area, page.Area, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (!IsFolder)
            {
                return string.Equals(Path, page.ViewEnginePath, StringComparison.OrdinalIgnoreCase);
            }

            return Path == "/" || page.ViewEnginePath.StartsWith(Path + "/", StringComparison.OrdinalIgnoreCase);
        }
    }

    private sealed record ExtraRoute(string? Area, string Page, string Route, string File, int Line);
}
