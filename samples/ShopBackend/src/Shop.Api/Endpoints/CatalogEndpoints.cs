using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Shop.Api.Auth;
using Shop.Api.Clients;
using Shop.Api.Data;
using Shop.Api.Data.Entities;

namespace Shop.Api.Endpoints;

public static class CatalogEndpoints
{
    private static readonly DistributedCacheEntryOptions ProductCacheOptions = new()
    {
        AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5),
    };

    public static RouteGroupBuilder MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        var catalog = api.MapGroup("/catalog").WithTags("Catalog");

        catalog.MapGet("/search", SearchProducts).AllowAnonymous();
        catalog.MapGet("/featured", GetFeatured).AllowAnonymous();

        var products = catalog.MapGroup("/products").RequireAuthorization();

        products.MapGet("/", ListProducts);
        products.MapGet("/{id:int}", GetProduct).WithName("GetProduct");
        products.MapGet("/{id:int}/recommendations", GetRecommendations);
        products.MapPost("/", CreateProduct).RequireAuthorization(AuthPolicies.CatalogManager);
        products.MapPut("/{id:int}", UpdateProduct).RequireAuthorization(AuthPolicies.CatalogManager);
        products.MapPatch("/{id:int}/stock", AdjustStock).AllowAnonymous();
        products.MapDelete("/{id:int}", DeleteProduct).AllowAnonymous();

        return api;
    }

    private static async Task<Ok<List<ProductSummary>>> SearchProducts(string q, ShopDbContext db, CancellationToken cancellationToken)
    {
        var results = await db.Products
            .FromSqlRaw("SELECT * FROM products WHERE is_active AND name ILIKE '%" + q + "%' ORDER BY name LIMIT 50")
            .AsNoTracking()
            .Select(p => new ProductSummary(p.Id, p.Name, p.Price, p.StockQuantity > 0))
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(results);
    }

    private static async Task<Ok<List<ProductSummary>>> GetFeatured(ShopDbContext db, IDistributedCache cache, CancellationToken cancellationToken)
    {
        const string key = "catalog:featured";
        var cached = await cache.GetStringAsync(key, cancellationToken);
        if (cached is not null)
        {
            return TypedResults.Ok(JsonSerializer.Deserialize<List<ProductSummary>>(cached)!);
        }

        var featured = await db.Products
            .AsNoTracking()
            .Where(p => p.IsActive && p.StockQuantity > 0)
            .OrderByDescending(p => p.UpdatedAt)
            .Take(12)
            .Select(p => new ProductSummary(p.Id, p.Name, p.Price, true))
            .ToListAsync(cancellationToken);

        await cache.SetStringAsync(key, JsonSerializer.Serialize(featured), ProductCacheOptions, cancellationToken);
        return TypedResults.Ok(featured);
    }

    private static async Task<Ok<List<ProductSummary>>> ListProducts(ShopDbContext db, CancellationToken cancellationToken)
    {
        var all = await db.Products
            .AsNoTracking()
            .Where(p => p.IsActive)
            .OrderBy(p => p.Name)
            .Select(p => new ProductSummary(p.Id, p.Name, p.Price, p.StockQuantity > 0))
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(all);
    }

    private static async Task<Results<Ok<ProductDetails>, NotFound>> GetProduct(
        int id,
        ShopDbContext db,
        CatalogClient catalogClient,
        IDistributedCache cache,
        CancellationToken cancellationToken)
    {
        var key = $"catalog:product:{id}";
        var cached = await cache.GetStringAsync(key, cancellationToken);
        if (cached is not null)
        {
            return TypedResults.Ok(JsonSerializer.Deserialize<ProductDetails>(cached)!);
        }

        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.IsActive, cancellationToken);
        if (product is null)
        {
            return TypedResults.NotFound();
        }

        var content = await catalogClient.GetContentAsync(id, cancellationToken);
        var details = new ProductDetails(
            product.Id,
            product.Name,
            product.Sku,
            product.Description,
            product.Price,
            product.StockQuantity,
            content?.ImageUrls ?? [],
            content?.Specifications ?? new Dictionary<string, string>());

        await cache.SetStringAsync(key, JsonSerializer.Serialize(details), ProductCacheOptions, cancellationToken);
        return TypedResults.Ok(details);
    }

    private static async Task<Ok<IReadOnlyList<int>>> GetRecommendations(int id, CatalogClient catalogClient, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalogClient.GetRecommendationsAsync(id, cancellationToken));

    private static async Task<Created<Product>> CreateProduct(ProductInput input, ShopDbContext db, CancellationToken cancellationToken)
    {
        var product = new Product
        {
            Name = input.Name,
            Sku = input.Sku,
            Description = input.Description,
            Price = input.Price,
            StockQuantity = input.StockQuantity,
        };
        db.Products.Add(product);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/catalog/products/{product.Id}", product);
    }

    private static async Task<Results<NoContent, NotFound>> UpdateProduct(
        int id,
        ProductInput input,
        ShopDbContext db,
        IDistributedCache cache,
        CancellationToken cancellationToken)
    {
        var product = await db.Products.FindAsync([id], cancellationToken);
        if (product is null)
        {
            return TypedResults.NotFound();
        }

        product.Name = input.Name;
        product.Sku = input.Sku;
        product.Description = input.Description;
        product.Price = input.Price;
        product.StockQuantity = input.StockQuantity;
        await db.SaveChangesAsync(cancellationToken);
        await cache.RemoveAsync($"catalog:product:{id}", cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> AdjustStock(int id, StockAdjustment adjustment, ShopDbContext db, CancellationToken cancellationToken)
    {
        var updated = await db.Products
            .Where(p => p.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.StockQuantity, p => p.StockQuantity + adjustment.Delta), cancellationToken);

        return updated == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> DeleteProduct(int id, ShopDbContext db, IDistributedCache cache, CancellationToken cancellationToken)
    {
        var deleted = await db.Products.Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
        await cache.RemoveAsync($"catalog:product:{id}", cancellationToken);
        return deleted == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }
}

public sealed record ProductSummary(int Id, string Name, decimal Price, bool InStock);

public sealed record ProductDetails(
    int Id,
    string Name,
    string? Sku,
    string? Description,
    decimal Price,
    int StockQuantity,
    IReadOnlyList<string> ImageUrls,
    IReadOnlyDictionary<string, string> Specifications);

public sealed record ProductInput(string Name, string? Sku, string? Description, decimal Price, int StockQuantity);

public sealed record StockAdjustment(int Delta, string Reason);
