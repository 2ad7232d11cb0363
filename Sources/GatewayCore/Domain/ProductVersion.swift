/// The release of smsgw these binaries belong to: the `User-Agent` of calls upstream
/// (`smsgw/<version>`) and what `--version` would print.
public enum ProductVersion {
    public static let current = "0.1.0"

    /// `smsgw/<version>` (RFC 9110 §10.1.5 product token).
    public static var userAgent: String { "smsgw/" + current }
}
