using System.Collections.Immutable;
using BackendArchitect.CSharp;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Dataflow;

/// <summary>A sink reached inside one method (or the methods it calls), before the endpoint is attached.</summary>
internal sealed record SinkHit(TaintKind Kind, SourceLocation Location, string Sink, string Source, ImmutableArray<SourceLocation> Steps);

/// <summary>
/// Taint through one method body: assignments and declarations propagate request text to locals (twice over, so
/// a value assigned late in a loop reaches uses earlier in it), checks clean names for the sinks they protect,
/// and every sink and every call into the repository's own methods is examined with what is tainted there.
/// </summary>
internal sealed class MethodAnalyzer(TaintEngineContext engine)
{
    public const int MaxDepth = 4;

    public IReadOnlyList<SinkHit> Analyze(SyntaxNode body, CSharpDocument document, TaintState state, int depth)
    {
        var expressions = Expressions(state, depth);
        Overwrites(body, state);
        Propagate(body, state, expressions);
        Checks(body, state);
        ValidateThroughUris(body, state);

        var hits = new List<SinkHit>();
        foreach (var node in body.DescendantNodesAndSelf())
        {
            var sink = node switch
            {
                InvocationExpressionSyntax invocation => Sinks.Of(invocation),
                BaseObjectCreationExpressionSyntax creation => Sinks.Of(creation),
                AssignmentExpressionSyntax assignment => Sinks.Of(assignment),
                _ => null,
            };
            if (sink is { } s && s.Arguments.Select(a => Tainted(expressions, a, s.Kind)).FirstOrDefault(t => t is not null) is { } source)
            {
                hits.Add(new SinkHit(s.Kind, SinkLocation(document, node), s.Name, source, []));
                continue;
            }

            if (node is InvocationExpressionSyntax call && depth < MaxDepth)
            {
                hits.AddRange(IntoCall(call, document, expressions, depth));
            }
        }

        return hits;
    }

    /// <summary>A call is reported from its method name (db.Products\n.FromSqlRaw(...) at the FromSqlRaw line), anything else whole.</summary>
    private static SourceLocation SinkLocation(CSharpDocument document, SyntaxNode node) =>
        node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation
            ? document.LocationOf(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(member.Name.SpanStart, invocation.Span.End))
            : document.LocationOf(node);

    private static string? Tainted(TaintExpressions expressions, ExpressionSyntax argument, TaintKind kind) =>
        kind is TaintKind.Url or TaintKind.Redirect ? expressions.OfDestination(argument, kind) : expressions.Of(argument, kind);

    /// <summary>Taint of expressions over this state; calls into the repository's methods return taint down to <see cref="MaxDepth"/>.</summary>
    private TaintExpressions Expressions(TaintState state, int depth)
    {
        TaintExpressions? expressions = null;
        expressions = new TaintExpressions(state, engine.Members, call => depth < MaxDepth ? Returned(call, expressions!, depth) : null);
        return expressions;
    }

    /// <summary>Where the text a repository method returns came from, when the call's arguments taint it.</summary>
    private string? Returned(InvocationExpressionSyntax call, TaintExpressions expressions, int depth)
    {
        foreach (var (_, state, body) in Targets(call, expressions))
        {
            var source = engine.Returned(body, state, depth, () =>
            {
                var inner = Expressions(state, depth + 1);
                Propagate(body, state, inner);
                var returned = body is ArrowExpressionClauseSyntax arrow
                    ? [arrow.Expression]
                    : body.DescendantNodes().OfType<ReturnStatementSyntax>().Select(r => r.Expression).OfType<ExpressionSyntax>();
                return returned.Select(e => inner.Of(e, TaintKind.Sql)).FirstOrDefault(s => s is not null);
            });
            if (source is not null)
            {
                return source;
            }
        }

        return null;
    }

    /// <summary>The repository methods a call runs, each with its parameters tainted by the call's arguments; only those that receive taint.</summary>
    private IEnumerable<(MethodEntry Target, TaintState State, SyntaxNode Body)> Targets(InvocationExpressionSyntax call, TaintExpressions expressions)
    {
        var arguments = call.ArgumentList.Arguments;
        if (!arguments.Any(a => expressions.Of(a.Expression, TaintKind.Sql) is not null
            || (a.Expression is IdentifierNameSyntax { Identifier.ValueText: var name } && (expressions.ObjectSource(name) is not null || expressions.TaintedMembers(name).Any()))))
        {
            yield break;
        }

        foreach (var target in engine.Calls.Resolve(call))
        {
            var state = new TaintState();
            var parameters = target.Method.ParameterList.Parameters;
            for (var i = 0; i < arguments.Count && i < parameters.Count; i++)
            {
                var argument = arguments[i];
                var parameter = argument.NameColon is { } named ? parameters.FirstOrDefault(p => p.Identifier.ValueText == named.Name.Identifier.ValueText) : parameters[i];
                if (parameter?.Type is not null)
                {
                    Bind(state, parameter, argument.Expression, expressions);
                }
            }

            if ((state.Text.Count > 0 || state.Objects.Count > 0) && ((SyntaxNode?)target.Method.Body ?? target.Method.ExpressionBody) is { } body)
            {
                yield return (target, state, body);
            }
        }
    }

    /// <summary>The hits of the repository methods a call runs, with the call as the first step.</summary>
    private IEnumerable<SinkHit> IntoCall(InvocationExpressionSyntax call, CSharpDocument document, TaintExpressions expressions, int depth)
    {
        foreach (var (target, state, body) in Targets(call, expressions))
        {
            var step = document.LocationOf(call);
            foreach (var hit in engine.Summary(target, body, state, depth + 1))
            {
                yield return hit with { Steps = [step, .. hit.Steps] };
            }
        }
    }

    /// <summary>Passes an argument's taint to the parameter it binds: text to text (with the kinds it is clean for), a request object to an object.</summary>
    private static void Bind(TaintState state, ParameterSyntax parameter, ExpressionSyntax argument, TaintExpressions expressions)
    {
        var name = parameter.Identifier.ValueText;
        var type = parameter.Type!.ToString();
        if (StringTypes.CarriesText(type))
        {
            // Bound as a local is assigned: what the argument is clean for (Fetch(WebUtility.UrlEncode(name)) is no host), the parameter is too.
            if (expressions.Of(argument, TaintKind.Sql) is not null)
            {
                Assign(state, expressions, name, argument);
            }
        }
        else if (argument is IdentifierNameSyntax { Identifier.ValueText: var passed })
        {
            if (expressions.ObjectSource(passed) is { } objectSource)
            {
                state.Objects[name] = (type, objectSource);
            }

            foreach (var (member, source) in expressions.TaintedMembers(passed))
            {
                state.Text[name + "." + member] = source;
            }
        }
    }

    /// <summary>
    /// Assignments that are statements of the body's own block run before every later line, so from there on the
    /// name holds their value only: <c>name = Path.GetFileName(name)</c> cleans it for file calls after it, and
    /// <c>model.Sort = "name"</c> replaces what the request bound. So does an if/else chain or a switch with a default
    /// that assigns the name in every branch: after it, the name holds one of those values. An assignment in a branch
    /// that may not run, or in a loop, changes nothing.
    /// </summary>
    private static void Overwrites(SyntaxNode body, TaintState state)
    {
        if (body is not BlockSyntax block)
        {
            return;
        }

        foreach (var statement in block.Statements)
        {
            var branches = statement switch
            {
                ExpressionStatementSyntax => [[statement]],
                IfStatementSyntax conditional => Branches(conditional),
                SwitchStatementSyntax choice when choice.Sections.Any(s => s.Labels.Any(l => l is DefaultSwitchLabelSyntax)) =>
                    [.. choice.Sections.Select(s => (IReadOnlyList<StatementSyntax>)[.. s.Statements])],
                _ => (List<IReadOnlyList<StatementSyntax>>?)null,
            };
            if (branches is null)
            {
                continue;
            }

            var assigned = branches.Select(Assigned).ToList();
            foreach (var name in assigned[0].Keys.Where(n => assigned.All(a => a.ContainsKey(n))))
            {
                state.Overwrite(name, statement.Span.End, [.. assigned.Select(a => a[name])]);
            }
        }
    }

    /// <summary>The statements of each branch of an if/else chain, or null when a path runs none of them (no final else).</summary>
    private static List<IReadOnlyList<StatementSyntax>>? Branches(IfStatementSyntax conditional)
    {
        var branches = new List<IReadOnlyList<StatementSyntax>>();
        for (var at = conditional; ;)
        {
            branches.Add(Statements(at.Statement));
            switch (at.Else?.Statement)
            {
                case IfStatementSyntax next:
                    at = next;
                    continue;
                case { } last:
                    branches.Add(Statements(last));
                    return branches;
                default:
                    return null;
            }
        }
    }

    private static IReadOnlyList<StatementSyntax> Statements(StatementSyntax statement) => statement is BlockSyntax block ? [.. block.Statements] : [statement];

    /// <summary>The last value each name or local.Member is assigned by a plain assignment statement of these statements.</summary>
    private static Dictionary<string, ExpressionSyntax> Assigned(IReadOnlyList<StatementSyntax> statements)
    {
        var assigned = new Dictionary<string, ExpressionSyntax>(StringComparer.Ordinal);
        foreach (var statement in statements)
        {
            if (statement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment }
                && NameOf(assignment.Left) is { } name)
            {
                assigned[name] = assignment.Right;
            }
        }

        return assigned;
    }

    /// <summary>
    /// Locals that receive request text: declarations, assignments, foreach over tainted items, StringBuilder appends;
    /// and members of objects the code creates or fills (<c>new Filter { Name = name }</c>, <c>filter.Name = name</c>) as "local.Member".
    /// </summary>
    private static void Propagate(SyntaxNode body, TaintState state, TaintExpressions expressions)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var node in body.DescendantNodes())
            {
                switch (node)
                {
                    case VariableDeclaratorSyntax { Initializer.Value: var value } declarator:
                        Assign(state, expressions, declarator.Identifier.ValueText, value);
                        if (value is BaseObjectCreationExpressionSyntax { Initializer: { } members })
                        {
                            foreach (var member in members.Expressions.OfType<AssignmentExpressionSyntax>())
                            {
                                if (member.Left is IdentifierNameSyntax { Identifier.ValueText: var property })
                                {
                                    Assign(state, expressions, declarator.Identifier.ValueText + "." + property, member.Right);
                                }
                            }
                        }

                        break;
                    case AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax owner, Name.Identifier.ValueText: var property } } assignment
                        when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && !state.Objects.ContainsKey(owner.Identifier.ValueText):
                        Assign(state, expressions, owner.Identifier.ValueText + "." + property, assignment.Right);
                        break;
                    case AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment when assignment.Parent is not InitializerExpressionSyntax:
                        if (assignment.IsKind(SyntaxKind.AddAssignmentExpression) || assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
                        {
                            Assign(state, expressions, target.Identifier.ValueText, assignment.Right);
                        }

                        break;
                    case ForEachStatementSyntax loop:
                        Assign(state, expressions, loop.Identifier.ValueText, loop.Expression);

                        // An archive's entry names are whoever made the archive's: "../../app/appsettings.json" is one (zip slip).
                        if (loop.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Entries" } entries)
                        {
                            state.Objects.TryAdd(loop.Identifier.ValueText, ("ZipArchiveEntry", $"the archive entry '{loop.Identifier.ValueText}' of {entries.Expression}"));
                        }

                        break;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax builder, Name.Identifier.ValueText: "Append" or "AppendLine" or "AppendFormat" or "Insert" } } append:
                        if (append.ArgumentList.Arguments.Select(a => expressions.Of(a.Expression, TaintKind.Sql)).FirstOrDefault(s => s is not null) is { } source)
                        {
                            state.Text.TryAdd(builder.Identifier.ValueText, source);
                        }

                        break;
                }
            }
        }
    }

    /// <summary>
    /// Taints the local with the value's source; kinds the value is clean for (Path.GetExtension keeps no path, a
    /// parsed number no text) are remembered as cleaned for that name.
    /// </summary>
    private static void Assign(TaintState state, TaintExpressions expressions, string name, ExpressionSyntax value)
    {
        if (state.Text.ContainsKey(name))
        {
            return;
        }

        // Most values carry nothing: a few evaluations say so (a stream is text only to XSLT); only a tainted one is asked about each kind.
        if (expressions.Of(value, TaintKind.Sql) is null && expressions.Of(value, TaintKind.Html) is null && expressions.Of(value, TaintKind.Xslt) is null)
        {
            return;
        }

        var sources = Kinds.Select(kind => (Kind: kind, Source: Tainted(expressions, value, kind))).ToArray();
        if (sources.FirstOrDefault(s => s.Source is not null).Source is not { } source)
        {
            return;
        }

        state.Text[name] = source;
        foreach (var (kind, _) in sources.Where(s => s.Source is null))
        {
            state.Clean(name, kind);
        }
    }

    private static readonly TaintKind[] Kinds = Enum.GetValues<TaintKind>();

    /// <summary>
    /// Checks that make a value safe for the sink they protect: Url.IsLocalUrl before a redirect, an allow-list
    /// Contains or a Regex.IsMatch in a condition before any use, a full path compared with its root or a name compared
    /// with its Path.GetFileName before a file call.
    /// </summary>
    private static void Checks(SyntaxNode body, TaintState state)
    {
        foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            var name = SyntaxHelpers.InvokedName(invocation);
            var inCondition = invocation.Ancestors().Any(a => a is IfStatementSyntax or ConditionalExpressionSyntax or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.LogicalOrExpression });
            var checkedName = invocation.ArgumentList.Arguments.Select(a => NameOf(a.Expression)).FirstOrDefault(n => n is not null);
            switch (name)
            {
                case "IsLocalUrl" when checkedName is not null:
                    state.Clean(checkedName, TaintKind.Redirect);
                    break;
                case "IsMatch" or "Contains" or "ContainsKey" when inCondition && checkedName is not null && IsAllowList(invocation):
                    state.Validated.Add(checkedName);
                    break;
                case "GetFileName" when checkedName is not null && IsComparedWith(invocation, checkedName):
                    // Path.GetFileName(name) != name: a name that is its own last segment holds no directory.
                    state.Clean(checkedName, TaintKind.Path);
                    break;
                case "StartsWith" when inCondition && SyntaxHelpers.Receiver(invocation) is { } receiver && IsFullPath(receiver, body):
                    foreach (var n in receiver.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.ValueText))
                    {
                        state.Clean(n, TaintKind.Path);
                    }

                    break;
            }
        }
    }

    /// <summary>The call is one side of an == or != whose other side is the name itself.</summary>
    private static bool IsComparedWith(InvocationExpressionSyntax invocation, string name) =>
        invocation.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression } comparison
        && NameOf(comparison.Left == invocation ? comparison.Right : comparison.Left) == name;

    /// <summary>Path.GetFullPath(...), or a local set to one in this body: what a root check must look at.</summary>
    private static bool IsFullPath(ExpressionSyntax receiver, SyntaxNode body) =>
        receiver.ToString().Contains("GetFullPath", StringComparison.Ordinal)
        || receiver is IdentifierNameSyntax { Identifier.ValueText: var name } && body.DescendantNodes().OfType<VariableDeclaratorSyntax>()
            .Any(d => d.Identifier.ValueText == name && d.Initializer?.Value.ToString().Contains("GetFullPath", StringComparison.Ordinal) == true);

    /// <summary>
    /// A check on a URI made from a value checks the value: <c>var uri = new Uri(url)</c> or <c>Uri.TryCreate(url, ..., out var uri)</c>
    /// followed by <c>allowed.Contains(uri.Host)</c> validates url.
    /// </summary>
    private static void ValidateThroughUris(SyntaxNode body, TaintState state)
    {
        var validatedOwners = state.Validated.Select(n => n.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var node in body.DescendantNodes())
        {
            var (made, from) = node switch
            {
                VariableDeclaratorSyntax { Initializer.Value: ObjectCreationExpressionSyntax { ArgumentList.Arguments: [var first, ..] } creation } declarator
                    when SyntaxHelpers.SimpleTypeName(creation.Type.ToString()) == "Uri" => (declarator.Identifier.ValueText, NameOf(first.Expression)),
                InvocationExpressionSyntax { ArgumentList.Arguments: [var first, _, { Expression: DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax designation } }] } invocation
                    when SyntaxHelpers.InvokedName(invocation) == "TryCreate" => (designation.Identifier.ValueText, NameOf(first.Expression)),
                _ => (null, null),
            };
            if (made is not null && from is not null && validatedOwners.Contains(made))
            {
                state.Validated.Add(from);
            }
        }
    }

    /// <summary>Regex.IsMatch(value, ...), or allowed.Contains(value) on a collection (not value.Contains("..")).</summary>
    private static bool IsAllowList(InvocationExpressionSyntax invocation) =>
        SyntaxHelpers.InvokedName(invocation) == "IsMatch"
        || SyntaxHelpers.Receiver(invocation) is { } receiver && NameOf(receiver) is { } owner && owner.Length > 0 && !invocation.ArgumentList.Arguments.Any(a => a.Expression is LiteralExpressionSyntax);

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax owner, Name: var member } => owner.Identifier.ValueText + "." + member.Identifier.ValueText,
        _ => null,
    };
}
