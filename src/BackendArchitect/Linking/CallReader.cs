using BackendArchitect.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Linking;

/// <summary>
/// The calls of a unit into the repository's own code: methods of its own type (plain and <c>this.</c>
/// calls), local functions, static calls on repository types, calls on names whose declared type is a
/// repository type, and mediator <c>Send(request)</c> to the request's handler.
/// </summary>
internal static class CallReader
{
    private static readonly HashSet<string> MediatorTypes = new(StringComparer.Ordinal) { "IMediator", "ISender", "Mediator" };

    /// <summary>The repository calls an invocation makes (several for a request with several handlers).</summary>
    public static IEnumerable<PendingCall> At(UnitScope scope, InvocationExpressionSyntax invocation)
    {
        Invocations.IsNamed(invocation, out var name, out var receiver);
        if (name.Length == 0 || name == "nameof")
        {
            yield break;
        }

        var arguments = invocation.ArgumentList.Arguments.Count;
        if (invocation.Expression is SimpleNameSyntax)
        {
            if (LocalFunction(invocation, name) is { } local)
            {
                // One declared inside this unit is read with it.
                if (!scope.Unit.Node.Span.Contains(local.Span))
                {
                    yield return new PendingCall(null, name, arguments, CodeUnit.Of(local, scope.Document), invocation);
                }
            }
            else if (scope.OwnType is { } ownType)
            {
                yield return new PendingCall(ownType, name, arguments, null, invocation);
            }

            yield break;
        }

        if (receiver is null)
        {
            yield break;
        }

        var declared = scope.Receiver(receiver);
        if (name == "Send" && arguments > 0 && (declared?.Type is null || MediatorTypes.Contains(declared.Type))
            && scope.ValueType(invocation.ArgumentList.Arguments[0].Expression) is { } request
            && scope.Index.RequestHandlers.TryGetValue(request, out var handlers))
        {
            foreach (var handler in handlers)
            {
                yield return new PendingCall(handler, "Handle", 2, null, invocation);
            }

            yield break;
        }

        if (declared?.Type is { } type)
        {
            yield return new PendingCall(type, name, arguments, null, invocation);
        }
        else if (declared is null && receiver is IdentifierNameSyntax typeName && scope.Index.Corpus.Types.ContainsKey(typeName.Identifier.ValueText))
        {
            yield return new PendingCall(typeName.Identifier.ValueText, name, arguments, null, invocation);
        }
    }

    /// <summary>A local function of that name declared in a block or top-level statements around the call.</summary>
    private static LocalFunctionStatementSyntax? LocalFunction(SyntaxNode at, string name)
    {
        for (var node = at.Parent; node is not null; node = node.Parent)
        {
            var statements = node switch
            {
                BlockSyntax block => block.Statements.AsEnumerable(),
                CompilationUnitSyntax unit => unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement),
                _ => null,
            };
            if (statements?.OfType<LocalFunctionStatementSyntax>().FirstOrDefault(f => f.Identifier.ValueText == name) is { } found)
            {
                return found;
            }

            if (node is MemberDeclarationSyntax and not GlobalStatementSyntax)
            {
                return null;
            }
        }

        return null;
    }
}
