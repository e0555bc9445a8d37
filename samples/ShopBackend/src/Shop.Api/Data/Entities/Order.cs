using System.ComponentModel.DataAnnotations;

namespace Shop.Api.Data.Entities;

public class Order
{
    public int Id { get; set; }

    [Required]
    [MaxLength(32)]
    public string OrderNumber { get; set; } = string.Empty;

    public int CustomerId { get; set; }

    public OrderStatus Status { get; set; } = OrderStatus.Pending;

    public decimal Total { get; set; }

    [Required]
    [StringLength(3, MinimumLength = 3)]
    public string Currency { get; set; } = "EUR";

    public DateTime CreatedAt { get; set; }

    public DateTime? ShippedAt { get; set; }

    public virtual ICollection<OrderLine> Lines { get; set; } = new List<OrderLine>();

    public virtual ICollection<Payment> Payments { get; set; } = new List<Payment>();
}

public enum OrderStatus
{
    Pending,
    Paid,
    Shipped,
    Cancelled,
    Refunded,
}
