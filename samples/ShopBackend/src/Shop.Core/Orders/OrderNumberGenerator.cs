using System.Security.Cryptography;

namespace Shop.Core.Orders;

public interface IOrderNumberGenerator
{
    string Next(DateTime now);
}

/// <summary>Order numbers like SO-240315-7K3QX: date for support staff, random suffix so they cannot be enumerated.</summary>
public sealed class OrderNumberGenerator : IOrderNumberGenerator
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public string Next(DateTime now)
    {
        Span<char> suffix = stackalloc char[5];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"SO-{now:yyMMdd}-{suffix}";
    }
}
