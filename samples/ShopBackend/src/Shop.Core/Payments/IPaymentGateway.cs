namespace Shop.Core.Payments;

public interface IPaymentGateway
{
    Task<PaymentResult> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken);

    Task<PaymentResult> RefundAsync(string providerReference, decimal amount, string currency, CancellationToken cancellationToken);
}

public sealed record PaymentRequest(string OrderNumber, decimal Amount, string Currency, string CardToken, string CustomerEmail);

public sealed record PaymentResult(bool Succeeded, string? ProviderReference, string? FailureReason);
