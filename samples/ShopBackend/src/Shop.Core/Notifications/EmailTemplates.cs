using System.Globalization;
using System.Net;
using System.Text;
using Shop.Core.Messages;

namespace Shop.Core.Notifications;

public static class EmailTemplates
{
    public static EmailMessage OrderConfirmation(OrderPlaced order)
    {
        var culture = CultureInfo.GetCultureInfo("en-IE");
        var body = new StringBuilder();
        body.Append("<h1>Thank you for your order</h1>");
        body.Append("<p>Order <strong>").Append(WebUtility.HtmlEncode(order.OrderNumber)).Append("</strong></p>");
        body.Append("<table>");
        foreach (var line in order.Lines)
        {
            body.Append("<tr><td>")
                .Append(WebUtility.HtmlEncode(line.ProductName))
                .Append("</td><td>")
                .Append(line.Quantity)
                .Append("</td><td>")
                .Append(line.UnitPrice.ToString("N2", culture))
                .Append("</td></tr>");
        }

        body.Append("</table>");
        body.Append("<p>Total: ").Append(order.Total.ToString("N2", culture)).Append(' ').Append(order.Currency).Append("</p>");
        return new EmailMessage(order.CustomerEmail, $"Your order {order.OrderNumber}", body.ToString());
    }

    public static EmailMessage OrderShipped(OrderShipped shipped) =>
        new(
            shipped.CustomerEmail,
            $"Your order {shipped.OrderNumber} is on its way",
            $"<p>Your parcel was handed to {WebUtility.HtmlEncode(shipped.Carrier)}. Tracking number: {WebUtility.HtmlEncode(shipped.TrackingNumber)}.</p>");
}
