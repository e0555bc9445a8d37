using BackendArchitect.CSharp;
using BackendArchitect.Linking;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>Finds the declaration of an endpoint's bound parameter, so a finding about it points at the parameter.</summary>
public static class HandlerParameters
{
    /// <summary>The parameter of that name on the handler the linker found; null when the handler was not found.</summary>
    public static (CSharpDocument Document, ParameterSyntax Parameter)? Find(LinkGraph links, Endpoint endpoint, string name) =>
        links.For(endpoint)?.Handler is { } handler && handler.Parameters.FirstOrDefault(p => p.Identifier.ValueText == name) is { } parameter
            ? (handler.Document, parameter)
            : null;
}
