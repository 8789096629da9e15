/// Identifiers that exports derive from the dataset's own ids, so that exporting the same data
/// twice gives the same ids, and a calendar or schedule app updates entries instead of duplicating
/// them. Nothing here is random and nothing depends on the clock.
enum StableID {
    /// iCalendar UID: `h23-opening@wco-tech-conf-2023.confdash`. Session ids are unique in a
    /// dataset; the event id keeps the UID unique when several datasets are merged into a calendar.
    static func uid(session: String, event: String) -> String { "\(session)@\(event).confdash" }

    /// Name-based UUID (RFC 9562 version 5, SHA-1) of the session's UID in the URL namespace,
    /// as frab's guid: `uuid5(NAMESPACE_URL, "confdash:" + uid)` in Python gives the same value.
    static func guid(session: String, event: String) -> String {
        uuid5("confdash:" + uid(session: session, event: event))
    }

    /// A room's guid, from the event and room ids.
    static func roomGUID(room: String, event: String) -> String { uuid5("confdash:room/\(room)@\(event).confdash") }

    /// A person's guid, from the person id (people are shared between events).
    static func personGUID(person: String) -> String { uuid5("confdash:person/\(person)") }

    /// The RFC 9562 URL namespace, 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
    private static let urlNamespace: [UInt8] = [0x6B, 0xA7, 0xB8, 0x11, 0x9D, 0xAD, 0x11, 0xD1,
                                                0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8]

    static func uuid5(_ name: String) -> String {
        var name = name
        return name.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16 + utf8.count) { message in
                for offset in 0..<utf8.count { message[16 + offset] = utf8[offset] }
                // Written into a fixed buffer: an export of 100,000 sessions makes a quarter of a million of these.
                return String(unsafeUninitializedCapacity: 36) { text in uuid5(message, into: text) }
            }
        }
    }

    /// `guid(session:event:)` appended to `bytes`, with the name put together on the stack: no
    /// String for the uid, the name or the guid (schedule.xml and schedule.json write one a talk).
    static func appendGUID(session: String, event: String, to bytes: inout [UInt8]) {
        var session = session, event = event
        session.withUTF8 { session in
            event.withUTF8 { event in
                let prefix: StaticString = "confdash:", suffix: StaticString = ".confdash"
                let count = prefix.utf8CodeUnitCount + session.count + 1 + event.count + suffix.utf8CodeUnitCount
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16 + count) { message in
                    var at = 16
                    func put(_ part: UnsafeBufferPointer<UInt8>) {
                        for byte in part { message[at] = byte; at += 1 }
                    }
                    put(UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
                    put(session)
                    message[at] = UInt8(ascii: "@"); at += 1
                    put(event)
                    put(UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount))
                    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 36) { text in
                        _ = uuid5(message, into: text)
                        bytes.append(contentsOf: UnsafeBufferPointer(text))
                    }
                }
            }
        }
    }

    /// The version-5 UUID of the name in `message[16...]` (the first 16 bytes are the namespace's,
    /// filled in here), as 36 characters into `text`; returns 36.
    private static func uuid5(_ message: UnsafeMutableBufferPointer<UInt8>, into text: UnsafeMutableBufferPointer<UInt8>) -> Int {
        for offset in 0..<16 { message[offset] = urlNamespace[offset] }
        let h = SHA1.words(UnsafeRawBufferPointer(message))
        var count = 0
        for offset in 0..<16 {
            if offset == 4 || offset == 6 || offset == 8 || offset == 10 {
                text[count] = UInt8(ascii: "-")
                count += 1
            }
            let word = offset < 4 ? h.0 : offset < 8 ? h.1 : offset < 12 ? h.2 : h.3
            var byte = UInt8(truncatingIfNeeded: word >> UInt32(24 - (offset % 4) * 8))
            if offset == 6 { byte = (byte & 0x0F) | 0x50 }  // version 5
            if offset == 8 { byte = (byte & 0x3F) | 0x80 }  // RFC variant
            text[count] = hexDigit(byte >> 4)
            text[count + 1] = hexDigit(byte & 0x0F)
            count += 2
        }
        return count
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10 }

    /// frab's `acronym`, from an event id: hyphens become underscores (schedule.json's pattern allows
    /// no inner hyphen; ids never contain underscores, so the id can be read back), padded to the
    /// four characters both schemas require.
    static func acronym(event id: String) -> String {
        var bytes = id.utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: "_") : $0 }
        while bytes.count < 4 { bytes.append(UInt8(ascii: "_")) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// SHA-1 (FIPS 180-4), only to derive version-5 UUIDs; not for anything secret.
enum SHA1 {
    static func hash(_ message: [UInt8]) -> [UInt8] {
        let h = message.withUnsafeBytes { words($0) }
        return [h.0, h.1, h.2, h.3, h.4].flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - $0 * 8)) } }
    }

    /// The five words of the digest. Works through fixed buffers on the stack (the message's last
    /// block or two, padded, and the schedule): with arrays, a version-5 UUID cost about 12,000
    /// instructions, most of them allocating and checking.
    static func words(_ message: UnsafeRawBufferPointer) -> (UInt32, UInt32, UInt32, UInt32, UInt32) {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        let fullBlocks = message.count / 64
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
            for block in 0..<fullBlocks { compress(UnsafeRawBufferPointer(rebasing: message[(block * 64)..<(block * 64 + 64)]), &h, w) }
            // The tail, 0x80, zeros, and the length in bits: one block, or two when the tail is 56 bytes or more.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
                let rest = message.count - fullBlocks * 64
                let length = rest < 56 ? 64 : 128
                for index in 0..<length { tail[index] = 0 }
                for index in 0..<rest { tail[index] = message[fullBlocks * 64 + index] }
                tail[rest] = 0x80
                let bits = UInt64(message.count) * 8
                for index in 0..<8 { tail[length - 1 - index] = UInt8(truncatingIfNeeded: bits >> UInt64(index * 8)) }
                let raw = UnsafeRawBufferPointer(tail)
                compress(UnsafeRawBufferPointer(rebasing: raw[0..<64]), &h, w)
                if length == 128 { compress(UnsafeRawBufferPointer(rebasing: raw[64..<128]), &h, w) }
            }
        }
        return h
    }

    private static func compress(_ block: UnsafeRawBufferPointer, _ h: inout (UInt32, UInt32, UInt32, UInt32, UInt32),
                                 _ w: UnsafeMutableBufferPointer<UInt32>) {
        for i in 0..<16 {
            let b = i * 4
            w[i] = UInt32(block[b]) << 24 | UInt32(block[b + 1]) << 16 | UInt32(block[b + 2]) << 8 | UInt32(block[b + 3])
        }
        for i in 16..<80 { w[i] = rotate(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1) }
        var (a, b, c, d, e) = h
        // The four stages of twenty rounds each in their own loop: no choice of function per round.
        @inline(__always) func round(_ f: UInt32, _ k: UInt32, _ i: Int) {
            let temp = rotate(a, 5) &+ f &+ e &+ k &+ w[i]
            (e, d, c, b, a) = (d, c, rotate(b, 30), a, temp)
        }
        for i in 0..<20 { round((b & c) | (~b & d), 0x5A82_7999, i) }
        for i in 20..<40 { round(b ^ c ^ d, 0x6ED9_EBA1, i) }
        for i in 40..<60 { round((b & c) | (b & d) | (c & d), 0x8F1B_BCDC, i) }
        for i in 60..<80 { round(b ^ c ^ d, 0xCA62_C1D6, i) }
        h.0 &+= a; h.1 &+= b; h.2 &+= c; h.3 &+= d; h.4 &+= e
    }

    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 { value << count | value >> (32 - count) }
}
