using System.Text;

namespace Booking.Staff;

/// <summary>How the schema spells our names: snake_case (<c>RoleGranted</c> is <c>role_granted</c>), and back.</summary>
public static class DatabaseNames
{
    public static string Of<T>(T value) where T : struct, Enum => SnakeCase(value.ToString());

    public static T Parse<T>(string name) where T : struct, Enum =>
        Enum.TryParse<T>(name.Replace("_", ""), ignoreCase: true, out var value) && Of(value) == name
            ? value
            : throw new InvalidDataException($"'{name}' is not a {typeof(T).Name}.");

    public static string SnakeCase(string name)
    {
        var snake = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
                snake.Append('_');
            snake.Append(char.ToLowerInvariant(name[i]));
        }
        return snake.ToString();
    }
}
