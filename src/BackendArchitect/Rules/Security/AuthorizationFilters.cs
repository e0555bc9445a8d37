using BackendArchitect.CSharp;
using BackendArchitect.Findings;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Rules.Security;

/// <summary>
/// Whether authorization may live where the scan does not read it: an attribute on the action or its controller
/// that is not one of ASP.NET Core's routing, documentation or binding attributes (custom filters such as
/// [RequirePermission] or [InjectProvider(...)] check the caller themselves), or an endpoint filter on a minimal
/// API. An anonymous verdict is then not one to report.
/// </summary>
public static class AuthorizationFilters
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "HttpGet", "HttpPost", "HttpPut", "HttpPatch", "HttpDelete", "HttpHead", "HttpOptions", "AcceptVerbs", "Route", "ApiController",
        "Produces", "ProducesResponseType", "ProducesDefaultResponseType", "ProducesErrorResponseType", "Consumes", "ApiExplorerSettings",
        "SwaggerOperation", "SwaggerResponse", "SwaggerTag", "Tags", "EndpointSummary", "EndpointDescription", "EndpointName",
        "RequestSizeLimit", "DisableRequestSizeLimit", "RequestFormLimits", "EnableRateLimiting", "DisableRateLimiting", "EnableCors",
        "DisableCors", "ValidateAntiForgeryToken", "AutoValidateAntiforgeryToken", "IgnoreAntiforgeryToken", "Obsolete", "ResponseCache",
        "OutputCache", "ApiVersion", "MapToApiVersion", "AdvertiseApiVersions", "NonAction", "ActionName", "Area", "FormatFilter",
        "TypeFilter", "ServiceFilter", "SuppressMessage", "ExcludeFromCodeCoverage", "GeneratedCode", "Description", "DisplayName",
        "AllowAnonymous", "Authorize", "Controller", "NonController", "Http", "RequireHttps",
    };

    /// <summary>True when the endpoint's handler or its class carries an attribute that may be an authorization filter.</summary>
    public static bool MayAuthorize(CodeReviewContext context, Endpoint endpoint)
    {
        if (endpoint.Kind == EndpointKinds.Minimal)
        {
            // The filter is chained on the mapping call, which need not be where the handler is declared.
            var mapping = context.Workspace.Files.FirstOrDefault(f => f.Path == endpoint.File);
            var line = mapping?.Text.ReplaceLineEndings("\n").Split('\n').ElementAtOrDefault(endpoint.Line - 1) ?? "";
            return line.Contains("AddEndpointFilter", StringComparison.Ordinal) || line.Contains("WithMetadata", StringComparison.Ordinal);
        }

        if (context.Links.For(endpoint)?.Handler.Node is not MethodDeclarationSyntax method)
        {
            return false;
        }

        var attributes = SyntaxHelpers.Attributes(method).Concat(method.Ancestors().OfType<TypeDeclarationSyntax>().SelectMany(SyntaxHelpers.Attributes));
        return attributes.Select(SyntaxHelpers.AttributeName).Any(name => !Known.Contains(name));
    }
}
