import CSHA1

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
    static func appendGUID<Sink: JSONByteSink>(session: String, event: String, to bytes: inout Sink) {
        appendUUID5("confdash:", session, "@", event, ".confdash", to: &bytes)
    }

    /// `personGUID(person:)` appended to `bytes`, the same way (a talk's every person has one).
    static func appendPersonGUID<Sink: JSONByteSink>(person: String, to bytes: inout Sink) {
        appendUUID5("confdash:person/", person, "", "", "", to: &bytes)
    }

    /// The version-5 UUID of the name `prefix + first + middle + second + suffix`, appended to
    /// `bytes` as 36 characters; the name is put together on the stack.
    private static func appendUUID5<Sink: JSONByteSink>(_ prefix: StaticString, _ first: String, _ middle: StaticString, _ second: String,
                                    _ suffix: StaticString, to bytes: inout Sink) {
        var first = first, second = second
        first.withUTF8 { first in
            second.withUTF8 { second in
                let count = prefix.utf8CodeUnitCount + first.count + middle.utf8CodeUnitCount + second.count + suffix.utf8CodeUnitCount
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16 + count) { message in
                    var at = 16
                    func put(_ part: UnsafeBufferPointer<UInt8>) {
                        guard let base = part.baseAddress else { return }
                        (message.baseAddress! + at).update(from: base, count: part.count)
                        at += part.count
                    }
                    func put(_ part: StaticString) { put(UnsafeBufferPointer(start: part.utf8Start, count: part.utf8CodeUnitCount)) }
                    put(prefix)
                    put(first)
                    put(middle)
                    put(second)
                    put(suffix)
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
        // The namespace: 6ba7b811-9dad-11d1-80b4-00c04fd430c8, as two big-endian words.
        let namespace: (UInt64, UInt64) = (0x6BA7_B811_9DAD_11D1, 0x80B4_00C0_4FD4_30C8)
        UnsafeMutableRawPointer(message.baseAddress!).storeBytes(of: namespace.0.bigEndian, as: UInt64.self)
        UnsafeMutableRawPointer(message.baseAddress! + 8).storeBytes(of: namespace.1.bigEndian, as: UInt64.self)
        let h = SHA1.words(UnsafeRawBufferPointer(message))
        // The first 128 bits of the digest, version 5 and the RFC variant set, in hexadecimal
        // 8-4-4-4-12, one word at a time.
        let high = UInt64(h.0) << 32 | UInt64(h.1 & 0xFFFF_0FFF | 0x0000_5000)
        let low = UInt64(h.2 & 0x3FFF_FFFF | 0x8000_0000) << 32 | UInt64(h.3)
        var count = 0
        func hex(_ value: UInt64, digits: Int) {
            for index in 0..<digits {
                let nibble = UInt8(truncatingIfNeeded: value >> UInt64(4 * (digits - 1 - index))) & 0x0F
                text[count + index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
            }
            count += digits
        }
        func hyphen() { text[count] = UInt8(ascii: "-"); count += 1 }
        hex(high >> 32, digits: 8); hyphen()
        hex(high >> 16 & 0xFFFF, digits: 4); hyphen()
        hex(high & 0xFFFF, digits: 4); hyphen()
        hex(low >> 48, digits: 4); hyphen()
        hex(low & 0xFFFF_FFFF_FFFF, digits: 12)
        return count
    }

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

    /// Whether the processor's SHA extensions do the block function (`CSHA1`: x86-64 SHA-NI,
    /// ~100 instructions a block instead of ~1,000; a talk's guid is two blocks). Asked once.
    /// valgrind hides the extensions, so instruction counts there are those of the Swift function.
    static let accelerated = confdash_sha1_ni_available() != 0

    /// The five words of the digest. Works through fixed buffers on the stack (the message's last
    /// block or two, padded, and the schedule): with arrays, a version-5 UUID cost about 12,000
    /// instructions, most of them allocating and checking. `accelerated: false` is for tests,
    /// which compare both block functions.
    static func words(_ message: UnsafeRawBufferPointer, accelerated: Bool = SHA1.accelerated) -> (UInt32, UInt32, UInt32, UInt32, UInt32) {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        let fullBlocks = message.count / 64
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
            func compress(_ block: UnsafeRawBufferPointer, _ h: inout (UInt32, UInt32, UInt32, UInt32, UInt32), _ w: UnsafeMutableBufferPointer<UInt32>) {
                guard accelerated else { return SHA1.compress(block, &h, w) }
                withUnsafeMutableBytes(of: &h) { state in
                    confdash_sha1_ni_compress(state.baseAddress!.assumingMemoryBound(to: UInt32.self),
                                              block.baseAddress!.assumingMemoryBound(to: UInt8.self), block.count / 64)
                }
            }
            if fullBlocks > 0 { compress(UnsafeRawBufferPointer(rebasing: message[0..<(fullBlocks * 64)]), &h, w) }
            // The tail, 0x80, zeros, and the length in bits: one block, or two when the tail is 56 bytes or more.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
                let rest = message.count - fullBlocks * 64
                let length = rest < 56 ? 64 : 128
                tail.initialize(repeating: 0)
                if rest > 0 {
                    UnsafeMutableRawPointer(tail.baseAddress!).copyMemory(from: message.baseAddress! + fullBlocks * 64, byteCount: rest)
                }
                tail[rest] = 0x80
                let bits = UInt64(message.count) * 8
                for index in 0..<8 { tail[length - 1 - index] = UInt8(truncatingIfNeeded: bits >> UInt64(index * 8)) }
                let raw = UnsafeRawBufferPointer(tail)
                compress(UnsafeRawBufferPointer(rebasing: raw[0..<length]), &h, w)
            }
        }
        return h
    }

    /// The block function on `blocks`' 64-byte blocks, in Swift.
    private static func compress(_ blocks: UnsafeRawBufferPointer, _ h: inout (UInt32, UInt32, UInt32, UInt32, UInt32),
                                 _ w: UnsafeMutableBufferPointer<UInt32>) {
        for start in stride(from: 0, to: blocks.count, by: 64) {
            compressBlock(UnsafeRawBufferPointer(rebasing: blocks[start..<(start + 64)]), &h, w)
        }
    }

    private static func compressBlock(_ block: UnsafeRawBufferPointer, _ h: inout (UInt32, UInt32, UInt32, UInt32, UInt32),
                                      _ w: UnsafeMutableBufferPointer<UInt32>) {
        // Big-endian words, loaded a word at a time.
        for i in 0..<16 { w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)) }
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
