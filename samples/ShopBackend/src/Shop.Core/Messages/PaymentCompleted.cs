namespace Shop.Core.Messages;

public sealed record PaymentCompleted(Guid PaymentId, int OrderId, bool Succeeded, string? ProviderReference, string? FailureReason);
