namespace Shop.Api.Contracts;

public sealed record CreatePaymentRequest(int OrderId, string CardToken);

public sealed record PaymentResponse(Guid Id, int OrderId, string Status, string? FailureReason);
