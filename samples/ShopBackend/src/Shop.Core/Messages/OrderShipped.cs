namespace Shop.Core.Messages;

public sealed record OrderShipped(int OrderId, string OrderNumber, string CustomerEmail, string Carrier, string TrackingNumber, DateTime ShippedAt);
