namespace FollowUpBot.Testing;

/// <summary>Variants of the committed office fixtures (tests/fixtures/inputs) that LibreOffice here cannot write.</summary>
internal static class OfficeFixtures
{
    /// <summary>A Word 97–2003 document as Word saves it when a password is needed to open it: the fEncrypted bit of the
    /// file information block, which starts a sector of the WordDocument stream with the magic number 0xA5EC.</summary>
    public static byte[] PasswordProtected(byte[] doc)
    {
        var bytes = (byte[])doc.Clone();
        for (var offset = 512; offset + 0x0C <= bytes.Length; offset += 512)
        {
            if (bytes[offset] == 0xEC && bytes[offset + 1] == 0xA5)
            {
                bytes[offset + 0x0B] |= 0x01;
                return bytes;
            }
        }

        throw new InvalidOperationException("no Word file information block in the document");
    }
}
