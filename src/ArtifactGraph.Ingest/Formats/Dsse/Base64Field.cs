namespace ArtifactGraph.Ingest.Formats.Dsse;

/// <summary>Base64 as attestation tools write it: standard or URL-safe alphabet, padded or not.</summary>
internal static class Base64Field
{
    public static byte[] Decode(string text, string pointer)
    {
        var value = text.Trim();
        try
        {
            return Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            var standard = value.Replace('-', '+').Replace('_', '/');
            standard = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
            try
            {
                return Convert.FromBase64String(standard);
            }
            catch (FormatException ex)
            {
                throw new DocumentRejectedException(pointer, "not base64: " + ex.Message, ex);
            }
        }
    }
}
