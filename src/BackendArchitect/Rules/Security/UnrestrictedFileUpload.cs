using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC018: an upload is saved under the web root keeping the extension the client chose, with no allow-list of inert extensions.</summary>
public sealed class UnrestrictedFileUpload : ISyntaxRule
{
    /// <summary>Extensions a browser or the server runs when the file is served from the site.</summary>
    private static readonly HashSet<string> ActiveExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".html", ".htm", ".xhtml", ".shtml", ".svg", ".svgz", ".xml", ".xsl", ".js", ".mjs", ".aspx", ".ashx", ".asmx", ".cshtml", ".php",
    };

    private static readonly HashSet<string> UploadTypes = new(StringComparer.Ordinal) { "IFormFile", "IFormFileCollection", "HttpPostedFileBase" };

    public RuleMetadata Metadata { get; } = new(
        "SEC018",
        "unrestricted-file-upload",
        "security",
        Severity.Error,
        "An upload is saved under the web root (wwwroot) with the extension the client gave it, and no allow-list keeps that extension inert.",
        "Files under wwwroot are served by the static file middleware with a Content-Type taken from their extension. An upload "
            + "saved there as profile.html or logo.svg is a page of this site: the script in it runs in every visitor's browser "
            + "with their cookies for the site (stored cross-site scripting), and the link can be sent to anyone. Path.GetFileName "
            + "or a generated name with Path.GetExtension(file.FileName) stops path traversal (SEC012) but keeps the client's "
            + "extension; a check that rejects a few extensions (.exe) lets .html and .svg through, and an allow-list that includes "
            + ".svg or .html allows exactly them. Keep uploads outside the web root and serve them through an action with a fixed "
            + "Content-Type and Content-Disposition: attachment, or allow only inert extensions (.png, .jpg, .pdf).",
        "var name = Guid.NewGuid() + Path.GetExtension(file.FileName);\nusing var stream = File.Create(Path.Combine(env.WebRootPath, \"avatars\", name));\nawait file.CopyToAsync(stream);",
        "string[] allowed = [\".png\", \".jpg\", \".jpeg\"];\nvar extension = Path.GetExtension(file.FileName).ToLowerInvariant();\nif (!allowed.Contains(extension)) return Results.BadRequest();\nusing var stream = File.Create(Path.Combine(env.WebRootPath, \"avatars\", Guid.NewGuid() + extension));\nawait file.CopyToAsync(stream);",
        [
            "https://learn.microsoft.com/aspnet/core/mvc/models/file-uploads#security-considerations",
            "https://owasp.org/www-community/vulnerabilities/Unrestricted_File_Upload",
            "https://cheatsheetseries.owasp.org/cheatsheets/File_Upload_Cheat_Sheet.html",
        ],
        ["CWE-434", "CWE-79", "OWASP-A04:2021"])
    {
        Applicability = RuleApplicability.CSharp,
        SecuritySeverity = "7.6",
    };

    public IEnumerable<Finding> Check(SyntaxReviewContext context)
    {
        foreach (var document in context.Corpus.Documents)
        {
            var text = document.File.Text;
            if (!(text.Contains("WebRootPath", StringComparison.Ordinal) || text.Contains("wwwroot", StringComparison.Ordinal))
                || !(text.Contains("IFormFile", StringComparison.Ordinal) || text.Contains("Form.Files", StringComparison.Ordinal) || text.Contains("HttpPostedFile", StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (var (write, path) in Writes(document.Root))
            {
                var scope = write.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax);
                if (scope is null || DevelopmentOnly.Runs(write))
                {
                    continue;
                }

                var uploads = Uploads(scope);
                var expanded = Expand(path, scope, 0).ToList();
                if (uploads.Count == 0 || !expanded.Any(UnderWebRoot))
                {
                    continue;
                }

                var names = expanded.SelectMany(e => e.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>()).Where(m => IsClientName(m, uploads)).ToList();

                // A raw client name in the path is path traversal, which SEC012 reports at this call.
                if (names.Count == 0 || names.Any(n => !KeepsOnlyLastSegment(n)))
                {
                    continue;
                }

                if (Restriction(scope, uploads) is { Inert: true })
                {
                    continue;
                }

                var why = Restriction(scope, uploads) is { } check ? check.Why : "nothing checks the extension";
                yield return Finding.At(
                    Metadata,
                    document.LocationOf(write),
                    $"The upload is saved under the web root with the client's extension ({KeptPart(names[0])}) and {why}: an .html or .svg upload is then served by this site and its script runs in visitors' browsers.",
                    "Store uploads outside wwwroot and serve them through an action with a fixed Content-Type and Content-Disposition: attachment, or allow only inert extensions (.png, .jpg, .pdf) from an explicit list.");
            }
        }
    }

    /// <summary>Calls that create a file, with the path they create: new FileStream(path, ...), File.Create, File.OpenWrite, File.WriteAllBytes, SaveAs.</summary>
    private static IEnumerable<(SyntaxNode Write, ExpressionSyntax Path)> Writes(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case ObjectCreationExpressionSyntax { ArgumentList.Arguments: [var path, ..] } creation when SyntaxHelpers.SimpleTypeName(creation.Type.ToString()) == "FileStream":
                    yield return (creation, path.Expression);
                    break;
                case InvocationExpressionSyntax { ArgumentList.Arguments: [var path, ..] } invocation
                    when SyntaxHelpers.InvokedName(invocation) is "Create" or "OpenWrite" or "WriteAllBytes" or "WriteAllBytesAsync"
                        && SyntaxHelpers.Receiver(invocation)?.ToString() is "File" or "System.IO.File":
                    yield return (invocation, path.Expression);
                    break;
                case InvocationExpressionSyntax { ArgumentList.Arguments: [var path] } invocation when SyntaxHelpers.InvokedName(invocation) == "SaveAs":
                    yield return (invocation, path.Expression);
                    break;
            }
        }
    }

    /// <summary>The names in scope that hold an upload: IFormFile parameters, loop variables over them or Request.Form.Files, and locals read from Form.Files.</summary>
    private static HashSet<string> Uploads(SyntaxNode scope)
    {
        var uploads = new HashSet<string>(StringComparer.Ordinal);
        foreach (var outer in scope.AncestorsAndSelf())
        {
            var parameters = outer switch
            {
                BaseMethodDeclarationSyntax method => method.ParameterList.Parameters,
                LocalFunctionStatementSyntax local => local.ParameterList.Parameters,
                ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList.Parameters,
                _ => default,
            };
            foreach (var parameter in parameters)
            {
                if (parameter.Type is { } type && IsUploadType(type.ToString()))
                {
                    uploads.Add(parameter.Identifier.ValueText);
                }
            }
        }

        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var node in scope.DescendantNodes())
            {
                var (name, value) = node switch
                {
                    ForEachStatementSyntax loop => (loop.Identifier.ValueText, loop.Expression),
                    VariableDeclaratorSyntax { Initializer.Value: var initial } declarator => (declarator.Identifier.ValueText, initial),
                    _ => (null, null),
                };
                if (name is not null && value is not null
                    && (value.ToString().Contains("Form.Files", StringComparison.Ordinal) || value is IdentifierNameSyntax { Identifier.ValueText: var from } && uploads.Contains(from)
                        || node is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } && IsUploadType(declaration.Type.ToString())))
                {
                    uploads.Add(name);
                }
            }
        }

        return uploads;
    }

    private static bool IsUploadType(string type)
    {
        var t = type.TrimEnd('?');
        var open = t.IndexOf('<', StringComparison.Ordinal);
        if (open > 0 && t.EndsWith('>'))
        {
            t = t[(open + 1)..^1];
        }

        return UploadTypes.Contains(SyntaxHelpers.SimpleTypeName(t.TrimEnd(']', '[')));
    }

    /// <summary>The expression with its locals replaced by what they were set to in scope, a few levels deep; each alternative once.</summary>
    private static IEnumerable<ExpressionSyntax> Expand(ExpressionSyntax expression, SyntaxNode scope, int depth)
    {
        yield return expression;
        if (depth >= 3)
        {
            yield break;
        }

        foreach (var identifier in expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            var name = identifier.Identifier.ValueText;
            foreach (var value in ValuesOf(name, scope))
            {
                foreach (var expanded in Expand(value, scope, depth + 1))
                {
                    yield return expanded;
                }
            }
        }
    }

    private static IEnumerable<ExpressionSyntax> ValuesOf(string name, SyntaxNode scope) =>
        scope.DescendantNodes().Select(node => node switch
        {
            VariableDeclaratorSyntax { Initializer.Value: var value } declarator when declarator.Identifier.ValueText == name => value,
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: var target }, Right: var value } when target == name => value,
            _ => null,
        }).OfType<ExpressionSyntax>();

    private static bool UnderWebRoot(ExpressionSyntax expression) =>
        expression.DescendantNodesAndSelf().Any(n => n is IdentifierNameSyntax { Identifier.ValueText: "WebRootPath" }
            || n is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText.Contains("wwwroot", StringComparison.OrdinalIgnoreCase));

    /// <summary>file.FileName on an upload, or its ContentDisposition's FileName.</summary>
    private static bool IsClientName(MemberAccessExpressionSyntax member, HashSet<string> uploads) =>
        member.Name.Identifier.ValueText is "FileName" or "FileNameStar"
        && member.Expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().FirstOrDefault() is { } owner
        && (uploads.Contains(owner.Identifier.ValueText) || member.Expression.ToString().Contains("ContentDisposition", StringComparison.Ordinal));

    /// <summary>Inside Path.GetFileName or Path.GetExtension: no folder survives, the extension does.</summary>
    private static bool KeepsOnlyLastSegment(MemberAccessExpressionSyntax name) => LastSegment(name) is not null;

    private static InvocationExpressionSyntax? LastSegment(MemberAccessExpressionSyntax name) =>
        name.Ancestors().OfType<InvocationExpressionSyntax>().FirstOrDefault(i => SyntaxHelpers.InvokedName(i) is "GetFileName" or "GetExtension");

    private static string KeptPart(MemberAccessExpressionSyntax name) => LastSegment(name)?.ToString() ?? name.ToString();

    /// <summary>
    /// The check in scope that decides which extensions pass, if any: an allow-list (Contains, IsMatch, a switch, == with
    /// the non-matching case rejected) is inert unless it lists an active extension; a check whose match is rejected is a deny-list.
    /// </summary>
    private static (bool Inert, string Why)? Restriction(SyntaxNode scope, HashSet<string> uploads)
    {
        var extensionNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declarator in scope.DescendantNodes().OfType<VariableDeclaratorSyntax>())
        {
            if (declarator.Initializer?.Value is { } value && value.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>().Any(m => IsClientName(m, uploads)))
            {
                extensionNames.Add(declarator.Identifier.ValueText);
            }
        }

        bool Mentions(SyntaxNode node) =>
            node.DescendantNodesAndSelf().Any(n => n is IdentifierNameSyntax { Identifier.ValueText: var id } && extensionNames.Contains(id)
                || n is MemberAccessExpressionSyntax m && IsClientName(m, uploads));

        foreach (var node in scope.DescendantNodes())
        {
            switch (node)
            {
                case SwitchStatementSyntax or SwitchExpressionSyntax when Mentions(node is SwitchStatementSyntax s ? s.Expression : ((SwitchExpressionSyntax)node).GoverningExpression):
                    return Listed(node, scope);
                case IfStatementSyntax { Condition: var condition } check when Mentions(condition) && ComparesText(condition):
                    var rejects = check.Statement.DescendantNodesAndSelf().Any(n => n is ReturnStatementSyntax or ThrowStatementSyntax or ThrowExpressionSyntax);
                    var negated = condition.DescendantNodesAndSelf().Any(n => n.IsKind(SyntaxKind.LogicalNotExpression) || n.IsKind(SyntaxKind.NotEqualsExpression) || n.IsKind(SyntaxKind.NotPattern));
                    if (rejects && !negated)
                    {
                        return (false, "the only check rejects the extensions it names (a deny-list)");
                    }

                    return Listed(node, scope);
            }
        }

        return null;
    }

    /// <summary>A condition that compares the name with text (Contains, EndsWith, ==, is "..."), not one that only tests for a name.</summary>
    private static bool ComparesText(ExpressionSyntax condition) =>
        condition.DescendantNodesAndSelf().Any(n => n is InvocationExpressionSyntax i && SyntaxHelpers.InvokedName(i) is "Contains" or "ContainsKey" or "EndsWith" or "IsMatch" or "Equals" or "Any"
            || n is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression, Right: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } }
            || n is IsPatternExpressionSyntax);

    /// <summary>An allow-list, read from its literals and the collection it names: inert unless an active extension is among them.</summary>
    private static (bool Inert, string Why) Listed(SyntaxNode check, SyntaxNode scope)
    {
        var literals = check.DescendantNodes().OfType<LiteralExpressionSyntax>().Select(l => l.Token.ValueText).ToList();
        var root = scope.SyntaxTree.GetRoot();
        foreach (var identifier in check.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            var declarator = root.DescendantNodes().OfType<VariableDeclaratorSyntax>().FirstOrDefault(d => d.Identifier.ValueText == identifier.Identifier.ValueText);
            literals.AddRange(declarator?.Initializer?.DescendantNodes().OfType<LiteralExpressionSyntax>().Select(l => l.Token.ValueText) ?? []);
        }

        return literals.FirstOrDefault(l => ActiveExtensions.Contains(l.StartsWith('.') ? l : "." + l)) is { } active
            ? (false, $"the allowed extensions include {(active.StartsWith('.') ? active : "." + active)}")
            : (true, "");
    }
}
