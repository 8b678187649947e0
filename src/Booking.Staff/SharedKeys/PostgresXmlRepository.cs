using System.Xml.Linq;
using Booking.Data.Staff;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Booking.Staff.SharedKeys;

/// <summary>The data-protection key ring in PostgreSQL (<see cref="DataProtectionKeys"/>), shared by every admin host. The
/// elements it is given are already encrypted (<see cref="KeyFileXmlEncryptor"/>). Data protection calls it
/// synchronously, rarely (at start, and when its cached ring expires or meets an unknown key).</summary>
public sealed class PostgresXmlRepository(DataProtectionKeys keys) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => keys.All().Select(xml => XElement.Parse(xml)).ToList();

    public void StoreElement(XElement element, string friendlyName) => keys.Store(friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
