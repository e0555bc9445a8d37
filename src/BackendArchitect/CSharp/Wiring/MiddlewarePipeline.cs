using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Wiring;

/// <summary>
/// A service's middleware pipeline in the order requests pass through it: the <c>app.Use*</c> calls of
/// Program.cs (top-level statements or Main) and of <c>Startup.Configure</c>, in statement order.
/// A call into the code base's own method that takes the app (<c>app.UseApiPipeline()</c>,
/// <c>Pipeline.Configure(app)</c>) is followed: the middleware it adds takes the call's place and the
/// call itself is not listed, since it is a grouping rather than a middleware. A <c>Use*</c> call that
/// does not resolve to the code base (a package's <c>UseSerilogRequestLogging</c>) is listed as called.
/// <c>Map*</c> calls add endpoints, not middleware, and are not listed. Calls under <c>if</c> carry the
/// condition (environment checks shortened to <c>IsDevelopment()</c>) and <c>#if</c> symbols.
/// </summary>
internal sealed class MiddlewarePipeline
{
    private const int MaxDepth = 8;

    private readonly CSharpCorpus corpus;
    private readonly PipelineMethods methods;
    private readonly string service;
    private readonly List<Middleware> result = [];
    private readonly List<SyntaxNode> stack = [];
    private readonly HashSet<SyntaxNode> followed = [];

    private MiddlewarePipeline(CSharpCorpus corpus, PipelineMethods methods, string service)
    {
        this.corpus = corpus;
        this.methods = methods;
        this.service = service;
    }

    public static IReadOnlyList<Middleware> Read(CSharpCorpus corpus, PipelineMethods methods, Service service)
    {
        var reader = new MiddlewarePipeline(corpus, methods, service.Name);
        // Roots are top-level statements, Main and Configure; "Use" alone would match every "User".
        var documents = corpus.Services.DocumentsOf(service.Name)
            .Where(d => d.File.Text.Contains("Use", StringComparison.Ordinal)
                && (d.File.Text.Contains("Main(", StringComparison.Ordinal) || d.File.Text.Contains("Configure(", StringComparison.Ordinal)
                    || d.Root is CompilationUnitSyntax { Members: var members } && members.Any(m => m is GlobalStatementSyntax)))
            .OrderBy(d => d.File.FileName == "Program.cs" ? 0 : 1)
            .ThenBy(d => d.Path, StringComparer.Ordinal)
            .ToArray();

        foreach (var doc in documents)
        {
            if (doc.Root is CompilationUnitSyntax unit && unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).ToArray() is { Length: > 0 } statements)
            {
                reader.WalkRoot(doc, statements, AppVariables(statements));
            }

            foreach (var main in Methods(doc, "Main(").Where(m => m.Identifier.ValueText == "Main" && m.Body is not null))
            {
                reader.WalkRoot(doc, main.Body!.Statements, AppVariables(main.Body.Statements));
            }
        }

        // Startup.Configure(IApplicationBuilder app, ...) unless Program.cs already called into it.
        foreach (var doc in documents)
        {
            foreach (var configure in Methods(doc, "Configure("))
            {
                if (configure.Identifier.ValueText != "Configure" || configure.Body is null || reader.followed.Contains(configure)
                    || configure.ParameterList.Parameters.FirstOrDefault()?.Modifiers.Any(SyntaxKind.ThisKeyword) == true)
                {
                    continue;
                }

                var apps = configure.ParameterList.Parameters
                    .Where(p => p.Type is not null && PipelineMethods.AppTypes.Contains(SyntaxHelpers.SimpleTypeName(p.Type.ToString())))
                    .Select(p => p.Identifier.ValueText)
                    .ToHashSet(StringComparer.Ordinal);
                if (apps.Count > 0)
                {
                    reader.WalkRoot(doc, configure.Body.Statements, apps);
                }
            }
        }

        // Hosts without a Startup class: webBuilder.Configure(app => { app.UseRouting(); ... }).
        foreach (var doc in documents.Where(d => d.File.Text.Contains("WebHost", StringComparison.Ordinal) && d.File.Text.Contains(".Configure(", StringComparison.Ordinal)))
        {
            foreach (var call in doc.Root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (SyntaxHelpers.InvokedName(call) == "Configure" && SyntaxHelpers.TypeArguments(call).Count == 0
                    && call.ArgumentList.Arguments is [{ Expression: SimpleLambdaExpressionSyntax lambda }])
                {
                    reader.WalkRoot(doc, lambda.Block?.Statements ?? [], [lambda.Parameter.Identifier.ValueText]);
                    if (lambda.ExpressionBody is { } expression)
                    {
                        reader.VisitCalls(expression, new Frame(doc, [lambda.Parameter.Identifier.ValueText], []));
                    }
                }
            }
        }

        return reader.result;
    }

    private static IEnumerable<MethodDeclarationSyntax> Methods(CSharpDocument doc, string marker) =>
        doc.File.Text.Contains(marker, StringComparison.Ordinal)
            ? doc.Root.DescendantNodes(n => n is not ExpressionSyntax and not BlockSyntax).OfType<MethodDeclarationSyntax>()
            : [];

    /// <summary>Locals that hold the app: <c>var app = builder.Build();</c> or declared as WebApplication.</summary>
    private static HashSet<string> AppVariables(IEnumerable<StatementSyntax> statements)
    {
        // The app is often built inside try { ... } (Serilog's bootstrap logger pattern).
        var names = new HashSet<string>(StringComparer.Ordinal);
        var locals = statements.SelectMany(s => s.DescendantNodesAndSelf(n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax))
            .OfType<LocalDeclarationStatementSyntax>();
        foreach (var local in locals)
        {
            var typed = !local.Declaration.Type.IsVar && PipelineMethods.AppTypes.Contains(SyntaxHelpers.SimpleTypeName(local.Declaration.Type.ToString()));
            foreach (var v in local.Declaration.Variables)
            {
                if (typed || v.Initializer?.Value is InvocationExpressionSyntax init && SyntaxHelpers.InvokedName(init) == "Build")
                {
                    names.Add(v.Identifier.ValueText);
                }
            }
        }

        return names;
    }

    private void WalkRoot(CSharpDocument doc, IEnumerable<StatementSyntax> statements, HashSet<string> apps)
    {
        if (apps.Count == 0)
        {
            return;
        }

        var frame = new Frame(doc, apps, []);
        foreach (var statement in statements)
        {
            Walk(statement, frame);
        }
    }

    private void Walk(StatementSyntax statement, Frame frame)
    {
        switch (statement)
        {
            case BlockSyntax block:
                foreach (var s in block.Statements)
                {
                    Walk(s, frame);
                }

                break;
            case IfStatementSyntax ifStatement:
                var condition = EnvironmentConditions.ConditionText(ifStatement.Condition);
                Walk(ifStatement.Statement, frame.With(condition));
                if (ifStatement.Else is not null)
                {
                    Walk(ifStatement.Else.Statement, frame.With(EnvironmentConditions.Negate(condition)));
                }

                break;
            case TryStatementSyntax tryStatement:
                Walk(tryStatement.Block, frame);
                foreach (var c in tryStatement.Catches)
                {
                    Walk(c.Block, frame);
                }

                if (tryStatement.Finally is not null)
                {
                    Walk(tryStatement.Finally.Block, frame);
                }

                break;
            case UsingStatementSyntax u:
                Walk(u.Statement, frame);
                break;
            case CommonForEachStatementSyntax f:
                Walk(f.Statement, frame);
                break;
            case ForStatementSyntax f:
                Walk(f.Statement, frame);
                break;
            case WhileStatementSyntax w:
                Walk(w.Statement, frame);
                break;
            case LockStatementSyntax l:
                Walk(l.Statement, frame);
                break;
            case LabeledStatementSyntax l:
                Walk(l.Statement, frame);
                break;
            case SwitchStatementSyntax sw:
                foreach (var s in sw.Sections.SelectMany(x => x.Statements))
                {
                    Walk(s, frame);
                }

                break;
            case LocalFunctionStatementSyntax:
                // Runs only when called; a call with the app is followed like any other.
                break;
            default:
                VisitCalls(statement, frame);
                break;
        }
    }

    private void VisitCalls(SyntaxNode node, Frame frame)
    {
        var calls = node.DescendantNodesAndSelf(n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax)
            .OfType<InvocationExpressionSyntax>()
            .OrderBy(c => c.Expression is MemberAccessExpressionSyntax m ? m.Name.SpanStart : c.SpanStart)
            .ToArray();
        foreach (var call in calls)
        {
            Visit(call, frame);
        }
    }

    private void Visit(InvocationExpressionSyntax call, Frame frame)
    {
        if (SyntaxHelpers.InvokedName(call) is not { } name)
        {
            return;
        }

        var args = call.ArgumentList.Arguments;
        if (OnApp(call, frame.Apps))
        {
            if (methods.Resolve(name, -1, args.Count, frame.Document, SameService) is { } extension)
            {
                Follow(extension, call, frame);
            }
            else if (IsMiddleware(name, call))
            {
                Add(call, name, frame);
            }

            return;
        }

        for (var i = 0; i < args.Count; i++)
        {
            if (WiringSyntax.Unwrap(args[i].Expression) is IdentifierNameSyntax id && frame.Apps.Contains(id.Identifier.ValueText)
                && methods.Resolve(name, i, args.Count, frame.Document, SameService) is { } helper)
            {
                Follow(helper, call, frame);
                return;
            }
        }
    }

    private bool SameService(CSharpDocument document) => corpus.Services.ServiceOf(document) == service;

    /// <summary>True for <c>app.X()</c> and <c>app.A().X()</c>: a chain of calls that starts at the app.</summary>
    private static bool OnApp(InvocationExpressionSyntax call, HashSet<string> apps)
    {
        var receiver = WiringSyntax.Unwrap(SyntaxHelpers.Receiver(call));
        while (receiver is InvocationExpressionSyntax inner)
        {
            receiver = WiringSyntax.Unwrap(SyntaxHelpers.Receiver(inner));
        }

        return receiver is IdentifierNameSyntax id && apps.Contains(id.Identifier.ValueText);
    }

    private static bool IsMiddleware(string name, InvocationExpressionSyntax call) =>
        name == "Use" || name.Length > 3 && name.StartsWith("Use", StringComparison.Ordinal) && char.IsUpper(name[3])
        || name == "Run" && call.ArgumentList.Arguments.Count > 0;

    private void Follow(PipelineMethod method, InvocationExpressionSyntax call, Frame frame)
    {
        if (stack.Count >= MaxDepth || stack.Contains(method.Node))
        {
            return;
        }

        followed.Add(method.Node);
        stack.Add(method.Node);
        var inner = new Frame(method.Document, [method.AppParameterName], [.. frame.Conditions, .. Directive(call)]);
        if (method.Body is { } body)
        {
            Walk(body, inner);
        }
        else if (method.ExpressionBody is { } expression)
        {
            VisitCalls(expression, inner);
        }

        stack.RemoveAt(stack.Count - 1);
    }

    private void Add(InvocationExpressionSyntax call, string name, Frame frame)
    {
        var args = WiringSyntax.Positional(call);
        var typeArgs = SyntaxHelpers.TypeArguments(call);
        if (name == "UseMiddleware")
        {
            var type = typeArgs.Count == 1 ? WiringSyntax.TypeText(typeArgs[0]) : (args.FirstOrDefault() as TypeOfExpressionSyntax)?.Type is { } t ? WiringSyntax.TypeText(t) : null;
            name = type is null ? name : $"UseMiddleware<{type}>";
            args = args.Where(a => a is not TypeOfExpressionSyntax).ToArray();
        }

        var values = args.Select(a => WiringSyntax.Value(a, corpus.Constants)).OfType<string>().ToArray();
        string[] conditions = [.. frame.Conditions, .. Directive(call)];
        result.Add(new Middleware(
            service,
            result.Count + 1,
            name,
            frame.Document.Path,
            WiringSyntax.NameLine(frame.Document, call),
            conditions.Length == 0 ? null : string.Join(" && ", conditions),
            values.Length == 0 ? null : string.Join(", ", values)));
    }

    private static IEnumerable<string> Directive(SyntaxNode node) =>
        ConditionalDirectives.ConditionOf(node) is { } directive ? [directive] : [];

    private sealed record Frame(CSharpDocument Document, HashSet<string> Apps, string[] Conditions)
    {
        public Frame With(string condition) => this with { Conditions = [.. Conditions, condition] };
    }
}
