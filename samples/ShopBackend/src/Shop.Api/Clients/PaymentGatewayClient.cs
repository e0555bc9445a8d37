using System.Net.Http.Json;
using Shop.Core.Payments;

namespace Shop.Api.Clients;

public sealed class PaymentGatewayClient : IPaymentGateway
{
    private readonly HttpClient _http;
    private readonly ILogger<PaymentGatewayClient> _logger;

    public PaymentGatewayClient(HttpClient http, ILogger<PaymentGatewayClient> logger)
    {
        _http = http;
        _logger = logger;
    }

    public async Task<PaymentResult> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        var response = await _http.PostAsJsonAsync("v1/charges", new
        {
            reference = request.OrderNumber,
            amount = (long)(request.Amount * 100),
            currency = request.Currency.ToLowerInvariant(),
            source = request.CardToken,
            receipt_email = request.CustomerEmail,
        }, cancellationToken);

        if (!response.IsSuccessStatusCode)
        {
            var error = await response.Content.ReadAsStringAsync(cancellationToken);
            _logger.LogWarning("Charge for {OrderNumber} failed with {StatusCode}: {Error}", request.OrderNumber, (int)response.StatusCode, error);
            return new PaymentResult(false, null, error);
        }

        var charge = await response.Content.ReadFromJsonAsync<ChargeResponse>(cancellationToken);
        return new PaymentResult(charge?.Status == "succeeded", charge?.Id, charge?.FailureMessage);
    }

    public async Task<PaymentResult> RefundAsync(string providerReference, decimal amount, string currency, CancellationToken cancellationToken)
    {
        var response = await _http.PostAsJsonAsync("v1/refunds", new
        {
            charge = providerReference,
            amount = (long)(amount * 100),
            currency = currency.ToLowerInvariant(),
        }, cancellationToken);

        response.EnsureSuccessStatusCode();
        var refund = await response.Content.ReadFromJsonAsync<ChargeResponse>(cancellationToken);
        return new PaymentResult(refund?.Status == "succeeded", refund?.Id, refund?.FailureMessage);
    }

    private sealed record ChargeResponse(string Id, string Status, string? FailureMessage);
}
