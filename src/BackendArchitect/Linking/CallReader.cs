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

    public static IEnumerable<PendingCall> Read(UnitScope scope, SyntaxNode body)
    {
        var ownType = scope.Unit.TypeName is null ? null : SyntaxHelpers.SimpleTypeName(scope.Unit.TypeName);
        foreach (var invocation in body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            Invocations.IsNamed(invocation, out var name, out var receiver);
            if (name.Length == 0 || name == "nameof")
            {
                continue;
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
                else if (ownType is not null)
                {
                    yield return new PendingCall(ownType, name, arguments, null, invocation);
                }

                continue;
            }

            if (receiver is null)
            {
                continue;
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

                continue;
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
