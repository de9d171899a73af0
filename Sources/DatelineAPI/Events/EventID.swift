/// Event ids: `<epoch>-<sequence>`, where the epoch is random per process, so an id from an earlier run (or
/// another instance) is recognised as never issued here rather than misread as a position.
struct EventID {
    let epoch: String
    let sequence: UInt64

    init(epoch: String, sequence: UInt64) {
        self.epoch = epoch
        self.sequence = sequence
    }

    /// Parses `Last-Event-ID`; nil when it is not of this form.
    init?(_ text: String) {
        guard let dash = text.lastIndex(of: "-"), let sequence = UInt64(text[text.index(after: dash)...]) else {
            return nil
        }
        epoch = String(text[..<dash])
        self.sequence = sequence
    }

    var text: String { "\(epoch)-\(sequence)" }

    static func randomEpoch() -> String {
        String(UInt32.random(in: 0x1000_0000...UInt32.max), radix: 16)
    }
}
