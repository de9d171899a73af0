/// URL slugs: derivation from titles, the shape rule, and de-duplication.
public enum Slug {
    /// The longest slug.
    public static let maximumLength = 120

    /// Contract rules: fold Latin letters to ASCII (ß→ss, ø→o, æ→ae, œ→oe, ł→l, đ→d, þ→th ...), drop ' and ’,
    /// other non-alphanumeric runs → "-", lowercase, cut at a '-' boundary to fit 120 (one longer word cut at
    /// 120); nil when nothing is left (caller uses the id).
    public static func derive(from title: String) -> String? {
        var bytes: [UInt8] = []
        var pendingDash = false
        for scalar in title.unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" { continue }
            var isWordPart = false
            switch TextFolding.fold(scalar) {
            case .letters(let folded) where folded.utf8.allSatisfy(isASCIIAlphanumeric):
                if pendingDash && !bytes.isEmpty { bytes.append(0x2D) }
                pendingDash = false
                bytes.append(contentsOf: folded.utf8)
                isWordPart = true
            case .mark:
                isWordPart = true
            default:
                break
            }
            if !isWordPart { pendingDash = true }
        }
        guard !bytes.isEmpty else { return nil }
        return String(decoding: cut(bytes, to: maximumLength), as: UTF8.self)
    }

    /// `^[a-z0-9]+(-[a-z0-9]+)*$` and at most 120 characters.
    public static func isValid(_ slug: String) -> Bool {
        isSlugShaped(slug, maximumLength: maximumLength)
    }

    /// base, base-2, base-3 ... shortening base so the whole fits 120, first not in use.
    public static func unique(_ base: String, isTaken: (String) -> Bool) -> String {
        if !isTaken(base) { return base }
        var number = 2
        while true {
            let suffix = "-\(number)"
            let room = maximumLength - suffix.utf8.count
            var stem = Array(base.utf8.prefix(room))
            while stem.last == 0x2D { stem.removeLast() }
            let candidate = String(decoding: stem, as: UTF8.self) + suffix
            if !isTaken(candidate) { return candidate }
            number += 1
        }
    }

    /// Lowercase ASCII words joined by single dashes, at most `maximumLength` characters.
    static func isSlugShaped(_ text: String, maximumLength: Int) -> Bool {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= maximumLength, bytes.first != 0x2D, bytes.last != 0x2D else {
            return false
        }
        var previousDash = false
        for byte in bytes {
            if byte == 0x2D {
                if previousDash { return false }
                previousDash = true
            } else if byte >= 0x61 && byte <= 0x7A || byte >= 0x30 && byte <= 0x39 {
                previousDash = false
            } else {
                return false
            }
        }
        return true
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        byte >= 0x61 && byte <= 0x7A || byte >= 0x30 && byte <= 0x39
    }

    /// Cuts at the last '-' that keeps the slug within `limit`; a first word longer than that is cut at `limit`.
    private static func cut(_ bytes: [UInt8], to limit: Int) -> ArraySlice<UInt8> {
        guard bytes.count > limit else { return bytes[...] }
        if bytes[limit] == 0x2D { return bytes[..<limit] }
        if let dash = bytes[..<limit].lastIndex(of: 0x2D) { return bytes[..<dash] }
        return bytes[..<limit]
    }
}
