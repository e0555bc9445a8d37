using System.Net.Http.Json;

namespace Shop.Api.Endpoints;

public static class ShippingEndpoints
{
    public static RouteGroupBuilder MapShippingEndpoints(this RouteGroupBuilder api)
    {
        var shipping = api.MapGroup("/shipping").WithTags("Shipping");

        shipping.MapGet("/quote", GetQuote).AllowAnonymous();
        shipping.MapGet("/track/{trackingNumber}", Track).RequireAuthorization();

        return api;
    }

    private static async Task<IResult> GetQuote(string country, string postalCode, decimal weightKg, IConfiguration configuration, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var baseUrl = configuration["Services:Shipping:BaseUrl"];
        var quote = await http.GetFromJsonAsync<ShippingQuote>(
            $"{baseUrl}/rates?country={Uri.EscapeDataString(country)}&postal={Uri.EscapeDataString(postalCode)}&kg={weightKg}",
            cancellationToken);

        return quote is null ? Results.Problem("No rate available.", statusCode: StatusCodes.Status502BadGateway) : Results.Ok(quote);
    }

    private static async Task<IResult> Track(string trackingNumber, IHttpClientFactory httpClientFactory, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var http = httpClientFactory.CreateClient();
        http.Timeout = TimeSpan.FromSeconds(5);
        var status = await http.GetFromJsonAsync<TrackingStatus>(
            $"{configuration["Services:Shipping:BaseUrl"]}/tracking/{Uri.EscapeDataString(trackingNumber)}",
            cancellationToken);

        return status is null ? Results.NotFound() : Results.Ok(status);
    }
}

public sealed record ShippingQuote(string Carrier, decimal Price, string Currency, int EstimatedDays);

public sealed record TrackingStatus(string TrackingNumber, string Status, DateTime? DeliveredAt, IReadOnlyList<string> Events);
