using System.Net;
using System.Net.Http.Json;

namespace Shop.Api.Clients;

/// <summary>The merchandising team's catalog service: rich product content (images, specs) we do not store.</summary>
public sealed class CatalogClient
{
    private readonly HttpClient _http;

    public CatalogClient(HttpClient http)
    {
        _http = http;
    }

    public async Task<ProductContent?> GetContentAsync(int productId, CancellationToken cancellationToken)
    {
        var response = await _http.GetAsync($"content/products/{productId}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ProductContent>(cancellationToken);
    }

    public async Task<IReadOnlyList<int>> GetRecommendationsAsync(int productId, CancellationToken cancellationToken)
    {
        var ids = await _http.GetFromJsonAsync<int[]>($"recommendations/{productId}?limit=8", cancellationToken);
        return ids ?? [];
    }
}

public sealed record ProductContent(int ProductId, string Headline, IReadOnlyList<string> ImageUrls, IReadOnlyDictionary<string, string> Specifications);
