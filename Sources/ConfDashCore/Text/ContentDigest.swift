/// Short stable names for things that must not reach the file system as they are (a URL becomes
/// a cache file name). SHA-1 is enough: the names need to be distinct, not secret.
public enum ContentDigest {
    /// The SHA-1 of `text`'s UTF-8 bytes, as 40 lower-case hex digits.
    public static func sha1Hex(_ text: String) -> String {
        let hex: [Character] = Array("0123456789abcdef")
        var result = ""
        result.reserveCapacity(40)
        for byte in SHA1.hash(Array(text.utf8)) {
            result.append(hex[Int(byte >> 4)])
            result.append(hex[Int(byte & 0x0F)])
        }
        return result
    }
}
