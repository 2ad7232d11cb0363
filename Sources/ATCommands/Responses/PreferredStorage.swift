/// The answers of `AT+CPMS` (3GPP TS 27.005 §3.2.2): the read answer
/// `+CPMS: <mem1>,<used1>,<total1>[,<mem2>,<used2>,<total2>[,<mem3>,<used3>,<total3>]]` and the
/// set answer `+CPMS: <used1>,<total1>[,<used2>,<total2>[,<used3>,<total3>]]`.
public struct PreferredStorage: Sendable, Hashable {
    /// One storage and how full it is.
    public struct Usage: Sendable, Hashable {
        /// The storage; nil in the set answer, which names none.
        public var storage: MessageStorage?
        public var used: Int
        public var total: Int

        public init(storage: MessageStorage?, used: Int, total: Int) {
            self.storage = storage
            self.used = used
            self.total = total
        }

        /// True when no further message fits (27.005: "memory full" follows).
        public var isFull: Bool { total > 0 && used >= total }
    }

    /// `<mem1>` (read/delete), `<mem2>` (write/send), `<mem3>` (receive), as many as given.
    public var usages: [Usage]

    public init(usages: [Usage]) {
        self.usages = usages
    }

    /// Parses either answer: the read answer starts with a quoted storage name.
    public init(line: String) throws(ATParseError) {
        let fields = try ATInformationLine.fields(of: line, named: "+CPMS")
        let named = fields.first.map { if case .quoted = $0 { true } else { false } } ?? false
        let width = named ? 3 : 2
        guard !fields.isEmpty, fields.count % width == 0, fields.count / width <= 3 else {
            throw ATParseError(.fieldCount(fields.count), line: line)
        }
        var usages: [Usage] = []
        for start in stride(from: 0, to: fields.count, by: width) {
            let storage = named ? fields[start].text.map { MessageStorage(rawValue: $0) } : nil
            guard !named || storage?.rawValue.isEmpty == false else {
                throw ATParseError(.invalidField(name: "mem", value: fields[start].text ?? ""), line: line)
            }
            let offset = named ? 1 : 0
            guard let used = fields[start + offset].integer, let total = fields[start + offset + 1].integer else {
                throw ATParseError(.invalidField(name: "used/total", value: fields[start + offset].text ?? ""), line: line)
            }
            usages.append(Usage(storage: storage, used: used, total: total))
        }
        self.init(usages: usages)
    }
}

/// The answer to `AT+CPMS=?`: the storages supported for `<mem1>`, `<mem2>`, `<mem3>`
/// (3GPP TS 27.005 §3.2.2), e.g. `+CPMS: ("SM","ME"),("SM","ME"),("SM","ME")`.
public struct SupportedStorages: Sendable, Hashable {
    public var lists: [[MessageStorage]]

    /// Parses the test answer; also a bare list (`+CPMS: "SM","SM","SM"`, iwow) taken as one
    /// storage per position, and Wavecom's doubly-parenthesised form.
    public init(line: String) throws(ATParseError) {
        var fields = try ATInformationLine.fields(of: line, named: "+CPMS")
        if fields.count == 1, case .list(let inner) = fields[0], inner.allSatisfy({ if case .list = $0 { true } else { false } }) {
            fields = inner
        }
        var lists: [[MessageStorage]] = []
        for field in fields {
            switch field {
            case .list(let items):
                let names = items.compactMap(\.text)
                guard names.count == items.count else { throw ATParseError(.invalidField(name: "mem", value: ""), line: line) }
                lists.append(names.map { MessageStorage(rawValue: $0) })
            case .quoted(let name):
                lists.append([MessageStorage(rawValue: name)])
            case .bare, .omitted:
                throw ATParseError(.invalidField(name: "mem", value: field.text ?? ""), line: line)
            }
        }
        self.lists = lists
    }
}
